/**
 * Event-day (booth) mode.
 *
 * "Today" is the calendar day in the event's time zone, not the rep's laptop. When today is not
 * one of the event's days, the agenda shows the next event day that is still ahead (or, after the
 * show, the last one) and says so.
 *
 * Walk-up capture matches before it creates, in this order:
 *   1. same email (case-insensitive) in the event → that person (rating and note updated);
 *   2. the email's domain equals an account's domain (free-mail domains such as gmail.com never
 *      match) → a new person at that account;
 *   3. the company name, normalised (case, accents, punctuation and legal suffixes ignored),
 *      equals an account's normalizedName → a new person at that account;
 *   4. otherwise a new account (with the work domain, if any) and a new person.
 * All of it, with the activity rows, in one transaction.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { notify } from "@/server/notifications/service";
import { dayRange, eventDays, localDay } from "@/server/calendar/time";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { normalizeName } from "@/lib/normalize";
import type { CaptureLeadBody } from "@/server/booth/schemas";
import { meetingSelect } from "@/server/meetings/service";

export type BoothDay = {
  event: { id: string; name: string; timeZone: string; boothNumber: string | null; venue: string | null };
  day: string;
  today: string;
  isToday: boolean;
  /** "during" — today is an event day; "before" — the next event day is shown; "after" — the show is over. */
  phase: "during" | "before" | "after";
  days: string[];
};

export function pickBoothDay(days: string[], today: string): { day: string; phase: BoothDay["phase"] } {
  if (days.includes(today)) return { day: today, phase: "during" };
  const next = days.find((d) => d > today);
  if (next) return { day: next, phase: "before" };
  return { day: days[days.length - 1] ?? today, phase: "after" };
}

export async function boothAgenda(actor: Actor, options: { now?: Date; day?: string; everyone?: boolean } = {}, db: DbTx = prisma) {
  const event = actor.event;
  const days = eventDays(event);
  const today = localDay(options.now ?? new Date(), event.timeZone);
  const picked = options.day && days.includes(options.day) ? { day: options.day, phase: pickBoothDay(days, today).phase } : pickBoothDay(days, today);
  const { start, end } = dayRange(picked.day, event.timeZone);
  const meetings = await db.meeting.findMany({
    where: { eventId: event.id, scheduledAt: { gte: start, lt: end }, ...(options.everyone ? {} : { ownerId: actor.id }), status: { not: "CANCELLED" } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: meetingSelect,
  });
  const info: BoothDay = {
    event: { id: event.id, name: event.name, timeZone: event.timeZone, boothNumber: event.boothNumber, venue: event.venue },
    day: picked.day,
    today,
    isToday: picked.day === today,
    phase: picked.phase,
    days,
  };
  return { ...info, meetings };
}

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

export type CaptureResult = {
  personId: string;
  accountId: string | null;
  matched: { person: "email" | null; account: "email" | "domain" | "name" | null };
  created: { person: boolean; account: boolean };
  personName: string;
  accountName: string | null;
};

export async function captureLead(body: CaptureLeadBody, actor: Actor): Promise<CaptureResult> {
  const eventId = actor.eventId;
  const email = body.email ? body.email.toLowerCase() : null;
  const domain = workDomain(email);
  const normalized = body.company ? normalizeName(body.company) : "";

  return prisma.$transaction(async (tx) => {
    const existing = email
      ? await tx.person.findFirst({
          where: { eventId, email: { equals: email, mode: "insensitive" } },
          select: { id: true, name: true, notes: true, accountId: true, account: { select: { id: true, name: true } } },
        })
      : null;

    let account: { id: string; name: string } | null = existing?.account ?? null;
    let accountMatch: CaptureResult["matched"]["account"] = existing?.account ? "email" : null;
    let accountCreated = false;
    if (!account && domain) {
      account = await tx.targetAccount.findFirst({ where: { eventId, domain }, select: { id: true, name: true } });
      if (account) accountMatch = "domain";
    }
    if (!account && normalized) {
      account = await tx.targetAccount.findFirst({ where: { eventId, normalizedName: normalized }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
      if (account) accountMatch = "name";
    }
    if (!account && body.company) {
      // The work domain is unique per event; a clash would mean step 2 matched already.
      account = await tx.targetAccount.create({
        data: {
          eventId,
          name: body.company,
          normalizedName: normalized || body.company.toLowerCase(),
          domain,
          website: domain ? `https://${domain}` : null,
          tier: body.rating === "hot" ? "B" : "C",
          status: "ENGAGED",
          source: "booth",
          assignedToId: actor.id,
        },
        select: { id: true, name: true },
      });
      accountCreated = true;
      await recordActivity({
        type: "account.created", description: `Added ${account.name} from a booth conversation`, actorId: actor.id, eventId,
        accountId: account.id, entityType: "account", entityId: account.id, metadata: { source: "booth" },
      }, tx);
    }

    let personId: string;
    let personName: string;
    const datedNote = body.note ? `[Booth ${new Date().toISOString().slice(0, 10)}] ${body.note}` : null;
    if (existing) {
      personId = existing.id;
      personName = existing.name;
      await tx.person.update({
        where: { id: existing.id },
        data: {
          leadRating: body.rating,
          ...(datedNote ? { notes: existing.notes ? `${existing.notes}\n${datedNote}` : datedNote } : {}),
          ...(!existing.accountId && account ? { accountId: account.id } : {}),
        },
      });
    } else {
      const { firstName, lastName } = splitName(body.name);
      const person = await tx.person.create({
        data: {
          eventId, accountId: account?.id ?? null, firstName, lastName, name: body.name.trim(), email, title: body.title ?? null,
          notes: datedNote, leadRating: body.rating, source: "booth", assignedToId: actor.id,
        },
        select: { id: true, name: true },
      });
      personId = person.id;
      personName = person.name;
    }

    // A walk-up conversation is engagement: a prospecting account moves to ENGAGED.
    if (account && !accountCreated) {
      const current = await tx.targetAccount.findUniqueOrThrow({ where: { id: account.id }, select: { status: true } });
      if (current.status === "PROSPECTING") {
        await tx.targetAccount.update({ where: { id: account.id }, data: { status: "ENGAGED" } });
        await recordActivity({
          type: "account.status_changed", description: `${account.name} moved to Engaged after a booth visit`, actorId: actor.id, eventId,
          accountId: account.id, entityType: "account", entityId: account.id, metadata: { from: "PROSPECTING", to: "ENGAGED", reason: "booth_visit" },
        }, tx);
      }
    }

    const metadata: Prisma.InputJsonValue = {
      rating: body.rating, note: body.note ?? null, matchedPerson: existing ? "email" : null, matchedAccount: accountMatch,
      createdPerson: !existing, createdAccount: accountCreated,
    };
    await recordActivity({
      type: "lead.captured",
      description: `Met ${personName}${account ? ` (${account.name})` : ""} at the booth — ${body.rating}${body.note ? `: ${body.note.slice(0, 140)}` : ""}`,
      actorId: actor.id, eventId, personId, accountId: account?.id ?? null, entityType: "person", entityId: personId, metadata,
    }, tx);
    if (account && !accountCreated) {
      const owner = await tx.targetAccount.findUnique({ where: { id: account.id }, select: { assignedToId: true } });
      await notify({
        userId: owner?.assignedToId, actorId: actor.id, type: "lead_captured", title: `${personName} from ${account.name} was met at the booth`,
        body: `${body.rating} lead${body.note ? `: ${body.note.slice(0, 200)}` : ""}`, href: `/dashboard/people/${personId}`, eventId,
        entityType: "person", entityId: personId,
      }, tx);
    }

    return {
      personId,
      accountId: account?.id ?? null,
      matched: { person: existing ? "email" : null, account: accountMatch },
      created: { person: !existing, account: accountCreated },
      personName,
      accountName: account?.name ?? null,
    };
  });
}

/** Recent walk-ups I captured at this event, newest first. */
export async function recentCaptures(actor: Actor, limit = 5, db: DbTx = prisma) {
  return db.activity.findMany({
    where: { eventId: actor.eventId, actorId: actor.id, type: "lead.captured" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, description: true, createdAt: true, personId: true, accountId: true },
  });
}

