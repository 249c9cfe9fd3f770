import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { createOutreachBody, ListOutreachQuery, updateOutreachBody } from "@/server/outreach/schemas";
import { outreachRates, queuedUpTo, ratesOf, repRates, rolledUpByOwner, sumCounts, type OutreachRates, type RepRates } from "@/server/outreach/stats";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { cappedCountLimit, pageWindow, paginated, paginatedUpTo, rowsOfPage } from "@/server/http/pagination";
import { filterWhere, narrowsOnlyBy } from "@/server/lists/filters";
import { OUTREACH } from "@/lib/fields/outreach";

const listSelect = {
  id: true, channel: true, subject: true, status: true, toEmail: true, scheduledAt: true, sentAt: true,
  deliveredAt: true, openedAt: true, clickedAt: true, repliedAt: true, bouncedAt: true, unsubscribedAt: true,
  openCount: true, clickCount: true, createdAt: true, updatedAt: true, generatedBy: true, failureReason: true,
  person: { select: { id: true, name: true, title: true, email: true } },
  account: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true, email: true } },
  campaign: { select: { id: true, name: true } },
} as const;

function outreachWhere(actor: Actor, query: Partial<ListOutreachQuery>): Prisma.OutreachWhereInput {
  const and: Prisma.OutreachWhereInput[] = [{ eventId: actor.eventId }, ...(filterWhere(OUTREACH, query, actor.id) as Prisma.OutreachWhereInput[])];
  // Engagement happens to sent messages: saying so lets the list's order index start at the sent
  // ones instead of reading past every draft and queued message first.
  if (query.engagement) and.push({ sentAt: { not: null } }, { status: { not: "DRAFT" } });
  if (query.engagement === "opened") and.push({ openedAt: { not: null } });
  if (query.engagement === "clicked") and.push({ clickedAt: { not: null } });
  if (query.engagement === "replied") and.push({ repliedAt: { not: null } });
  if (query.engagement === "bounced") and.push({ bouncedAt: { not: null } });
  // The date range applies to when a message went out, or was written for unsent ones.
  if (query.from || query.to) {
    const range: Prisma.DateTimeFilter = {};
    if (query.from) range.gte = new Date(`${query.from}T00:00:00.000Z`);
    if (query.to) range.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
    and.push({ OR: [{ sentAt: range }, { sentAt: null, createdAt: range }] });
  }
  if (query.q) {
    and.push({
      OR: [
        { subject: { contains: query.q, mode: "insensitive" } },
        { person: { name: { contains: query.q, mode: "insensitive" } } },
        { account: { name: { contains: query.q, mode: "insensitive" } } },
        { toEmail: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

/**
 * The owner a query narrows the event's messages to (`undefined`: all owners), when nothing else
 * narrows them, so rollup_outreach can answer for it; `null` when other filters apply.
 */
function rollupOwner(query: Partial<ListOutreachQuery>, actor: Actor): { ownerId: string | undefined } | null {
  if (query.q || query.from || query.to || !narrowsOnlyBy(OUTREACH, query, ["ownerId"], actor.id)) return null;
  return { ownerId: query.ownerId || undefined };
}

/**
 * Which of rollup_outreach's counts is the total of a list narrowed by `status` and `engagement`
 * only (beside the owner): all messages, the drafts, or the sent ones replied to, clicked or
 * bounced ("opened" in the rollup includes clicks and replies, so it is not the list's filter).
 */
function rollupTotalKey(query: Pick<ListOutreachQuery, "status" | "engagement">): "total" | "drafts" | "replied" | "clicked" | "bounced" | null {
  if (query.status && query.engagement) return null;
  if (query.status) return query.status === "DRAFT" ? "drafts" : null;
  if (query.engagement) return query.engagement === "opened" ? null : query.engagement;
  return "total";
}

/**
 * One page of the event's messages, unsent first, then the newest (outreach_list_order_idx, or
 * outreach_status_list_order_idx for one status). The total comes from rollup_outreach when the
 * rollup counts what the filters ask for (see rollupTotalKey); other filters count their matches
 * up to the search cap ("1,000+"): an exact count read every match, hundreds of thousands of sent
 * messages at the xl dataset.
 */
export async function listOutreach(query: ListOutreachQuery, actor: Actor, db: DbTx = prisma) {
  const where = outreachWhere(actor, query);
  const { skip, take } = pageWindow(query);
  const owner = rollupOwner({ ...query, status: undefined }, actor);
  const key = owner && rollupTotalKey(query);
  // The capped count reads in the page's order too: without one, Prisma orders a `take` by id and
  // PostgreSQL read every match to find the first thousand (46,590 queued messages at xl).
  const orderBy = [{ sentAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }] satisfies Prisma.OutreachOrderByWithRelationInput[];
  const [items, counted] = await Promise.all([
    rowsOfPage(db.outreach.findMany({ where, orderBy, skip, take, select: { id: true } }), (ids) => db.outreach.findMany({ where: { id: { in: ids } }, select: listSelect })),
    owner && key
      ? rolledUpByOwner(actor.eventId, owner.ownerId, db).then((byOwner) => sumCounts(byOwner.values())[key])
      : db.outreach.findMany({ where, orderBy, select: { id: true }, take: cappedCountLimit(query) }).then((rows) => rows.length),
  ]);
  return owner && key ? paginated(items, counted, query) : paginatedUpTo(items, counted, query);
}

/**
 * The Outreach page's figures: the messages' rates overall, with the queue's size (counted up to
 * QUEUE_COUNT_CAP: `moreThanQueued` says when there are more), and each rep's rates. When only the
 * owner narrows them they come from rollup_outreach, else from counting the messages.
 */
export async function outreachStats(query: Partial<ListOutreachQuery>, actor: Actor, db: DbTx = prisma): Promise<OutreachStats> {
  const owner = rollupOwner({ ...query, status: undefined, engagement: undefined }, actor);
  if (owner) {
    const [byOwner, queue] = await Promise.all([rolledUpByOwner(actor.eventId, owner.ownerId, db), queuedUpTo(actor.eventId, owner.ownerId, db)]);
    const senders = [...byOwner].filter(([id, r]) => id !== "" && r.sent > 0);
    const users = await db.user.findMany({ where: { id: { in: senders.map(([id]) => id) } }, select: { id: true, name: true, email: true } });
    const perRep = users.map((user) => ({ owner: user, rates: ratesOf(byOwner.get(user.id)!) }));
    return { rates: { ...ratesOf({ ...sumCounts(byOwner.values()), queued: queue.queued }), moreThanQueued: queue.moreThanQueued }, perRep: perRep.sort((a, b) => b.rates.sent - a.rates.sent) };
  }
  return scanOutreachStats(query, actor, db);
}

export type OutreachStats = {
  rates: OutreachRates & { moreThanQueued: boolean };
  perRep: { owner: { id: string; name: string | null; email: string }; rates: RepRates }[];
};

/** outreachStats by counting the messages: for filters the rollup cannot answer (and the tests' reference). */
export async function scanOutreachStats(query: Partial<ListOutreachQuery>, actor: Actor, db: DbTx = prisma): Promise<OutreachStats> {
  const base = outreachWhere(actor, { ...query, status: undefined, engagement: undefined });
  const [rates, byOwner] = await Promise.all([
    outreachRates(base, db),
    db.outreach.groupBy({ by: ["ownerId"], where: { AND: [base, { sentAt: { not: null } }] }, _count: { _all: true } }),
  ]);
  const owners = await db.user.findMany({ where: { id: { in: byOwner.map((r) => r.ownerId).filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true, email: true } });
  const perRep = await Promise.all(
    owners.map(async (owner) => ({ owner, rates: await repRates({ AND: [base, { ownerId: owner.id }] }, db) })),
  );
  return { rates: { ...rates, moreThanQueued: false }, perRep: perRep.sort((a, b) => b.rates.sent - a.rates.sent) };
}

export async function getOutreachOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  const outreach = await db.outreach.findUnique({
    where: { id },
    select: {
      ...listSelect,
      eventId: true,
      message: true, messageId: true, transport: true, queuedAt: true, attempts: true, machineOpenCount: true,
      templateId: true, enrollmentId: true, stepNumber: true,
      person: { select: { id: true, name: true, title: true, email: true, timeZone: true, source: true, deletedAt: true } },
      events: { orderBy: { occurredAt: "asc" }, select: { id: true, type: true, url: true, userAgent: true, isMachine: true, occurredAt: true, metadata: true } },
      outbox: { select: { id: true, toEmail: true, fromEmail: true, subject: true, text: true, html: true, headers: true, transport: true, createdAt: true } },
    },
  });
  return inActorEvent(actor, "outreach", outreach);
}

async function assertLinksInEvent(eventId: string, refs: { personId?: string; templateId?: string | null; campaignId?: string | null }, db: DbTx) {
  let accountId: string | null = null;
  if (refs.personId) {
    const person = await db.person.findFirst({ where: { id: refs.personId, eventId, deletedAt: null }, select: { accountId: true } });
    if (!person) throw new AppError("validation_error", "That person is not in this event", [{ path: "personId", message: "Unknown person" }]);
    accountId = person.accountId;
  }
  if (refs.templateId) {
    const t = await db.emailTemplate.findFirst({ where: { id: refs.templateId, OR: [{ eventId }, { eventId: null }] }, select: { id: true } });
    if (!t) throw new AppError("validation_error", "That template does not exist", [{ path: "templateId", message: "Unknown template" }]);
  }
  if (refs.campaignId) {
    const c = await db.campaign.findFirst({ where: { id: refs.campaignId, eventId, archivedAt: null }, select: { id: true } });
    if (!c) throw new AppError("validation_error", "That campaign does not exist in this event", [{ path: "campaignId", message: "Unknown campaign" }]);
  }
  return { accountId };
}

function requireSubject(channel: string, subject: string | null | undefined) {
  if (channel === "EMAIL" && !subject) throw new AppError("validation_error", "An email needs a subject", [{ path: "subject", message: "Required for email" }]);
}

export async function createOutreach(body: z.infer<typeof createOutreachBody>, actor: Actor) {
  const eventId = actor.eventId;
  requireSubject(body.channel, body.subject);
  return prisma.$transaction(async (tx) => {
    const { accountId } = await assertLinksInEvent(eventId, body, tx);
    const created = await tx.outreach.create({
      data: {
        eventId, personId: body.personId, accountId, ownerId: actor.id, campaignId: body.campaignId ?? null, templateId: body.templateId ?? null,
        channel: body.channel, subject: body.subject ?? null, message: body.message, generatedBy: body.generatedBy, status: "DRAFT",
      },
      select: { id: true, person: { select: { name: true } } },
    });
    await recordActivity({
      type: "outreach.drafted", description: `Draft ${body.channel.toLowerCase()} to ${created.person.name} saved`,
      actorId: actor.id, eventId, personId: body.personId, accountId, entityType: "outreach", entityId: created.id,
    }, tx);
    return getOutreachOrThrow(created.id, actor, tx);
  });
}

export async function updateOutreach(id: string, body: z.infer<typeof updateOutreachBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getOutreachOrThrow(id, actor, tx);
    assertCan(actor, "outreach", "edit", ownedBy(current.owner));
    if (current.status !== "DRAFT" && current.status !== "QUEUED" && current.status !== "FAILED") {
      throw new AppError("conflict", `A ${current.status.toLowerCase()} message cannot be edited`);
    }
    await assertLinksInEvent(eventId, { campaignId: body.campaignId }, tx);
    requireSubject(body.channel ?? current.channel, body.subject === undefined ? current.subject : body.subject);
    // Conditional update: a message that started sending meanwhile is not changed under it.
    const changed = await tx.outreach.updateMany({
      where: { id, status: { in: ["DRAFT", "QUEUED", "FAILED"] } },
      data: { ...body },
    });
    if (changed.count === 0) throw new AppError("conflict", "The message is being sent and can no longer be edited");
    await recordActivity({
      type: "outreach.edited", description: `Message to ${current.person.name} edited`,
      actorId: actor.id, eventId, personId: current.person.id, entityType: "outreach", entityId: id,
    }, tx);
    return getOutreachOrThrow(id, actor, tx);
  });
}

/** Drafts are deleted; queued and interrupted messages are cancelled (kept for the record). */
export async function discardOutreach(id: string, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getOutreachOrThrow(id, actor, tx);
    assertCan(actor, "outreach", "discard", ownedBy(current.owner));
    if (current.status === "DRAFT" || current.status === "FAILED") {
      const deleted = await tx.outreach.deleteMany({ where: { id, status: { in: ["DRAFT", "FAILED"] } } });
      if (deleted.count === 0) throw new AppError("conflict", "The message changed meanwhile; reload and try again");
      await recordActivity({ type: "outreach.discarded", description: `Draft to ${current.person.name} discarded`, actorId: actor.id, eventId, personId: current.person.id, entityType: "outreach", entityId: id }, tx);
      return { id, status: "DELETED" as const };
    }
    if (current.status === "QUEUED") {
      const cancelled = await tx.outreach.updateMany({ where: { id, status: "QUEUED" }, data: { status: "CANCELLED", scheduledAt: null } });
      if (cancelled.count === 0) throw new AppError("conflict", "The message is being sent and can no longer be cancelled");
      await recordActivity({ type: "outreach.cancelled", description: `Queued message to ${current.person.name} cancelled`, actorId: actor.id, eventId, personId: current.person.id, entityType: "outreach", entityId: id }, tx);
      return { id, status: "CANCELLED" as const };
    }
    if (current.status === "INTERRUPTED") {
      // The rep checked the outbox and does not want it (again): kept for the record, never sent.
      const cancelled = await tx.outreach.updateMany({ where: { id, status: "INTERRUPTED" }, data: { status: "CANCELLED", scheduledAt: null, failureReason: "Discarded after an interrupted send" } });
      if (cancelled.count === 0) throw new AppError("conflict", "The message changed meanwhile; reload and try again");
      await recordActivity({ type: "outreach.discarded", description: `Interrupted message to ${current.person.name} discarded`, actorId: actor.id, eventId, personId: current.person.id, entityType: "outreach", entityId: id }, tx);
      // A sequence step waits on this decision: the engine now skips the step and goes on.
      await wakeEnrollment(current.enrollmentId, tx);
      return { id, status: "CANCELLED" as const };
    }
    throw new AppError("conflict", `A ${current.status.toLowerCase()} message cannot be discarded`);
  });
}

/** The actor's messages whose send was interrupted and that wait for their decision (resend or discard). */
export async function countInterrupted(actor: Actor, db: DbTx = prisma): Promise<number> {
  return db.outreach.count({ where: { eventId: actor.eventId, ownerId: actor.id, status: "INTERRUPTED" } });
}

/** A sequence enrollment held by its step's interrupted message becomes due again once the owner decided. */
export async function wakeEnrollment(enrollmentId: string | null, db: DbTx = prisma) {
  if (!enrollmentId) return;
  await db.sequenceEnrollment.updateMany({ where: { id: enrollmentId, status: "ACTIVE", nextStepAt: null }, data: { nextStepAt: new Date(), lastError: null } });
}

/** People in the event for the compose dialog's picker. */
export async function searchRecipients(q: string, actor: Actor, db: DbTx = prisma) {
  const people = await db.person.findMany({
    where: {
      eventId: actor.eventId,
      deletedAt: null,
      ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }, { account: { name: { contains: q, mode: "insensitive" } } }] } : {}),
    },
    orderBy: [{ icpScore: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    take: 20,
    select: { id: true, name: true, title: true, email: true, account: { select: { id: true, name: true } } },
  });
  const emails = people.map((p) => p.email?.toLowerCase()).filter((e): e is string => Boolean(e));
  const suppressed = new Set((await db.suppression.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((s) => s.email));
  return people.map((p) => ({ ...p, suppressed: p.email ? suppressed.has(p.email.toLowerCase()) : false }));
}

/** Reps and campaigns for the list filters. */
export async function listFilterOptions(actor: Actor, db: DbTx = prisma) {
  const [reps, campaigns] = await Promise.all([
    db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    db.campaign.findMany({ where: { eventId: actor.eventId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { reps, campaigns };
}
