import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { EnrollmentStatus } from "@/generated/prisma/enums";
import { recordActivities, recordActivity } from "@/server/activity/service";
import { actorName, type Actor } from "@/server/access/actor";
import { assertCan, ownedBy, refusalReason } from "@/server/access/permissions";
import { inActorEvent } from "@/server/access/scope";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { TRASH_DAYS } from "@/lib/trash";

/**
 * The Trash: deleting accounts and people never loses them.
 *
 * - A delete (one record, a bulk selection, an undone import) marks the rows `deletedAt`/
 *   `deletedById` and groups them under one Deletion, so one click restores all of it. From then
 *   on every list, count, search, export, dashboard figure, sequence send and import match
 *   leaves them out, and a read by id is "not found" (src/server/access/scope.ts).
 * - What would keep acting for a deleted person stops, and comes back on restore: their active or
 *   paused sequence enrollments are stopped (reason "person_deleted") and their queued messages
 *   cancelled. People of a deleted account who are not deleted with it are unlinked from it
 *   (as before), and linked again on restore unless they were linked elsewhere meanwhile.
 * - What already happened stays true: sent messages, meetings and the activity log keep their
 *   rows and stay in the engagement figures.
 * - Reps see and restore what they deleted themselves; admins see all of the event's Trash,
 *   restore any of it, or delete it for good. Thirty days after the delete it is purged
 *   (purgeExpiredTrash, called by the cron route): the rows are deleted with everything that
 *   hangs off them, and the Deletion stays as the record that it happened.
 */

const DAY_MS = 86_400_000;

const undoData = z.object({
  unlinked: z.array(z.object({ personId: z.string(), accountId: z.string() })).default([]),
  enrollments: z.array(z.object({ id: z.string(), status: z.enum(["ACTIVE", "PAUSED"]) })).default([]),
  queued: z.array(z.string()).default([]),
});
type UndoData = z.infer<typeof undoData>;

export type TrashRequest = {
  label: string;
  accountIds?: readonly string[];
  personIds?: readonly string[];
  /** Delete the people of the accounts too (else they stay in the event, unlinked). */
  withPeople?: boolean;
};

/** Moves accounts and people to the Trash as one Deletion, inside the caller's transaction. */
export async function moveToTrash(tx: DbTx, actor: Pick<Actor, "id" | "eventId">, request: TrashRequest, now = new Date()) {
  const accountIds = [...new Set(request.accountIds ?? [])];
  const ofAccounts = accountIds.length
    ? await tx.person.findMany({ where: { accountId: { in: accountIds }, deletedAt: null }, select: { id: true, accountId: true } })
    : [];
  const personIds = [...new Set([...(request.personIds ?? []), ...(request.withPeople ? ofAccounts.map((p) => p.id) : [])])];
  const unlinked = request.withPeople ? [] : ofAccounts.filter((p) => !personIds.includes(p.id)).map((p) => ({ personId: p.id, accountId: p.accountId! }));
  const [enrollments, queued] = await Promise.all([
    tx.sequenceEnrollment.findMany({ where: { personId: { in: personIds }, status: { in: ["ACTIVE", "PAUSED"] } }, select: { id: true, status: true } }),
    tx.outreach.findMany({ where: { personId: { in: personIds }, status: "QUEUED" }, select: { id: true } }),
  ]);
  const undo: UndoData = {
    unlinked,
    enrollments: enrollments.map((e) => ({ id: e.id, status: e.status as "ACTIVE" | "PAUSED" })),
    queued: queued.map((o) => o.id),
  };
  const deletion = await tx.deletion.create({
    data: { eventId: actor.eventId, deletedById: actor.id, label: request.label, accounts: accountIds.length, people: personIds.length, undo, createdAt: now },
    select: { id: true },
  });
  const mark = { deletedAt: now, deletedById: actor.id, deletionId: deletion.id };
  if (accountIds.length) await tx.targetAccount.updateMany({ where: { id: { in: accountIds } }, data: mark });
  if (personIds.length) await tx.person.updateMany({ where: { id: { in: personIds } }, data: mark });
  if (unlinked.length) await tx.person.updateMany({ where: { id: { in: unlinked.map((u) => u.personId) } }, data: { accountId: null } });
  if (enrollments.length) {
    await tx.sequenceEnrollment.updateMany({
      where: { id: { in: undo.enrollments.map((e) => e.id) } },
      data: { status: "STOPPED", stopReason: "person_deleted", stoppedAt: now, nextStepAt: null, claimedBy: null, claimExpiresAt: null },
    });
  }
  if (queued.length) await tx.outreach.updateMany({ where: { id: { in: undo.queued }, status: "QUEUED" }, data: { status: "CANCELLED" } });
  return { deletionId: deletion.id, accounts: accountIds.length, people: personIds.length };
}

const deletionSelect = {
  id: true, eventId: true, label: true, accounts: true, people: true, undo: true, createdAt: true, restoredAt: true, purgedAt: true,
  deletedBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.DeletionSelect;

type DeletionRow = Prisma.DeletionGetPayload<{ select: typeof deletionSelect }>;

async function getOpenDeletion(id: string, actor: Actor, db: DbTx) {
  const deletion = inActorEvent(actor, "deletion", await db.deletion.findUnique({ where: { id }, select: deletionSelect }));
  if (deletion.restoredAt) throw new AppError("conflict", "This was already restored");
  if (deletion.purgedAt) throw new AppError("conflict", "This was already deleted for good");
  return deletion;
}

/** What the Trash page lists: admins the event's whole Trash, reps what they deleted themselves. */
export async function listTrash(actor: Actor, now = new Date(), db: DbTx = prisma) {
  const rows = await db.deletion.findMany({
    where: { eventId: actor.eventId, restoredAt: null, purgedAt: null, ...(actor.role === "ADMIN" ? {} : { deletedById: actor.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      ...deletionSelect,
      accountRows: { select: { name: true }, orderBy: { name: "asc" }, take: 5 },
      personRows: { select: { name: true }, orderBy: { name: "asc" }, take: 5 },
    },
  });
  return {
    purgeAfterDays: TRASH_DAYS,
    items: rows.map(({ accountRows, personRows, undo: _undo, ...d }) => ({
      ...d,
      names: [...accountRows.map((a) => a.name), ...personRows.map((p) => p.name)].slice(0, 5),
      purgesAt: new Date(d.createdAt.getTime() + TRASH_DAYS * DAY_MS),
      daysLeft: Math.max(0, Math.ceil((d.createdAt.getTime() + TRASH_DAYS * DAY_MS - now.getTime()) / DAY_MS)),
      restoreRefusal: refusalReason(actor, "trash", "restore", ownedBy(d.deletedBy)),
      purgeRefusal: refusalReason(actor, "trash", "purge", ownedBy(d.deletedBy)),
    })),
  };
}

/**
 * Puts a Deletion back: the rows, their links, their stopped enrollments and cancelled messages.
 * Refused (409, nothing changed) when a live account or person has taken a domain or an address
 * meanwhile: two Acme Logistics with one domain would break imports and matching.
 */
export async function restoreDeletion(id: string, actor: Actor, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const deletion = await getOpenDeletion(id, actor, tx);
    assertCan(actor, "trash", "restore", ownedBy(deletion.deletedBy));
    const [accounts, people] = await Promise.all([
      tx.targetAccount.findMany({ where: { deletionId: id }, select: { id: true, name: true, domain: true } }),
      tx.person.findMany({ where: { deletionId: id }, select: { id: true, name: true, email: true } }),
    ]);
    await assertNoLiveTwins(tx, deletion.eventId, accounts, people);
    const undo = undoData.parse(deletion.undo ?? {});
    const live = { deletedAt: null, deletedById: null, deletionId: null };
    await tx.targetAccount.updateMany({ where: { deletionId: id }, data: live });
    await tx.person.updateMany({ where: { deletionId: id }, data: live });
    for (const link of undo.unlinked) {
      await tx.person.updateMany({ where: { id: link.personId, accountId: null, deletedAt: null }, data: { accountId: link.accountId } });
    }
    for (const status of ["ACTIVE", "PAUSED"] as const) {
      const ids = undo.enrollments.filter((e) => e.status === status).map((e) => e.id);
      if (ids.length) {
        await tx.sequenceEnrollment.updateMany({
          where: { id: { in: ids }, status: "STOPPED", stopReason: "person_deleted" },
          // A step that fell due while in the Trash goes out on the next engine run.
          data: { status: status as EnrollmentStatus, stopReason: null, stoppedAt: null, nextStepAt: status === "ACTIVE" ? now : null },
        });
      }
    }
    if (undo.queued.length) await tx.outreach.updateMany({ where: { id: { in: undo.queued }, status: "CANCELLED" }, data: { status: "QUEUED" } });
    await tx.deletion.update({ where: { id }, data: { restoredAt: now, restoredById: actor.id } });
    await recordActivities(
      [
        ...accounts.map((a) => ({ type: "account.restored" as const, description: `${actorName(actor)} restored ${a.name} from the Trash`, actorId: actor.id, eventId: deletion.eventId, accountId: a.id, entityType: "account", entityId: a.id, metadata: { deletionId: id } })),
        ...people.map((p) => ({ type: "person.restored" as const, description: `${actorName(actor)} restored ${p.name} from the Trash`, actorId: actor.id, eventId: deletion.eventId, personId: p.id, entityType: "person", entityId: p.id, metadata: { deletionId: id } })),
      ],
      tx,
    );
    return { id, restored: { accounts: accounts.length, people: people.length } };
  }, { timeout: 60_000 });
}

async function assertNoLiveTwins(tx: DbTx, eventId: string, accounts: { name: string; domain: string | null }[], people: { name: string; email: string | null }[]) {
  const domains = accounts.flatMap((a) => (a.domain ? [a.domain] : []));
  const emails = people.flatMap((p) => (p.email ? [p.email] : []));
  const [takenDomains, takenEmails] = await Promise.all([
    domains.length ? tx.targetAccount.findMany({ where: { eventId, domain: { in: domains }, deletedAt: null }, select: { name: true, domain: true } }) : [],
    emails.length ? tx.person.findMany({ where: { eventId, email: { in: emails }, deletedAt: null }, select: { name: true, email: true } }) : [],
  ]);
  const clashes = [...takenDomains.map((a) => `${a.domain} (now ${a.name})`), ...takenEmails.map((p) => `${p.email} (now ${p.name})`)];
  if (clashes.length) {
    throw new AppError(
      "conflict",
      `Can't restore: ${clashes.slice(0, 3).join(", ")}${clashes.length > 3 ? ` and ${clashes.length - 3} more` : ""} ${clashes.length === 1 ? "is" : "are"} in use by a record added since. Delete or change ${clashes.length === 1 ? "it" : "them"} first.`,
      clashes.map((c) => ({ path: "id", message: c })),
    );
  }
}

/** Deletes the rows of one Deletion for good (everything that hangs off them goes with them). */
async function purge(tx: DbTx, deletion: DeletionRow, actorId: string | null, why: string, now: Date) {
  const people = (await tx.person.deleteMany({ where: { deletionId: deletion.id } })).count;
  const accounts = (await tx.targetAccount.deleteMany({ where: { deletionId: deletion.id } })).count;
  await tx.deletion.update({ where: { id: deletion.id }, data: { purgedAt: now } });
  await recordActivity(
    {
      type: "trash.purged",
      description: `${why}: ${deletion.label} (${accounts} accounts, ${people} people)`,
      actorId, eventId: deletion.eventId, entityType: "deletion", entityId: deletion.id,
      metadata: { accounts, people, deletedAt: deletion.createdAt.toISOString() },
    },
    tx,
  );
  return { accounts, people };
}

/** An admin's "Delete for good". */
export async function purgeDeletion(id: string, actor: Actor, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const deletion = await getOpenDeletion(id, actor, tx);
    assertCan(actor, "trash", "purge", ownedBy(deletion.deletedBy));
    return { id, purged: await purge(tx, deletion, actor.id, `${actorName(actor)} deleted for good`, now) };
  }, { timeout: 60_000 });
}

/** Purges what has been in the Trash for TRASH_DAYS days; the cron route calls it. Idempotent. */
export async function purgeExpiredTrash(now = new Date(), db: typeof prisma = prisma) {
  const expired = await db.deletion.findMany({
    where: { restoredAt: null, purgedAt: null, createdAt: { lt: new Date(now.getTime() - TRASH_DAYS * DAY_MS) } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: deletionSelect,
  });
  let accounts = 0;
  let people = 0;
  for (const deletion of expired) {
    // One transaction per deletion, claimed by its purgedAt: an overlapping run skips it.
    const done = await db.$transaction(async (tx) => {
      const claimed = await tx.deletion.updateMany({ where: { id: deletion.id, purgedAt: null, restoredAt: null }, data: { purgedAt: now } });
      if (claimed.count === 0) return null;
      return purge(tx, deletion, null, `Emptied from the Trash after ${TRASH_DAYS} days`, now);
    }, { timeout: 60_000 });
    if (done) {
      accounts += done.accounts;
      people += done.people;
    }
  }
  return { deletions: expired.length, accounts, people };
}
