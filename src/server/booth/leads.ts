/**
 * Leads met at the show: walk-up captures at the booth and prospects who book themselves.
 *
 * Matching, before anything is created (shared by captures and the booking page):
 *   1. same email (case-insensitive) in the event → that person;
 *   2. the email's domain equals an account's domain (free-mail domains such as gmail.com never
 *      match) → that account;
 *   3. the company name, normalised (case, accents, punctuation and legal suffixes ignored),
 *      equals an account's normalizedName → that account;
 *   4. otherwise a new account (with the work domain, if any);
 *   and for the person, when the email did not match: the same name (case-insensitive) at the
 *   matched account, unless that person has another email address → that person; otherwise a new
 *   person. So the same visitor met by two reps — or booking after being scanned — is one person.
 * Two captures of the same visitor syncing at the same moment are serialised by transaction-scoped
 * advisory locks on the email, the domain and the company name, so they cannot both create.
 *
 * A capture then records one LeadCapture (rating, note, tags, scan or card photo, the capture
 * time from the phone), copies rating and tags onto the person (the latest rating wins; tags
 * accumulate), appends the note to the person's notes, moves a prospecting account to ENGAGED, and
 * writes the `lead.captured` activity at the capture time — all in one transaction.
 */
import { assertNotErased } from "@/server/privacy/tombstones";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { notify } from "@/server/notifications/service";
import { withTransaction, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { normalizeName } from "@/lib/normalize";
import type { CaptureLeadBody } from "@/lib/booth/schemas";
import type { Actor } from "@/server/access/actor";

const FREE_MAIL = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
  "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.com", "yandex.com", "zoho.com", "fastmail.com", "hey.com",
]);

export function workDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const domain = email.split("@")[1]?.trim().toLowerCase();
  if (!domain || FREE_MAIL.has(domain)) return null;
  return domain;
}

function splitName(full: string): { firstName: string; lastName: string } {
  const parts = full.trim().split(/\s+/);
  return { firstName: parts[0] ?? full.trim(), lastName: parts.slice(1).join(" ") };
}

export type LeadIdentity = {
  name: string;
  company?: string | null;
  email?: string | null;
  title?: string | null;
  phone?: string | null;
  linkedin?: string | null;
};

export type MatchedLead = {
  person: { id: string; name: string; email: string | null; notes: string | null; interestTags: string[] };
  account: { id: string; name: string } | null;
  matched: { person: "email" | "name" | null; account: "email" | "domain" | "name" | null };
  created: { person: boolean; account: boolean };
};

/** What a person created by a capture starts with (an existing person is updated by the capture). */
type NewPersonFields = { leadRating?: string; interestTags?: string[]; notes?: string | null };

const personFields = { id: true, name: true, email: true, notes: true, interestTags: true, accountId: true, title: true, phone: true, linkedin: true } as const;

/**
 * Finds or creates the person (and account) for a visitor, by the rules above. New records get
 * `source` and the owner; an existing person gains the details they were missing (title, phone,
 * LinkedIn, email, account) but nothing they have is overwritten.
 */
export async function matchOrCreateLead(
  identity: LeadIdentity,
  ctx: { eventId: string; ownerId: string | null; actorId: string | null; source: string; hot?: boolean; at?: Date; newPerson?: NewPersonFields },
  tx: DbTx,
): Promise<MatchedLead> {
  const { eventId } = ctx;
  const email = identity.email ? identity.email.trim().toLowerCase() : null;
  const domain = workDomain(email);
  const company = identity.company?.trim() || null;
  const normalized = company ? normalizeName(company) : "";
  const name = identity.name.trim();

  const lockKeys = [email && `lead:${eventId}:email:${email}`, domain && `lead:${eventId}:domain:${domain}`, normalized && `lead:${eventId}:company:${normalized}`]
    .filter((k): k is string => Boolean(k))
    .sort();
  // One statement, locks taken in sorted order: two captures cannot deadlock.
  if (lockKeys.length) await tx.$executeRaw`SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT unnest(${lockKeys}::text[]) AS k ORDER BY 1) AS keys`;
  await assertNotErased({ email, name, company }, tx);

  const byEmail = email
    ? await tx.person.findFirst({
        where: { eventId, deletedAt: null, email: { equals: email, mode: "insensitive" } },
        select: { ...personFields, account: { select: { id: true, name: true } } },
      })
    : null;

  let account: { id: string; name: string } | null = byEmail?.account ?? null;
  let accountMatch: MatchedLead["matched"]["account"] = byEmail?.account ? "email" : null;
  let accountCreated = false;
  if (!account && domain) {
    account = await tx.targetAccount.findFirst({ where: { eventId, deletedAt: null, domain }, select: { id: true, name: true } });
    if (account) accountMatch = "domain";
  }
  if (!account && normalized) {
    account = await tx.targetAccount.findFirst({ where: { eventId, deletedAt: null, normalizedName: normalized }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
    if (account) accountMatch = "name";
  }
  if (!account && company) {
    // The work domain is unique per event; a clash would mean step 2 matched already.
    account = await tx.targetAccount.create({
      data: {
        eventId, name: company, normalizedName: normalized || company.toLowerCase(), domain, website: domain ? `https://${domain}` : null,
        tier: ctx.hot ? "B" : "C", status: "ENGAGED", source: ctx.source, assignedToId: ctx.ownerId,
      },
      select: { id: true, name: true },
    });
    accountCreated = true;
    await recordActivity({
      type: "account.created", description: `Added ${account.name} from ${ctx.source === "booth" ? "a booth conversation" : "a booking"}`, actorId: ctx.actorId, eventId,
      accountId: account.id, entityType: "account", entityId: account.id, metadata: { source: ctx.source }, occurredAt: ctx.at,
    }, tx);
  }

  let existing: (typeof byEmail & {}) | null = byEmail;
  let personMatch: MatchedLead["matched"]["person"] = byEmail ? "email" : null;
  if (!existing && account) {
    const sameName = await tx.person.findFirst({
      where: { eventId, deletedAt: null, accountId: account.id, name: { equals: name, mode: "insensitive" } },
      orderBy: { createdAt: "asc" },
      select: { ...personFields, account: { select: { id: true, name: true } } },
    });
    if (sameName && (!sameName.email || !email || sameName.email.toLowerCase() === email)) {
      existing = sameName;
      personMatch = "name";
    }
  }

  if (existing) {
    const fill: Prisma.PersonUpdateInput = {};
    if (!existing.email && email) fill.email = email;
    if (!existing.title && identity.title) fill.title = identity.title;
    if (!existing.phone && identity.phone) fill.phone = identity.phone;
    if (!existing.linkedin && identity.linkedin) fill.linkedin = identity.linkedin;
    if (!existing.accountId && account) fill.account = { connect: { id: account.id } };
    if (Object.keys(fill).length > 0) await tx.person.update({ where: { id: existing.id }, data: fill });
    return {
      person: { id: existing.id, name: existing.name, email: existing.email ?? email, notes: existing.notes, interestTags: existing.interestTags },
      account,
      matched: { person: personMatch, account: accountMatch },
      created: { person: false, account: accountCreated },
    };
  }

  const { firstName, lastName } = splitName(name);
  const person = await tx.person.create({
    data: {
      eventId, accountId: account?.id ?? null, firstName, lastName, name, email, title: identity.title ?? null, phone: identity.phone ?? null,
      linkedin: identity.linkedin ?? null, source: ctx.source, dataSource: ctx.source === "booking" ? "BOOKING" : "BOOTH", assignedToId: ctx.ownerId, ...ctx.newPerson,
    },
    select: { id: true, name: true, email: true, notes: true, interestTags: true },
  });
  return { person, account, matched: { person: null, account: accountMatch }, created: { person: true, account: accountCreated } };
}

export type CaptureResult = {
  captureId: string;
  personId: string;
  accountId: string | null;
  matched: MatchedLead["matched"];
  created: MatchedLead["created"];
  personName: string;
  accountName: string | null;
};

/**
 * A walk-up conversation at the booth (see the module note), at the actor's event. The offline
 * sync passes its transaction (`db`).
 */
export async function captureLead(body: CaptureLeadBody, actor: Actor, options: { db?: DbTx } = {}): Promise<CaptureResult> {
  const eventId = actor.eventId;
  const capturedAt = body.capturedAt ? new Date(body.capturedAt) : new Date();
  const card = body.cardImage ? decodeDataUrl(body.cardImage) : null;
  const datedNote = body.note ? `[Booth ${capturedAt.toISOString().slice(0, 10)}] ${body.note}` : null;

  return withTransaction(options.db, async (tx) => {
    const lead = await matchOrCreateLead(body, {
      eventId, ownerId: actor.id, actorId: actor.id, source: "booth", hot: body.rating === "hot", at: capturedAt,
      newPerson: { leadRating: body.rating, interestTags: body.tags, notes: datedNote },
    }, tx);
    const { person, account } = lead;

    if (!lead.created.person) {
      const tags = [...new Set([...person.interestTags, ...body.tags])];
      await tx.person.update({
        where: { id: person.id },
        data: {
          leadRating: body.rating,
          interestTags: tags,
          ...(datedNote ? { notes: person.notes ? `${person.notes}\n${datedNote}` : datedNote } : {}),
        },
      });
    }

    // A walk-up conversation is engagement: a prospecting account moves to ENGAGED.
    if (account && !lead.created.account) {
      const moved = await tx.targetAccount.updateMany({ where: { id: account.id, status: "PROSPECTING" }, data: { status: "ENGAGED" } });
      if (moved.count > 0) {
        await recordActivity({
          type: "account.status_changed", description: `${account.name} moved to Engaged after a booth visit`, actorId: actor.id, eventId,
          accountId: account.id, entityType: "account", entityId: account.id, metadata: { from: "PROSPECTING", to: "ENGAGED", reason: "booth_visit" },
        }, tx);
      }
    }

    const capture = await tx.leadCapture.create({
      data: {
        eventId, personId: person.id, accountId: account?.id ?? null, capturedById: actor.id, capturedAt, rating: body.rating, note: body.note ?? null,
        tags: body.tags, source: body.source, scanFormat: body.scanFormat ?? null,
        cardImage: card ? new Uint8Array(card.bytes) : null, cardImageType: card?.type ?? null,
      },
      select: { id: true },
    });

    const metadata: Prisma.InputJsonValue = {
      captureId: capture.id, rating: body.rating, note: body.note ?? null, tags: body.tags, source: body.source,
      matchedPerson: lead.matched.person, matchedAccount: lead.matched.account, createdPerson: lead.created.person, createdAccount: lead.created.account,
    };
    await recordActivity({
      type: "lead.captured",
      description: `Met ${person.name}${account ? ` (${account.name})` : ""} at the booth — ${body.rating}${body.note ? `: ${body.note.slice(0, 140)}` : ""}`,
      actorId: actor.id, eventId, personId: person.id, accountId: account?.id ?? null, entityType: "person", entityId: person.id, metadata,
      occurredAt: capturedAt,
    }, tx);
    // The account's owner hears that someone on their account was met at the booth.
    if (account && !lead.created.account) {
      const owner = await tx.targetAccount.findUnique({ where: { id: account.id }, select: { assignedToId: true } });
      await notify({
        userId: owner?.assignedToId, actorId: actor.id, type: "lead_captured", title: `${person.name} from ${account.name} was met at the booth`,
        body: `${body.rating} lead${body.note ? `: ${body.note.slice(0, 200)}` : ""}`, href: `/dashboard/people/${person.id}`, eventId,
        entityType: "person", entityId: person.id,
      }, tx);
    }

    return {
      captureId: capture.id,
      personId: person.id,
      accountId: account?.id ?? null,
      matched: lead.matched,
      created: lead.created,
      personName: person.name,
      accountName: account?.name ?? null,
    };
  });
}

function decodeDataUrl(dataUrl: string): { type: string; bytes: Buffer } {
  const match = /^data:(image\/(?:jpeg|png|webp));base64,(.+)$/.exec(dataUrl);
  if (!match) throw new AppError("validation_error", "The card photo must be a JPEG, PNG or WebP image", [{ path: "cardImage", message: "Not an image" }]);
  return { type: match[1], bytes: Buffer.from(match[2], "base64") };
}

