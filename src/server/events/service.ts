import { randomUUID } from "node:crypto";
import pg from "pg";
import { currentEventOrderSql, utcDateSql } from "@/server/events/current-event";
import { Prisma } from "@/generated/prisma/client";
import { ACCOUNT } from "@/lib/fields/account";
import { PERSON } from "@/lib/fields/person";
import { copiedFields, type RecordFields } from "@/lib/fields/define";
import { recordActivity } from "@/server/activity/service";
import { eventDays, localDay } from "@/server/calendar/time";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { CreateEventBody, UpdateEventBody } from "@/server/events/schemas";

const eventSummary = {
  id: true,
  name: true,
  slug: true,
  startDate: true,
  endDate: true,
  venue: true,
  city: true,
  timeZone: true,
  boothNumber: true,
} as const;

/** The event fields every request carries on its actor (src/server/access/actor.ts). */
export type EventSummary = Prisma.EventGetPayload<{ select: typeof eventSummary }>;

export async function listEvents(db: DbTx = prisma) {
  return db.event.findMany({ where: { archivedAt: null }, orderBy: { startDate: "desc" }, select: eventSummary });
}

/** The event a user works in (currentEventOrderSql's rule); null when no event is open. */
export async function resolveCurrentEvent(lastEventId: string | null, db: DbTx = prisma, now = new Date()) {
  const order = Prisma.raw(currentEventOrderSql(lastEventId === null ? "NULL" : pg.escapeLiteral(lastEventId), utcDateSql(now)));
  const [first] = await db.$queryRaw<{ id: string }[]>`SELECT e.id FROM events e WHERE e."archivedAt" IS NULL ORDER BY ${order} LIMIT 1`;
  return first ? db.event.findUnique({ where: { id: first.id }, select: eventSummary }) : null;
}

/**
 * A change made from a page acts on the event that page shows (the browser sends its id as
 * x-event-id). When that event was archived, or the user's current event changed meanwhile (in
 * another tab, or an admin archived it), the change is refused with a sentence saying so — it
 * never lands silently in another event than the one on screen.
 */
export async function assertPageEventCurrent(pageEventId: string | null, user: { lastEventId: string | null; currentEvent?: { id: string } | null }, db: DbTx = prisma) {
  if (!pageEventId) return;
  // The common case costs no query: the session statement read the user's event (users/session.ts).
  if (user.currentEvent?.id === pageEventId) return;
  const shown = await db.event.findUnique({ where: { id: pageEventId }, select: { id: true, name: true, archivedAt: true } });
  if (!shown) return;
  if (shown.archivedAt) {
    throw new AppError("conflict", `${shown.name} was archived, so nothing more can be added to it. Choose another event in the switcher at the top, then try again.`, { reason: "event_archived", eventId: shown.id });
  }
  const current = await resolveCurrentEvent(user.lastEventId, db);
  if (current && current.id !== shown.id) {
    throw new AppError("conflict", `You are now working in ${current.name} (changed in another tab). Reload this page to work in ${current.name}, or switch back to ${shown.name}.`, { reason: "event_changed", eventId: current.id });
  }
}

export async function getEventOrThrow(id: string, db: DbTx = prisma) {
  const event = await db.event.findUnique({ where: { id }, select: eventSummary });
  if (!event) throw new AppError("not_found", "Event not found");
  return event;
}

/** Remember the user's event choice (the switcher). */
export async function setCurrentEvent(userId: string, eventId: string, db: DbTx = prisma) {
  const event = await getEventOrThrow(eventId, db);
  await db.user.update({ where: { id: userId }, data: { lastEventId: event.id } });
  return event;
}

const eventDetail = { ...eventSummary, description: true, createdAt: true, updatedAt: true } as const;

/** The event's privacy setting (the footer's "why you hear from us"), for Settings → Privacy. */
export async function getEventPrivacy(id: string, db: DbTx = prisma) {
  return db.event.findUnique({ where: { id }, select: { id: true, name: true, outreachReason: true } });
}

/** Events with how much each holds, for the events page. */
export async function listEventsWithCounts(db: DbTx = prisma) {
  const events = await db.event.findMany({
    where: { archivedAt: null },
    orderBy: { startDate: "desc" },
    select: { ...eventDetail, _count: { select: { accounts: { where: { deletedAt: null } }, people: { where: { deletedAt: null } }, meetings: true } } },
  });
  return events.map(({ _count, ...e }) => ({ ...e, counts: _count }));
}

function slugify(name: string): string {
  const base = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return base || "event";
}

async function uniqueSlug(name: string, db: DbTx): Promise<string> {
  const base = slugify(name);
  const taken = await db.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const set = new Set(taken.map((t) => t.slug));
  if (!set.has(base)) return base;
  for (let i = 2; i < 1000; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`;
  return `${base}-${randomUUID().slice(0, 8)}`;
}

function dateOnly(ymd: string): Date {
  return new Date(`${ymd}T00:00:00.000Z`);
}

export type CopySummary = { fromEventId: string; accounts: number; people: number; dossiers: number };

/**
 * Create an event; with `copyFromEventId` also copy that event's target list in the same
 * transaction. What is copied: accounts (name, domain, firmographics, tier, ICP score, owner,
 * notes; status back to PROSPECTING), their people (contact data, personas, ICP score, owner;
 * no lead rating) — each field's `copy` in src/lib/fields says which — and the accounts' research dossiers (research about a company stays true
 * from one show to the next). Not copied: erased people (their anonymised rows stay in the old event), outreach, sequences and enrollments, meetings,
 * activities, insights, imports — that is the history of the old event.
 * Set-based INSERT … SELECT: new ids derive from (old id, new event id), so people find their
 * copied account without a lookup table and 5,000 accounts / 25,000 people copy in seconds.
 */
export async function createEvent(body: CreateEventBody, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        name: body.name,
        slug: await uniqueSlug(body.name, tx),
        startDate: dateOnly(body.startDate),
        endDate: dateOnly(body.endDate),
        venue: body.venue,
        city: body.city,
        timeZone: body.timeZone,
        boothNumber: body.boothNumber,
        description: body.description,
      },
      select: eventDetail,
    });
    let copied: CopySummary | null = null;
    if (body.copyFromEventId) {
      const source = await tx.event.findUnique({ where: { id: body.copyFromEventId }, select: { id: true, name: true } });
      if (!source) throw new AppError("validation_error", "The event to copy from does not exist", [{ path: "copyFromEventId", message: "Unknown event" }]);
      copied = await copyTargetList(source.id, event.id, tx);
    }
    await recordActivity({
      type: "event.created",
      description: copied
        ? `Created ${event.name} with ${copied.accounts} accounts and ${copied.people} people copied from a previous event`
        : `Created ${event.name}`,
      actorId: actor.id,
      eventId: event.id,
      entityType: "event",
      entityId: event.id,
      metadata: copied ? { copiedFrom: copied } : {},
    }, tx);
    return { event, copied };
  }, { timeout: 120_000 });
}

/**
 * The INSERT column list and SELECT expressions that copy a record's rows: every field the
 * registry marks `copy` (src/lib/fields), the reset ones as their fixed value, and `mapped`
 * fields through the given expression (new ids). The event and the timestamps are the copy's own.
 */
function copyInsert(record: RecordFields, alias: string, toEventId: string, mapped: Record<string, Prisma.Sql>): { columns: Prisma.Sql; values: Prisma.Sql } {
  const fields = copiedFields(record.fields);
  const names = [...fields.map((f) => f.key), "eventId", "createdAt", "updatedAt"];
  const values = fields.map(({ key, reset }) => {
    if (mapped[key]) return mapped[key];
    // A literal, not a parameter: PostgreSQL types it as the column (an enum too). Reset values are the registry's constants.
    if (reset !== undefined) return Prisma.raw(`'${reset.replace(/'/g, "''")}'`);
    return Prisma.raw(`${alias}."${key}"`);
  });
  return {
    columns: Prisma.raw(names.map((n) => `"${n}"`).join(", ")),
    values: Prisma.join([...values, Prisma.sql`${toEventId}`, Prisma.sql`now()`, Prisma.sql`now()`]),
  };
}

/** The copy's id for a row: md5 of (old id, target event) is unique per copy and lets people find their copied account. */
const copiedId = (column: string, toEventId: string) => Prisma.sql`'c' || substr(md5(${Prisma.raw(column)} || ':' || ${toEventId}), 1, 24)`;

export async function copyTargetList(fromEventId: string, toEventId: string, db: DbTx): Promise<CopySummary> {
  const account = copyInsert(ACCOUNT, "a", toEventId, { id: copiedId(`a."id"`, toEventId) });
  const accounts = await db.$executeRaw`
    INSERT INTO "target_accounts" (${account.columns})
    SELECT ${account.values} FROM "target_accounts" a WHERE a."eventId" = ${fromEventId} AND a."deletedAt" IS NULL`;
  const person = copyInsert(PERSON, "p", toEventId, {
    id: copiedId(`p."id"`, toEventId),
    accountId: Prisma.sql`CASE WHEN p."accountId" IS NULL THEN NULL ELSE ${copiedId(`p."accountId"`, toEventId)} END`,
  });
  const people = await db.$executeRaw`
    INSERT INTO "people" (${person.columns})
    SELECT ${person.values} FROM "people" p WHERE p."eventId" = ${fromEventId} AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL`;
  const dossiers = await db.$executeRaw`
    INSERT INTO "company_dossiers" ("id", "accountId", "summary", "footprint", "facilities", "painPoints", "techStack", "recentNews", "keyContacts",
      "sources", "provider", "researchedAt", "createdAt", "updatedAt")
    SELECT 'c' || substr(md5(d."id" || ':' || ${toEventId}), 1, 24), 'c' || substr(md5(d."accountId" || ':' || ${toEventId}), 1, 24),
      d."summary", d."footprint", d."facilities", d."painPoints", d."techStack", d."recentNews", d."keyContacts", d."sources", d."provider",
      d."researchedAt", now(), now()
    FROM "company_dossiers" d JOIN "target_accounts" a ON a."id" = d."accountId" WHERE a."eventId" = ${fromEventId} AND a."deletedAt" IS NULL`;
  return { fromEventId, accounts, people, dossiers };
}

export async function updateEvent(id: string, body: UpdateEventBody, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.event.findUnique({ where: { id }, select: { id: true, startDate: true, endDate: true } });
    if (!current) throw new AppError("not_found", "Event not found");
    const start = body.startDate ?? current.startDate.toISOString().slice(0, 10);
    const end = body.endDate ?? current.endDate.toISOString().slice(0, 10);
    if (end < start) throw new AppError("validation_error", "The event cannot end before it starts", [{ path: "endDate", message: "Ends before it starts" }]);
    const { startDate, endDate, archived, ...rest } = body;
    const event = await tx.event.update({
      where: { id },
      data: {
        ...rest,
        ...(startDate ? { startDate: dateOnly(startDate) } : {}),
        ...(endDate ? { endDate: dateOnly(endDate) } : {}),
        ...(archived !== undefined ? { archivedAt: archived ? new Date() : null } : {}),
      },
      select: eventDetail,
    });
    await recordActivity({
      type: "event.updated",
      description: `Updated ${event.name}`,
      actorId: actor.id,
      eventId: event.id,
      entityType: "event",
      entityId: event.id,
      metadata: { fields: Object.keys(body) },
    }, tx);
    return event;
  });
}

/** The event's local days, today in its zone, and the day an agenda opens on (today, else the next show day). */
export async function eventSchedule(id: string, now = new Date(), db: DbTx = prisma) {
  const event = await db.event.findUnique({ where: { id }, select: { startDate: true, endDate: true, timeZone: true } });
  if (!event) throw new AppError("not_found", "Event not found");
  const days = eventDays(event);
  const today = localDay(now, event.timeZone);
  const defaultDay = days.includes(today) ? today : (days.find((d) => d > today) ?? days[days.length - 1] ?? today);
  return { days, today, defaultDay, timeZone: event.timeZone };
}
