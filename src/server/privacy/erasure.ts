/**
 * Erasure ("delete permanently", GDPR art. 17): removes a person's personal data from every table
 * in one transaction and leaves a hashed tombstone (./tombstones.ts) so they never come back.
 *
 * The data subject is every person row with the same email address (in any event, in the Trash
 * or not), or — for a record without an address — the one row asked for. For them:
 *   - the person row stays, anonymised ("Erased person", no contact details, notes or tags,
 *     `erasedAt` set), so the dashboard's counts of people, messages, meetings and captures stay
 *     what they were;
 *   - messages keep their status and times but lose subject, body, address and failure text;
 *     queued and draft messages are cancelled; the outbox copies (HTML, text, headers) are deleted;
 *   - email events keep type and time but lose link, IP, user agent and provider payload;
 *   - meetings keep time and status but lose title, agenda, outcome, next step and place;
 *   - booth captures lose note, tags and the card photo; sequence enrolments stop;
 *   - talking points about them are deleted, notifications about them are deleted, activities
 *     about them keep their type and time but their text becomes a neutral sentence;
 *   - the suppression row for the address is deleted (the tombstone does its job from now on);
 *   - a last sweep replaces any remaining occurrence of their address, name, phone or LinkedIn in
 *     every other text and JSON column of the schema (import reports, dossiers' key contacts,
 *     other people's notes, saved searches …) with "[erased]";
 *   - right after the transaction, global search's list of subjects drops those no message uses
 *     any more (removeUnusedSubjects).
 * The erasure itself is logged as an activity that names no one.
 */
import { erasedFields } from "@/lib/fields/define";
import { PERSON } from "@/lib/fields/person";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { erasurePepper } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { recordActivity } from "@/server/activity/service";
import { actorName, eventScopeField, isAdmin, type Actor } from "@/server/access/actor";
import { notFoundIn } from "@/server/access/scope";
import { tombstoneFor, type TombstoneKey } from "@/server/privacy/tombstones";
import { pruneOutreachSubjects } from "@/server/search/subjects";
import { logger } from "@/server/logger";
import { z } from "zod";

const ERASURE_REASONS = ["request", "unsubscribe_reply", "retention"] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export const erasePersonBody = z.strictObject({
  ...eventScopeField,
  reason: z.enum(["request", "unsubscribe_reply"], { message: "Pick why the person is erased: their request, or an unsubscribe reply" }),
  /** The rep types ERASE: erasure cannot be undone. */
  confirm: z.literal("ERASE", { message: 'Type ERASE to confirm: erasure cannot be undone' }),
});

const REASON_TEXT: Record<ErasureReason, string> = {
  request: "at their request",
  unsubscribe_reply: "after an unsubscribe reply",
  retention: "by the retention policy",
};

const ERASED_NAME = "Erased person";
const ERASED_TEXT = "[erased]";
const ERASED_ACTIVITY = "Details removed: the person was erased";

/**
 * Tables the final sweep leaves alone: teammates, sign-in, the tombstones and bookkeeping; and
 * global search's list of outreach subjects, which is derived from the messages: rewriting it
 * could make two of its keys equal, and the subjects the erasure blanked or rewrote are removed
 * from it right after the erasure commits (removeUnusedSubjects).
 */
const SWEEP_SKIP_TABLES = new Set(["_prisma_migrations", "erasure_tombstones", "users", "auth_accounts", "sessions", "verification_tokens", "invites", "rate_limits", "outreach_subjects"]);
/** Columns that identify another record (another person's own name, an account's name): never rewritten. */
const SWEEP_SKIP_COLUMNS: Record<string, ReadonlySet<string>> = {
  people: new Set(["id", "eventId", "accountId", "assignedToId", "firstName", "lastName", "name", "email", "source"]),
  target_accounts: new Set(["id", "eventId", "name", "normalizedName", "domain", "website"]),
};

/** A blank for each personal field erasure clears: an empty list, JSON null, or NULL. */
function erasedValues(): Prisma.PersonUpdateManyMutationInput {
  return Object.fromEntries(erasedFields(PERSON.fields).map(({ key, type }) => [key, type === "textList" ? [] : type === "json" ? Prisma.DbNull : null]));
}

type Subject = { id: string; eventId: string; accountId: string | null; email: string | null; name: string; firstName: string; lastName: string; phone: string | null; linkedin: string | null; company: string | null };

export type ErasureResult = { erased: number; tombstones: number };

/** Erases one person (and every row of the same address) — admins only, by the permission rule. */
export async function erasePerson(actor: Actor, personId: string, reason: ErasureReason): Promise<ErasureResult & { id: string }> {
  if (!isAdmin(actor)) throw new AppError("forbidden", "Only an admin can erase a person");
  const result = await prisma.$transaction(
    async (tx) => {
      // Trashed people can be erased too (the Trash keeps data; erasure must reach it): only the event is checked.
      const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, eventId: true, email: true, erasedAt: true } });
      if (!person || person.eventId !== actor.eventId) throw notFoundIn(actor, "person");
      if (person.erasedAt) throw new AppError("conflict", "This person was already erased");
      const ids = person.email
        ? (await tx.person.findMany({ where: { email: { equals: person.email, mode: "insensitive" }, erasedAt: null }, select: { id: true } })).map((p) => p.id)
        : [person.id];
      return eraseSubjects(ids, { reason, actorId: actor.id, actorLabel: actorName(actor) }, tx);
    },
    { timeout: 60_000 },
  );
  await removeUnusedSubjects();
  return { id: personId, ...result };
}

/**
 * After an erasure commits: the erased messages' subjects (and the sweep's rewritten ones) leave
 * global search's list of subjects, which only ever adds in the writing transaction (migration
 * 20261207030000_outreach_subjects). Should this fail, the erasure stands and the maintenance job
 * removes them within 5 minutes; the failure is logged.
 */
export async function removeUnusedSubjects(): Promise<void> {
  try {
    await pruneOutreachSubjects();
  } catch (error) {
    logger.warn({ err: error }, "erasure: unused outreach subjects not removed yet; the maintenance job will");
  }
}

/**
 * Erases these person rows in the caller's transaction (erasePerson and runRetention share it).
 * Everything is set-based, so a hundred people cost about as much as one.
 */
export async function eraseSubjects(personIds: readonly string[], ctx: { reason: ErasureReason; actorId: string | null; actorLabel: string }, tx: DbTx): Promise<ErasureResult> {
  const pepper = erasurePepper();
  if (!pepper) throw new AppError("service_unavailable", "Erasure needs ERASURE_PEPPER to be set on the server (see docs/PRIVACY.md); ask whoever runs EventOps to set it");
  const subjects: Subject[] = (
    await tx.person.findMany({
      where: { id: { in: [...personIds] }, erasedAt: null },
      select: { id: true, eventId: true, accountId: true, email: true, name: true, firstName: true, lastName: true, phone: true, linkedin: true, account: { select: { name: true } } },
    })
  ).map(({ account, ...p }) => ({ ...p, company: account?.name ?? null }));
  if (subjects.length === 0) return { erased: 0, tombstones: 0 };
  const ids = subjects.map((s) => s.id);
  const emails = [...new Set(subjects.flatMap((s) => (s.email ? [s.email.toLowerCase()] : [])))];

  const outreach = await tx.outreach.findMany({ where: { personId: { in: ids } }, select: { id: true } });
  const outreachIds = outreach.map((o) => o.id);
  const meetingIds = (await tx.meeting.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map((m) => m.id);
  const captureIds = (await tx.leadCapture.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map((c) => c.id);
  const enrollmentIds = (await tx.sequenceEnrollment.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map((e) => e.id);
  const taskIds = (await tx.sequenceTask.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map((t) => t.id);
  const linkedIds = [...ids, ...outreachIds, ...meetingIds, ...captureIds, ...enrollmentIds, ...taskIds];
  const now = new Date();

  await tx.outreach.updateMany({ where: { id: { in: outreachIds }, status: { in: ["DRAFT", "QUEUED"] } }, data: { status: "CANCELLED" } });
  await tx.outreach.updateMany({ where: { id: { in: outreachIds } }, data: { subject: null, message: "", toEmail: null, failureReason: null } });
  await tx.emailEvent.updateMany({ where: { outreachId: { in: outreachIds } }, data: { url: null, userAgent: null, ip: null, metadata: Prisma.DbNull } });
  await tx.outboxMessage.deleteMany({ where: { OR: [{ outreachId: { in: outreachIds } }, ...(emails.length ? [{ toEmail: { in: emails, mode: "insensitive" as const } }] : [])] } });
  // Their replies, out-of-office notes and bounces (and mail they sent that matched nothing) go entirely.
  const inboundIds = (await tx.inboundMessage.findMany({
    where: { OR: [{ outreachId: { in: outreachIds } }, { personId: { in: ids } }, ...(emails.length ? [{ fromEmail: { in: emails, mode: "insensitive" as const } }] : [])] },
    select: { id: true },
  })).map((m) => m.id);
  // The copies of those replies forwarded to the rep (their X-EventOps-Forwarded header names the inbound row) go with them.
  if (inboundIds.length) {
    await tx.outboxMessage.deleteMany({ where: { kind: "reply-forward", OR: inboundIds.map((id) => ({ headers: { path: ["X-EventOps-Forwarded"], equals: id } })) } });
  }
  await tx.inboundMessage.deleteMany({ where: { id: { in: inboundIds } } });
  await tx.meeting.updateMany({ where: { id: { in: meetingIds } }, data: { title: null, agenda: null, outcome: null, nextStep: null, location: null, address: null } });
  await tx.meetingReminder.updateMany({ where: { meetingId: { in: meetingIds } }, data: { error: null } });
  await tx.leadCapture.updateMany({ where: { id: { in: captureIds } }, data: { note: null, tags: [], cardImage: null, cardImageType: null, scanFormat: null } });
  await tx.sequenceEnrollment.updateMany({ where: { id: { in: enrollmentIds }, status: { in: ["ACTIVE", "PAUSED"] } }, data: { status: "STOPPED", stoppedAt: now, stopReason: "erased", nextStepAt: null } });
  await tx.sequenceEnrollment.updateMany({ where: { id: { in: enrollmentIds } }, data: { lastError: null } });
  await tx.sequenceTask.updateMany({ where: { id: { in: taskIds } }, data: { title: `Task for an ${ERASED_NAME.toLowerCase()}`, body: null } });
  await tx.insight.deleteMany({ where: { personId: { in: ids } } });
  await tx.notification.deleteMany({ where: { entityId: { in: linkedIds } } });
  await tx.activity.updateMany({
    where: { OR: [{ personId: { in: ids } }, { entityId: { in: linkedIds } }] },
    data: { description: ERASED_ACTIVITY, metadata: Prisma.DbNull },
  });
  if (emails.length) await tx.suppression.deleteMany({ where: { email: { in: emails, mode: "insensitive" } } });

  await sweepRemainingMentions(subjects, tx);

  await tx.person.updateMany({
    where: { id: { in: ids } },
    // Every field the registry marks "erase" (src/lib/fields/person.ts) is blanked; the name says what happened.
    data: { ...erasedValues(), firstName: "Erased", lastName: "person", name: ERASED_NAME, erasedAt: now },
  });

  const tombstones = uniqueTombstones(subjects, pepper);
  await tx.erasureTombstone.createMany({ data: tombstones.map((t) => ({ ...t, reason: ctx.reason, erasedById: ctx.actorId })), skipDuplicates: true });

  const byEvent = groupBy(subjects, (s) => s.eventId);
  for (const [eventId, people] of byEvent) {
    await recordActivity(
      {
        type: "privacy.erased",
        description: `${ctx.actorLabel} erased ${people.length === 1 ? "a person's" : `${people.length} people's`} personal data ${REASON_TEXT[ctx.reason]}`,
        actorId: ctx.actorId,
        eventId,
        entityType: "person",
        entityId: people.length === 1 ? people[0]!.id : undefined,
        metadata: { reason: ctx.reason, people: people.length, messages: outreachIds.length, meetings: meetingIds.length, captures: captureIds.length },
      },
      tx,
    );
  }
  return { erased: subjects.length, tombstones: tombstones.length };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function uniqueTombstones(subjects: readonly Subject[], pepper: string): TombstoneKey[] {
  const byHash = new Map<string, TombstoneKey>();
  for (const s of subjects) {
    const key = tombstoneFor({ email: s.email, name: s.name, company: s.company }, pepper);
    if (key) byHash.set(key.hash, key);
  }
  return [...byHash.values()];
}

/** Strings that identify the subjects and may have been copied into free text anywhere. */
function mentionsOf(subjects: readonly Subject[]): string[] {
  const values = new Set<string>();
  for (const s of subjects) {
    for (const value of [s.email, s.name, `${s.firstName} ${s.lastName}`.trim(), s.phone, s.linkedin]) {
      // Short fragments ("Al") would rewrite unrelated text; a full name or address is specific.
      if (value && value.trim().length >= 5) values.add(value.trim());
    }
  }
  return [...values];
}

function regexEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The safety net: every text and JSON column of every application table, read from
 * information_schema so a column added later is covered without anyone remembering it here.
 */
async function sweepRemainingMentions(subjects: readonly Subject[], tx: DbTx): Promise<void> {
  const mentions = mentionsOf(subjects);
  if (mentions.length === 0) return;
  // In JSON text a quote or backslash is escaped; match the escaped form there.
  const textPattern = mentions.map(regexEscape).join("|");
  const jsonPattern = mentions.map((m) => regexEscape(JSON.stringify(m).slice(1, -1))).join("|");
  const columns = await tx.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT c.table_name::text, c.column_name::text, c.data_type::text
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')`;
  const byTable = groupBy(
    columns.filter((c) => !SWEEP_SKIP_TABLES.has(c.table_name) && !SWEEP_SKIP_COLUMNS[c.table_name]?.has(c.column_name)),
    (c) => c.table_name,
  );
  for (const [table, cols] of byTable) {
    const sets: string[] = [];
    const conditions: string[] = [];
    for (const { column_name: column, data_type: type } of cols) {
      const col = `"${column.replace(/"/g, '""')}"`;
      if (type === "json" || type === "jsonb") {
        sets.push(`${col} = regexp_replace(${col}::text, $2, '${ERASED_TEXT}', 'gi')::${type}`);
        conditions.push(`${col}::text ~* $2`);
      } else {
        sets.push(`${col} = regexp_replace(${col}, $1, '${ERASED_TEXT}', 'gi')`);
        conditions.push(`${col} ~* $1`);
      }
    }
    // Both parameters are typed up front: a table with only JSON columns never uses $1 otherwise.
    await tx.$executeRawUnsafe(
      `UPDATE "${table.replace(/"/g, '""')}" SET ${sets.join(", ")} WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL AND (${conditions.join(" OR ")})`,
      textPattern,
      jsonPattern,
    );
  }
}
