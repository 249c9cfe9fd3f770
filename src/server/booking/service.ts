/**
 * Booth meetings prospects book themselves (the public booking page, the prospect's manage link,
 * and one-click slot offers from email).
 *
 * Rules:
 * - Free slots follow slots.ts: booth capacity, reps' availability windows, existing meetings.
 * - Never double-booked: every booking, reschedule and offer acceptance of an event takes one
 *   transaction-scoped advisory lock for that event's booth, recomputes the free slots inside the
 *   lock and writes the meeting before releasing it. Twenty prospects clicking the last slot at
 *   once are served one after another: as many succeed as the slot had room for, the others are
 *   told it was just taken.
 * - The visitor is matched like a walk-up (leads.ts): same email → that person, else an account by
 *   domain or name, else new records (source "booking"). The rep is the one the page belongs to,
 *   or on the event's page the free rep with the fewest meetings that day.
 * - What a prospect sees is their own meeting only: free start times never say how full the booth
 *   is, who else is booked, or with whom.
 * - Bots: a honeypot field that people never see must stay empty, and the form must be sent at
 *   least a few seconds after the page was rendered (a signed render time), and not days later.
 *   Both, plus a per-address rate limit in the route.
 * - The invite (REQUEST, then REQUEST with SEQUENCE + 1 on a reschedule, CANCEL on cancel) goes
 *   out after the transaction, with the prospect's manage link.
 */
import { assertNotErased, ERASED_BOOKING_MESSAGE } from "@/server/privacy/tombstones";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { matchOrCreateLead } from "@/server/booth/leads";
import { freeSlots, type FreeSlot } from "@/server/booking/slots";
import { manageBookingIcsUrl, manageBookingUrl } from "@/server/booking/links";
import { dayRange, eventDays, localDay } from "@/server/calendar/time";
import { formatInZone } from "@/lib/time";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { applyBookingEffects } from "@/server/meetings/scheduling";
import { renderIcs, sendMeetingInvite } from "@/server/meetings/invites";
import { signToken, verifyToken } from "@/server/tracking/tokens";

/** How soon a prospect may book: not a slot starting within the hour. */
const BOOKING_LEAD_MINUTES = 60;
/** Faster than this from page render to submit is a script, not a person. */
const MIN_FORM_SECONDS = 3;
const MAX_FORM_AGE_MS = 24 * 3_600_000;

const isoInstant = z.iso.datetime({ offset: true, message: "Pick one of the times shown" });

export const eventSlugParams = z.object({ event: z.string().trim().min(1).max(120) });
export const bookingTokenParams = z.object({ token: z.string().min(16).max(2000) });
export const slotsQuery = z.strictObject({ rep: z.string().trim().min(1).max(64).optional() });

export const bookSlotBody = z.strictObject({
  start: isoInstant,
  name: z.string().trim().min(2, "Enter your name").max(120),
  company: z.string().trim().min(1, "Enter your company").max(160),
  email: z.email("Enter a valid work email").max(254),
  rep: z.string().trim().min(1).max(64).optional(),
  /** The honeypot: hidden from people, filled by form-filling bots. */
  website: z.string().max(500).optional(),
  formToken: z.string().min(16).max(1000),
});
export type BookSlotBody = z.infer<typeof bookSlotBody>;

export const rescheduleBookingBody = z.strictObject({ start: isoInstant });

type BookingEvent = { id: string; name: string; slug: string; timeZone: string; venue: string | null; city: string | null; boothNumber: string | null; startDate: Date; endDate: Date; boothCapacity: number; bookingSlotMinutes: number };

const eventFields = { id: true, name: true, slug: true, timeZone: true, venue: true, city: true, boothNumber: true, startDate: true, endDate: true, boothCapacity: true, bookingSlotMinutes: true } as const;

async function openEvent(slug: string, db: DbTx = prisma): Promise<BookingEvent> {
  const event = await db.event.findFirst({ where: { slug, archivedAt: null }, select: { ...eventFields, bookingEnabled: true } });
  if (!event) throw new AppError("not_found", "There is no booking page at this address");
  if (!event.bookingEnabled) throw new AppError("not_found", "Booking is closed for this event");
  return event;
}

async function repBySlug(slug: string, db: DbTx = prisma) {
  const rep = await db.user.findFirst({ where: { bookingSlug: slug, disabledAt: null }, select: { id: true, name: true, bookingSlug: true } });
  if (!rep) throw new AppError("not_found", "There is no booking page for this person");
  return rep;
}

/** Free slots of an event (optionally one rep's), leaving one meeting out (the one being moved). */
async function loadSlots(event: BookingEvent, options: { repId?: string; excludeMeetingId?: string; now: Date }, db: DbTx): Promise<FreeSlot[]> {
  const days = eventDays(event);
  if (days.length === 0) return [];
  const from = dayRange(days[0], event.timeZone).start;
  const to = dayRange(days[days.length - 1], event.timeZone).end;
  const windows = await db.availabilityWindow.findMany({
    where: { eventId: event.id, ...(options.repId ? { userId: options.repId } : {}), user: { disabledAt: null } },
    select: { userId: true, day: true, startMinute: true, endMinute: true },
  });
  if (windows.length === 0) return [];
  const reps = [...new Set(windows.map((w) => w.userId))];
  const meetings = await db.meeting.findMany({
    where: {
      OR: [{ eventId: event.id, locationType: "BOOTH" }, { ownerId: { in: reps } }],
      status: { in: ["SCHEDULED", "COMPLETED"] },
      scheduledAt: { gte: new Date(from.getTime() - 8 * 3_600_000), lt: to },
      ...(options.excludeMeetingId ? { id: { not: options.excludeMeetingId } } : {}),
    },
    select: { ownerId: true, scheduledAt: true, durationMinutes: true, locationType: true, status: true, eventId: true },
  });
  // Another event's booth is not this booth: only this event's booth meetings use its tables.
  const busy = meetings.map((m) => (m.eventId === event.id ? m : { ...m, locationType: "ELSEWHERE" }));
  return freeSlots(
    { days, timeZone: event.timeZone, slotMinutes: event.bookingSlotMinutes, capacity: event.boothCapacity, now: options.now, leadMinutes: BOOKING_LEAD_MINUTES },
    windows,
    busy,
  );
}

function publicEvent(event: BookingEvent) {
  return {
    name: event.name, slug: event.slug, timeZone: event.timeZone, venue: event.venue, city: event.city, boothNumber: event.boothNumber,
    days: eventDays(event), slotMinutes: event.bookingSlotMinutes,
  };
}

/** What the public page shows: the event, the rep (on a rep's page), the free start times by day. */
export async function bookingPage(slug: string, repSlug: string | undefined, now = new Date()) {
  const event = await openEvent(slug);
  const rep = repSlug ? await repBySlug(repSlug) : null;
  const slots = await loadSlots(event, { repId: rep?.id, now }, prisma);
  return {
    event: publicEvent(event),
    rep: rep ? { name: rep.name, slug: rep.bookingSlug } : null,
    days: groupByDay(slots, event.timeZone),
    formToken: signToken({ k: "f", id: event.id, t: now.getTime() }),
  };
}

function groupByDay(slots: FreeSlot[], timeZone: string) {
  const byDay = new Map<string, string[]>();
  for (const slot of slots) {
    const day = localDay(slot.start, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot.start.toISOString()]);
  }
  return [...byDay.entries()].map(([day, starts]) => ({ day, starts }));
}

function assertHuman(body: BookSlotBody, eventId: string, now: Date) {
  const refused = new AppError("validation_error", "We could not accept this booking. Reload the page and try again.", [{ path: "formToken", message: "Reload the page" }]);
  if (body.website && body.website.trim() !== "") throw refused;
  const token = verifyToken(body.formToken, "f");
  if (!token || token.id !== eventId) throw refused;
  const age = now.getTime() - token.t;
  if (age < MIN_FORM_SECONDS * 1000) {
    throw new AppError("validation_error", "That was quicker than anyone can fill in the form — wait a moment and send it again.", [{ path: "formToken", message: "Sent too fast" }]);
  }
  if (age > MAX_FORM_AGE_MS) throw new AppError("validation_error", "This page is more than a day old — reload it to see the times that are free now.", [{ path: "formToken", message: "Page too old" }]);
}

const slotTaken = () => new AppError("conflict", "That time was just taken — please pick another one.");

/** Transaction options for booking writes: twenty prospects may queue on one event's lock. */
const LOCKED_WRITE = { maxWait: 20_000, timeout: 30_000 };

async function lockBooth(tx: DbTx, eventId: string) {
  await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`booth-capacity:${eventId}`}))) AS locked`;
}

/** The free rep with the fewest meetings that day (then by id, so the choice is stable). */
async function pickRep(reps: string[], event: BookingEvent, start: Date, db: DbTx): Promise<string> {
  if (reps.length === 1) return reps[0];
  const { start: from, end: to } = dayRange(localDay(start, event.timeZone), event.timeZone);
  const counts = await db.meeting.groupBy({ by: ["ownerId"], where: { ownerId: { in: reps }, scheduledAt: { gte: from, lt: to }, status: { in: ["SCHEDULED", "COMPLETED"] } }, _count: { _all: true } });
  const load = new Map(counts.map((c) => [c.ownerId, c._count._all]));
  return [...reps].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))[0];
}

async function createBookedMeeting(
  tx: DbTx,
  input: { event: BookingEvent; start: Date; ownerId: string; person: { id: string; name: string }; accountId: string | null; via: "booking_page" | "slot_offer" },
) {
  const { event, start } = input;
  const clash = await tx.meeting.findFirst({
    where: { personId: input.person.id, status: { in: ["SCHEDULED", "COMPLETED"] }, scheduledAt: { lt: new Date(start.getTime() + event.bookingSlotMinutes * 60_000), gt: new Date(start.getTime() - 8 * 3_600_000) } },
    select: { scheduledAt: true, durationMinutes: true },
  });
  if (clash && clash.scheduledAt.getTime() + clash.durationMinutes * 60_000 > start.getTime()) {
    throw new AppError("conflict", "You already have a meeting with us at that time — pick another time, or use the link in your confirmation email to move it.");
  }
  const owner = await tx.user.findUniqueOrThrow({ where: { id: input.ownerId }, select: { name: true, email: true } });
  const meeting = await tx.meeting.create({
    data: {
      eventId: event.id, personId: input.person.id, accountId: input.accountId, ownerId: input.ownerId, scheduledAt: start, durationMinutes: event.bookingSlotMinutes,
      locationType: "BOOTH", bookedVia: input.via, icsUid: `${randomUUID()}@eventops`,
    },
    select: { id: true },
  });
  await recordActivity({
    type: "meeting.booked",
    description: `${input.person.name} booked a booth meeting with ${owner.name ?? owner.email} for ${formatInZone(start, event.timeZone, "weekdayTime")} ${input.via === "slot_offer" ? "from an emailed slot offer" : "on the booking page"}`,
    ...activityAbout("meeting", { id: meeting.id, eventId: event.id, personId: input.person.id, accountId: input.accountId }, null),
    metadata: { scheduledAt: start.toISOString(), ownerId: input.ownerId, bookedVia: input.via },
  }, tx);
  await applyBookingEffects({ personId: input.person.id, personName: input.person.name, accountId: input.accountId, eventId: event.id, meetingId: meeting.id, actorId: null }, tx);
  return meeting.id;
}

export type BookingConfirmation = {
  start: string;
  end: string;
  timeZone: string;
  eventName: string;
  where: string;
  repName: string | null;
  manageUrl: string;
  icsUrl: string;
  inviteSent: boolean;
};

/** Where a booth meeting happens, as the prospect reads it: "Booth 1214, McCormick Place". */
function boothPlace(event: Pick<BookingEvent, "boothNumber" | "venue">): string {
  return [event.boothNumber ? `Booth ${event.boothNumber}` : "Our booth", event.venue].filter(Boolean).join(", ");
}

async function confirmation(meetingId: string, inviteSent: boolean): Promise<BookingConfirmation> {
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { scheduledAt: true, durationMinutes: true, event: { select: eventFields }, owner: { select: { name: true } } } });
  return {
    start: m.scheduledAt.toISOString(),
    end: new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000).toISOString(),
    timeZone: m.event.timeZone,
    eventName: m.event.name,
    where: boothPlace(m.event),
    repName: m.owner?.name ?? null,
    manageUrl: manageBookingUrl(meetingId),
    icsUrl: manageBookingIcsUrl(meetingId),
    inviteSent,
  };
}

export async function bookSlot(slug: string, body: BookSlotBody, now = new Date()): Promise<BookingConfirmation> {
  const event = await openEvent(slug);
  assertHuman(body, event.id, now);
  const rep = body.rep ? await repBySlug(body.rep) : null;
  const start = new Date(body.start);
  await assertNotErased({ email: body.email, name: body.name, company: body.company }, prisma, ERASED_BOOKING_MESSAGE);
  const meetingId = await prisma.$transaction(async (tx) => {
    await lockBooth(tx, event.id);
    const slot = (await loadSlots(event, { repId: rep?.id, now }, tx)).find((s) => s.start.getTime() === start.getTime());
    if (!slot) throw slotTaken();
    const ownerId = await pickRep(slot.reps, event, start, tx);
    const lead = await matchOrCreateLead({ name: body.name, company: body.company, email: body.email }, { eventId: event.id, ownerId, actorId: null, source: "booking" }, tx);
    return createBookedMeeting(tx, { event, start, ownerId, person: lead.person, accountId: lead.account?.id ?? null, via: "booking_page" });
  }, LOCKED_WRITE);
  const invite = await sendMeetingInvite(meetingId, "REQUEST", null);
  return confirmation(meetingId, invite.sent);
}

async function managedMeeting(token: string) {
  const payload = verifyToken(token, "m");
  const meeting = payload
    ? await prisma.meeting.findUnique({
        where: { id: payload.id },
        select: { id: true, status: true, scheduledAt: true, durationMinutes: true, ownerId: true, eventId: true, personId: true, accountId: true, person: { select: { name: true } }, owner: { select: { name: true, bookingSlug: true } }, event: { select: eventFields } },
      })
    : null;
  if (!meeting) throw new AppError("not_found", "This booking link is not valid. Use the link in your latest confirmation email.");
  return meeting;
}

/** The prospect's view of their booking, with the times they could move it to. */
export async function managedBooking(token: string, now = new Date()) {
  const m = await managedMeeting(token);
  const open = m.status === "SCHEDULED" && m.scheduledAt.getTime() > now.getTime();
  const slots = open ? await loadSlots(m.event, { excludeMeetingId: m.id, now }, prisma) : [];
  return {
    status: m.status,
    start: m.scheduledAt.toISOString(),
    end: new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000).toISOString(),
    personName: m.person.name,
    repName: m.owner?.name ?? null,
    where: boothPlace(m.event),
    event: publicEvent(m.event),
    canChange: open,
    days: groupByDay(slots.filter((s) => s.start.getTime() !== m.scheduledAt.getTime()), m.event.timeZone),
    icsUrl: manageBookingIcsUrl(m.id),
  };
}

/** Moves the booking (same calendar UID, SEQUENCE + 1); keeps the rep when they are free then. */
export async function rescheduleBooking(token: string, body: z.infer<typeof rescheduleBookingBody>, now = new Date()): Promise<BookingConfirmation> {
  const m = await managedMeeting(token);
  if (m.status !== "SCHEDULED") throw new AppError("conflict", "This meeting was cancelled or has taken place, so it cannot be moved. Book a new time instead.");
  const start = new Date(body.start);
  await prisma.$transaction(async (tx) => {
    await lockBooth(tx, m.eventId);
    const slot = (await loadSlots(m.event, { excludeMeetingId: m.id, now }, tx)).find((s) => s.start.getTime() === start.getTime());
    if (!slot) throw slotTaken();
    const ownerId = m.ownerId && slot.reps.includes(m.ownerId) ? m.ownerId : await pickRep(slot.reps, m.event, start, tx);
    await tx.meeting.update({ where: { id: m.id }, data: { scheduledAt: start, ownerId, icsSequence: { increment: 1 } } });
    await recordActivity({
      type: "meeting.rescheduled",
      description: `${m.person.name} moved their booth meeting to ${formatInZone(start, m.event.timeZone, "weekdayTime")} with their booking link`,
      ...activityAbout("meeting", m, null),
      metadata: { from: m.scheduledAt.toISOString(), to: start.toISOString(), ownerId, byProspect: true },
    }, tx);
  }, LOCKED_WRITE);
  const invite = await sendMeetingInvite(m.id, "REQUEST", null);
  return confirmation(m.id, invite.sent);
}

export async function cancelBooking(token: string): Promise<{ status: "CANCELLED"; cancellationSent: boolean }> {
  const m = await managedMeeting(token);
  if (m.status !== "SCHEDULED") throw new AppError("conflict", "This meeting is already cancelled or has taken place.");
  await prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: m.id }, data: { status: "CANCELLED", icsSequence: { increment: 1 } } });
    await recordActivity({
      type: "meeting.cancelled",
      description: `${m.person.name} cancelled their booth meeting with their booking link`,
      ...activityAbout("meeting", m, null),
      metadata: { byProspect: true },
    }, tx);
  });
  const invite = await sendMeetingInvite(m.id, "CANCEL", null);
  return { status: "CANCELLED", cancellationSent: invite.sent };
}

async function offer(token: string) {
  const payload = verifyToken(token, "s");
  const start = payload ? new Date(payload.t) : null;
  const person = payload ? await prisma.person.findFirst({ where: { id: payload.id, eventId: payload.e, deletedAt: null }, select: { id: true, name: true, accountId: true } }) : null;
  const rep = payload ? await prisma.user.findFirst({ where: { id: payload.r, disabledAt: null }, select: { id: true, name: true, bookingSlug: true } }) : null;
  const event = payload ? await prisma.event.findFirst({ where: { id: payload.e, archivedAt: null, bookingEnabled: true }, select: eventFields }) : null;
  if (!payload || !start || Number.isNaN(start.getTime()) || !person || !rep || !event) throw new AppError("not_found", "This booking link is not valid any more.");
  return { start, person, rep, event };
}

/** What the one-click link shows before the prospect confirms (a GET never books: mail scanners follow links). */
export async function slotOffer(token: string, now = new Date()) {
  const o = await offer(token);
  const free = (await loadSlots(o.event, { repId: o.rep.id, now }, prisma)).some((s) => s.start.getTime() === o.start.getTime());
  return { start: o.start.toISOString(), personName: o.person.name, repName: o.rep.name, repSlug: o.rep.bookingSlug, event: publicEvent(o.event), free };
}

export async function acceptSlotOffer(token: string, now = new Date()): Promise<BookingConfirmation> {
  const o = await offer(token);
  const meetingId = await prisma.$transaction(async (tx) => {
    await lockBooth(tx, o.event.id);
    const slot = (await loadSlots(o.event, { repId: o.rep.id, now }, tx)).find((s) => s.start.getTime() === o.start.getTime());
    if (!slot) throw slotTaken();
    return createBookedMeeting(tx, { event: o.event, start: o.start, ownerId: o.rep.id, person: o.person, accountId: o.person.accountId, via: "slot_offer" });
  }, LOCKED_WRITE);
  const invite = await sendMeetingInvite(meetingId, "REQUEST", null);
  return confirmation(meetingId, invite.sent);
}

/** The next free slots of one rep at an event, for the "Offer booth slots" email step. */
export async function nextFreeSlotsOf(repId: string, eventId: string, count: number, now = new Date(), db: DbTx = prisma): Promise<Date[]> {
  const event = await db.event.findFirst({ where: { id: eventId, archivedAt: null, bookingEnabled: true }, select: eventFields });
  if (!event) return [];
  return (await loadSlots(event, { repId, now }, db)).slice(0, count).map((s) => s.start);
}

/** The .ics of a booked meeting, for the prospect's manage link (CANCEL once cancelled). */
export async function managedBookingIcs(token: string) {
  return renderIcs((await managedMeeting(token)).id);
}
