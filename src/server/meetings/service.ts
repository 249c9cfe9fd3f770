/**
 * Meetings. Rules this module holds:
 * - A meeting belongs to the event its person belongs to; it opens by id only within the actor's
 *   event (the one by-id rule, src/server/access/scope.ts).
 * - Booking or rescheduling checks double-bookings (see conflicts.ts). With conflicts the write is
 *   refused with 409 and the conflicting meetings in `details`, unless `allowConflicts: true`
 *   (the rep looked at them and chose to save anyway); the activity then records the override.
 * - Booking stops the person's ACTIVE sequence enrollments (STOPPED, "meeting_booked") and moves
 *   the account to MEETING_SCHEDULED unless it is already WON or LOST — in the same transaction
 *   as the meeting and its activity rows.
 * - Completing records outcome and next step and may move the account to ENGAGED, WON or LOST
 *   with a reason; no-show and check-in are recorded likewise. Cancelling keeps the row
 *   (status CANCELLED) so the history stays true.
 * - Invites go out after the transaction commits (mail cannot be rolled back): REQUEST on booking
 *   and on a reschedule (same UID, SEQUENCE + 1), CANCEL on cancellation. A failed send never
 *   undoes the meeting; the result says so and an activity records it.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { angleBracketed } from "@/lib/utils";
import type { AccountStatus, MeetingLocationType } from "@/generated/prisma/enums";
import { recordActivity } from "@/server/activity/service";
import { buildMeetingIcs, type IcsMethod } from "@/server/calendar/ics";
import { dayRange, localDay, parseStartTime } from "@/server/calendar/time";
import { formatInZone } from "@/lib/time";
import { prisma, withTransaction, type DbTx } from "@/server/db";
import { assertMayEmail, sendingIdentity } from "@/server/email/recipients";
import { sendMail } from "@/server/email/transport";
import { env } from "@/server/env";
import { manageBookingUrl } from "@/server/booking/links";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { endOf, findConflicts, roomKey, type ConflictKind } from "@/server/meetings/conflicts";
import { draftNoShowFollowUp } from "@/server/meetings/no-show";
import type { CompleteMeetingBody, CreateMeetingBody, ListMeetingsQuery, UpdateMeetingBody } from "@/server/meetings/schemas";
import type { PaginatedResponse } from "@/types/api";
import { pageWindow, paginated } from "@/server/http/pagination";

export const meetingSelect = {
  id: true,
  eventId: true,
  personId: true,
  accountId: true,
  ownerId: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  locationType: true,
  location: true,
  address: true,
  status: true,
  agenda: true,
  outcome: true,
  nextStep: true,
  checkedInAt: true,
  icsUid: true,
  icsSequence: true,
  createdAt: true,
  updatedAt: true,
  person: { select: { id: true, name: true, title: true, email: true, phone: true } },
  account: { select: { id: true, name: true, status: true, tier: true } },
  owner: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MeetingSelect;

export type MeetingView = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

export type InviteResult = { sent: boolean; method?: IcsMethod; to?: string; reason?: string };

const LOCATION_LABEL: Record<MeetingLocationType, string> = {
  BOOTH: "Booth",
  MEETING_ROOM: "Meeting room",
  OFFSITE: "Off-site",
  VIRTUAL: "Video call",
};

export async function listMeetings(query: ListMeetingsQuery, actor: Actor, db: DbTx = prisma): Promise<PaginatedResponse<MeetingView> & { timeZone: string; eventId: string }> {
  const event = actor.event;
  const where: Prisma.MeetingWhereInput = { eventId: event.id };
  if (query.status) where.status = query.status;
  if (query.ownerId) where.ownerId = query.ownerId;
  if (query.personId) where.personId = query.personId;
  if (query.accountId) where.accountId = query.accountId;
  if (query.day) {
    const { start, end } = dayRange(query.day, event.timeZone);
    where.scheduledAt = { gte: start, lt: end };
  }
  if (query.q) {
    where.OR = [
      { person: { name: { contains: query.q, mode: "insensitive" } } },
      { account: { name: { contains: query.q, mode: "insensitive" } } },
      { title: { contains: query.q, mode: "insensitive" } },
    ];
  }
  const [items, total] = await Promise.all([
    db.meeting.findMany({
      where,
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      ...pageWindow(query),
      select: meetingSelect,
    }),
    db.meeting.count({ where }),
  ]);
  return { ...paginated(items, total, query), timeZone: event.timeZone, eventId: event.id };
}

/** A meeting of the actor's event, or 404. */
export async function getMeeting(id: string, actor: Actor, db: DbTx = prisma): Promise<MeetingView> {
  return inActorEvent(actor, "meeting", await db.meeting.findUnique({ where: { id }, select: meetingSelect }));
}

type ConflictView = {
  id: string;
  reasons: ConflictKind[];
  scheduledAt: Date;
  durationMinutes: number;
  locationType: MeetingLocationType;
  location: string | null;
  personName: string;
  accountName: string | null;
  ownerName: string | null;
};

/** Meetings that would clash with the candidate (rep, person, or room double-booking). */
export async function detectConflicts(
  candidate: { id?: string; eventId: string; ownerId: string | null; personId: string; scheduledAt: Date; durationMinutes: number; locationType: MeetingLocationType; location: string | null },
  db: DbTx = prisma,
): Promise<ConflictView[]> {
  const end = endOf(candidate);
  const or: Prisma.MeetingWhereInput[] = [{ personId: candidate.personId }];
  if (candidate.ownerId) or.push({ ownerId: candidate.ownerId });
  if (candidate.locationType === "MEETING_ROOM" && candidate.location) or.push({ eventId: candidate.eventId, locationType: "MEETING_ROOM" });
  // Rough window in SQL (no meeting is longer than 8 hours), exact overlap in findConflicts.
  const nearby = await db.meeting.findMany({
    where: {
      OR: or,
      status: { in: ["SCHEDULED", "COMPLETED"] },
      scheduledAt: { lt: end, gt: new Date(candidate.scheduledAt.getTime() - 8 * 3_600_000) },
      ...(candidate.id ? { id: { not: candidate.id } } : {}),
    },
    select: {
      id: true, eventId: true, ownerId: true, personId: true, scheduledAt: true, durationMinutes: true, locationType: true, location: true, status: true,
      person: { select: { name: true } },
      account: { select: { name: true } },
      owner: { select: { name: true, email: true } },
    },
  });
  return findConflicts(candidate, nearby).map(({ meeting, reasons }) => ({
    id: meeting.id,
    reasons,
    scheduledAt: meeting.scheduledAt,
    durationMinutes: meeting.durationMinutes,
    locationType: meeting.locationType,
    location: meeting.location,
    personName: meeting.person.name,
    accountName: meeting.account?.name ?? null,
    ownerName: meeting.owner?.name ?? meeting.owner?.email ?? null,
  }));
}

/**
 * Two bookings for the same rep, person or room at the same moment must not both pass the
 * conflict check: transaction-scoped advisory locks on each resource serialise them (always taken
 * in sorted order, so two transactions cannot deadlock).
 */
async function lockSlots(tx: DbTx, c: { ownerId: string | null; personId: string; eventId: string; locationType: string; location: string | null }) {
  const keys = [`meeting-person:${c.personId}`];
  if (c.ownerId) keys.push(`meeting-owner:${c.ownerId}`);
  const room = roomKey(c.locationType, c.location);
  if (room) keys.push(`meeting-room:${c.eventId}:${room}`);
  for (const key of keys.sort()) {
    await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS locked`;
  }
}

const SLOT_STEP_MIN = 15;
const DAY_OPENS_HOUR = 7;
const DAY_CLOSES_HOUR = 20;

/**
 * Free starts near a busy one, the same local day (7:00–20:00 in the event's zone, every 15
 * minutes, none in the past): the times the same rep, attendee and room are all free for the
 * whole meeting — the closest three, earliest first. One read of that day's meetings.
 */
export async function suggestFreeSlots(
  candidate: { id?: string; eventId: string; ownerId: string | null; personId: string; scheduledAt: Date; durationMinutes: number; locationType: MeetingLocationType; location: string | null },
  db: DbTx = prisma,
  now = new Date(),
): Promise<Date[]> {
  const { timeZone } = await db.event.findUniqueOrThrow({ where: { id: candidate.eventId }, select: { timeZone: true } });
  const { start, end } = dayRange(localDay(candidate.scheduledAt, timeZone), timeZone);
  const or: Prisma.MeetingWhereInput[] = [{ personId: candidate.personId }];
  if (candidate.ownerId) or.push({ ownerId: candidate.ownerId });
  if (candidate.locationType === "MEETING_ROOM" && candidate.location) or.push({ eventId: candidate.eventId, locationType: "MEETING_ROOM" });
  const sameDay = await db.meeting.findMany({
    where: { OR: or, status: { in: ["SCHEDULED", "COMPLETED"] }, scheduledAt: { lt: end, gt: new Date(start.getTime() - 8 * 3_600_000) }, ...(candidate.id ? { id: { not: candidate.id } } : {}) },
    select: { id: true, eventId: true, ownerId: true, personId: true, scheduledAt: true, durationMinutes: true, locationType: true, location: true, status: true },
  });
  const free: Date[] = [];
  for (let t = start.getTime() + DAY_OPENS_HOUR * 3_600_000; t + candidate.durationMinutes * 60_000 <= start.getTime() + DAY_CLOSES_HOUR * 3_600_000; t += SLOT_STEP_MIN * 60_000) {
    if (t < now.getTime() || t === candidate.scheduledAt.getTime()) continue;
    if (findConflicts({ ...candidate, scheduledAt: new Date(t) }, sameDay).length === 0) free.push(new Date(t));
  }
  const wanted = candidate.scheduledAt.getTime();
  return free.sort((a, b) => Math.abs(a.getTime() - wanted) - Math.abs(b.getTime() - wanted)).slice(0, 3).sort((a, b) => a.getTime() - b.getTime());
}

function conflictError(conflicts: ConflictView[], suggestions: Date[] = []) {
  const what = conflicts
    .flatMap((c) => c.reasons)
    .filter((r, i, all) => all.indexOf(r) === i)
    .map((r) => (r === "rep" ? "the rep" : r === "person" ? "the attendee" : "the room"))
    .join(", ");
  return new AppError(
    "conflict",
    `This time clashes with ${conflicts.length} other meeting${conflicts.length === 1 ? "" : "s"} (${what} already booked). Pick another time or save anyway.`,
    { conflicts, suggestions },
  );
}

async function assertOwner(ownerId: string, db: DbTx) {
  const owner = await db.user.findFirst({ where: { id: ownerId, disabledAt: null }, select: { id: true } });
  if (!owner) throw new AppError("validation_error", "The owner must be an active teammate", [{ path: "ownerId", message: "Unknown teammate" }]);
}

export async function createMeeting(body: CreateMeetingBody, actor: Actor) {
  const db = prisma;
  const event = actor.event;
  const person = inActorEvent(actor, "person", await db.person.findUnique({
    where: { id: body.personId },
    select: { id: true, name: true, accountId: true, eventId: true, deletedAt: true },
  }));
  const ownerId = body.ownerId ?? actor.id;
  await assertOwner(ownerId, db);
  const scheduledAt = parseStartTime(body.scheduledAt, event.timeZone);

  const candidate = { eventId: event.id, ownerId, personId: person.id, scheduledAt, durationMinutes: body.durationMinutes, locationType: body.locationType, location: body.location };

  let conflicts: ConflictView[] = [];
  const meetingId = await prisma.$transaction(async (tx) => {
    await lockSlots(tx, candidate);
    conflicts = await detectConflicts(candidate, tx);
    if (conflicts.length > 0 && !body.allowConflicts) throw conflictError(conflicts, await suggestFreeSlots(candidate, tx));
    const meeting = await tx.meeting.create({
      data: {
        eventId: event.id,
        personId: person.id,
        accountId: person.accountId,
        ownerId,
        title: body.title,
        scheduledAt,
        durationMinutes: body.durationMinutes,
        locationType: body.locationType,
        location: body.location,
        address: body.address,
        agenda: body.agenda,
        icsUid: `${randomUUID()}@eventops`,
      },
      select: { id: true },
    });
    await recordActivity({
      type: "meeting.booked",
      description: `Booked a meeting with ${person.name} for ${formatInZone(scheduledAt, event.timeZone, "weekdayTime")}`,
      actorId: actor.id,
      eventId: event.id,
      personId: person.id,
      accountId: person.accountId,
      entityType: "meeting",
      entityId: meeting.id,
      metadata: { scheduledAt: scheduledAt.toISOString(), ownerId, conflictsOverridden: conflicts.map((c) => c.id) },
    }, tx);
    await applyBookingEffects({ personId: person.id, personName: person.name, accountId: person.accountId, eventId: event.id, meetingId: meeting.id, actorId: actor.id }, tx);
    return meeting.id;
  });

  const invite = body.sendInvite ? await sendMeetingInvite(meetingId, "REQUEST", actor.id) : { sent: false, reason: "not requested" };
  return { meeting: await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingSelect }), invite, conflictsOverridden: conflicts };
}

/** Stop the person's active sequences and move the account forward: a meeting is the goal of outreach. */
export async function applyBookingEffects(
  ctx: { personId: string; personName: string; accountId: string | null; eventId: string; meetingId: string; actorId: string | null },
  tx: DbTx,
) {
  const stoppedAt = new Date();
  const active = await tx.sequenceEnrollment.findMany({
    where: { personId: ctx.personId, status: "ACTIVE" },
    select: { id: true, sequence: { select: { name: true } } },
  });
  if (active.length > 0) {
    await tx.sequenceEnrollment.updateMany({
      where: { id: { in: active.map((e) => e.id) }, status: "ACTIVE" },
      data: { status: "STOPPED", stopReason: "meeting_booked", stoppedAt, nextStepAt: null },
    });
    await recordActivity({
      type: "sequence.stopped",
      description: `Stopped ${active.map((e) => e.sequence.name).join(", ")} for ${ctx.personName}: a meeting was booked`,
      actorId: ctx.actorId,
      eventId: ctx.eventId,
      personId: ctx.personId,
      accountId: ctx.accountId,
      entityType: "meeting",
      entityId: ctx.meetingId,
      metadata: { enrollmentIds: active.map((e) => e.id), stopReason: "meeting_booked" },
    }, tx);
  }
  if (ctx.accountId) {
    const account = await tx.targetAccount.findUnique({ where: { id: ctx.accountId }, select: { id: true, name: true, status: true } });
    if (account && !["WON", "LOST", "MEETING_SCHEDULED"].includes(account.status)) {
      await tx.targetAccount.update({ where: { id: account.id }, data: { status: "MEETING_SCHEDULED" } });
      await recordActivity({
        type: "account.status_changed",
        description: `${account.name} moved to Meeting scheduled`,
        actorId: ctx.actorId,
        eventId: ctx.eventId,
        accountId: account.id,
        entityType: "account",
        entityId: account.id,
        metadata: { from: account.status, to: "MEETING_SCHEDULED", reason: "meeting_booked", meetingId: ctx.meetingId },
      }, tx);
    }
  }
}

export async function updateMeeting(id: string, body: UpdateMeetingBody, actor: Actor) {
  const current = await getMeeting(id, actor);
  assertCan(actor, "meeting", "edit", ownedBy(current.owner));
  if (current.status === "CANCELLED") throw new AppError("conflict", "This meeting was cancelled; book a new one instead");
  const event = actor.event;
  if (body.ownerId) await assertOwner(body.ownerId, prisma);

  const next = {
    ownerId: body.ownerId ?? current.ownerId,
    scheduledAt: body.scheduledAt ? parseStartTime(body.scheduledAt, event.timeZone) : current.scheduledAt,
    durationMinutes: body.durationMinutes ?? current.durationMinutes,
    locationType: body.locationType ?? current.locationType,
    location: body.location !== undefined ? body.location : current.location,
    address: body.address !== undefined ? body.address : current.address,
  };
  if (next.locationType === "OFFSITE" && !next.address) {
    throw new AppError("validation_error", "An off-site meeting needs an address", [{ path: "address", message: "An off-site meeting needs an address" }]);
  }
  const rescheduled =
    next.scheduledAt.getTime() !== current.scheduledAt.getTime() ||
    next.durationMinutes !== current.durationMinutes ||
    next.locationType !== current.locationType ||
    next.location !== current.location ||
    next.address !== current.address;
  const slotChanged = rescheduled || next.ownerId !== current.ownerId;

  let conflicts: ConflictView[] = [];
  await prisma.$transaction(async (tx) => {
    if (slotChanged && current.status === "SCHEDULED") {
      const candidate = { id, eventId: current.eventId, personId: current.personId, ...next };
      await lockSlots(tx, candidate);
      conflicts = await detectConflicts(candidate, tx);
      if (conflicts.length > 0 && !body.allowConflicts) throw conflictError(conflicts, await suggestFreeSlots(candidate, tx));
    }
    await tx.meeting.update({
      where: { id },
      data: {
        ...next,
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
        ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
        ...(body.nextStep !== undefined ? { nextStep: body.nextStep } : {}),
        // The calendar copy changes only when time or place does: that is what SEQUENCE counts.
        ...(rescheduled ? { icsSequence: { increment: 1 } } : {}),
      },
    });
    await recordActivity({
      type: rescheduled ? "meeting.rescheduled" : "meeting.updated",
      description: rescheduled
        ? `Rescheduled the meeting with ${current.person.name} to ${formatInZone(next.scheduledAt, event.timeZone, "weekdayTime")}`
        : `Updated the meeting with ${current.person.name}`,
      actorId: actor.id,
      eventId: current.eventId,
      personId: current.personId,
      accountId: current.accountId,
      entityType: "meeting",
      entityId: id,
      metadata: rescheduled
        ? { from: current.scheduledAt.toISOString(), to: next.scheduledAt.toISOString(), conflictsOverridden: conflicts.map((c) => c.id) }
        : { fields: Object.keys(body).filter((k) => k !== "sendInvite" && k !== "allowConflicts") },
    }, tx);
  });

  const invite = rescheduled && body.sendInvite && current.status === "SCHEDULED"
    ? await sendMeetingInvite(id, "REQUEST", actor.id)
    : { sent: false, reason: rescheduled ? "not requested" : "time and place unchanged" };
  return { meeting: await getMeeting(id, actor), invite, conflictsOverridden: conflicts };
}

export async function cancelMeeting(id: string, options: { notify: boolean; reason?: string }, actor: Actor) {
  const current = await getMeeting(id, actor);
  assertCan(actor, "meeting", "cancel", ownedBy(current.owner));
  if (current.status !== "SCHEDULED") throw new AppError("conflict", `Only a scheduled meeting can be cancelled (this one is ${current.status.toLowerCase().replace("_", "-")})`);
  await prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id }, data: { status: "CANCELLED", icsSequence: { increment: 1 } } });
    await recordActivity({
      type: "meeting.cancelled",
      description: `Cancelled the meeting with ${current.person.name}${options.reason ? `: ${options.reason}` : ""}`,
      actorId: actor.id,
      eventId: current.eventId,
      personId: current.personId,
      accountId: current.accountId,
      entityType: "meeting",
      entityId: id,
      metadata: { reason: options.reason ?? null },
    }, tx);
  });
  const invite = options.notify ? await sendMeetingInvite(id, "CANCEL", actor.id) : { sent: false, reason: "not requested" };
  return { meeting: await getMeeting(id, actor), invite };
}

/**
 * A meeting is checked in, held or missed from its own day on (in the event's zone): before that,
 * "held" would count a meeting that has not happened. The rep may still record it early (a visitor
 * came by before the show) by confirming — the request then says `early`.
 */
async function assertMeetingDay(current: { scheduledAt: Date; eventId: string }, early: boolean, now = new Date(), db: DbTx = prisma) {
  if (early) return;
  const { timeZone } = await db.event.findUniqueOrThrow({ where: { id: current.eventId }, select: { timeZone: true } });
  const { start } = dayRange(localDay(current.scheduledAt, timeZone), timeZone);
  if (now >= start) return;
  throw new AppError(
    "conflict",
    `This meeting is on ${formatInZone(current.scheduledAt, timeZone, "weekdayTime")}, which has not come yet. Record it now only if it already happened.`,
    { reason: "before_meeting_day", scheduledAt: current.scheduledAt.toISOString() },
  );
}

/** `at`: when the visitor arrived, if not now (the booth phone queues check-ins while offline). */
export async function checkInMeeting(id: string, actor: Actor, options: { at?: Date; early?: boolean } = {}, db?: DbTx) {
  const current = await getMeeting(id, actor, db);
  assertCan(actor, "meeting", "checkIn", ownedBy(current.owner));
  if (current.status !== "SCHEDULED") throw new AppError("conflict", `Only a scheduled meeting can be checked in (this one is ${statusWord(current.status)})`);
  if (current.checkedInAt) return current;
  await assertMeetingDay(current, options.early ?? false, options.at ?? new Date(), db);
  await withTransaction(db, async (tx) => {
    await tx.meeting.update({ where: { id }, data: { checkedInAt: options.at ?? new Date() } });
    await recordActivity({
      type: "meeting.checked_in",
      description: `${current.person.name} arrived for the meeting`,
      actorId: actor.id, eventId: current.eventId, personId: current.personId, accountId: current.accountId, entityType: "meeting", entityId: id,
      occurredAt: options.at,
    }, tx);
  });
  return getMeeting(id, actor, db);
}

function statusWord(status: string) {
  return status.toLowerCase().replace("_", "-");
}

const STATUS_LABEL: Record<AccountStatus, string> = {
  PROSPECTING: "Prospecting", ENGAGED: "Engaged", MEETING_SCHEDULED: "Meeting scheduled", WON: "Won", LOST: "Lost",
};

export async function completeMeeting(id: string, body: CompleteMeetingBody, actor: Actor, options: { early?: boolean } = {}, db?: DbTx) {
  const current = await getMeeting(id, actor, db);
  assertCan(actor, "meeting", "complete", ownedBy(current.owner));
  if (current.status === "CANCELLED") throw new AppError("conflict", "A cancelled meeting cannot be completed");
  if (current.status === "SCHEDULED" && !current.checkedInAt) await assertMeetingDay(current, options.early ?? false, new Date(), db);
  if (body.accountStatus && !current.accountId) throw new AppError("validation_error", "This person has no account to update", [{ path: "accountStatus", message: "No account" }]);
  if (body.accountStatus === "LOST" && !body.reason) {
    throw new AppError("validation_error", "Say why the account is lost", [{ path: "reason", message: "A reason is required for Lost" }]);
  }
  await withTransaction(db, async (tx) => {
    await tx.meeting.update({
      where: { id },
      data: {
        status: "COMPLETED",
        checkedInAt: current.checkedInAt ?? new Date(),
        ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
        ...(body.nextStep !== undefined ? { nextStep: body.nextStep } : {}),
      },
    });
    await recordActivity({
      type: "meeting.completed",
      description: `Met ${current.person.name}${body.outcome ? `: ${truncate(body.outcome, 140)}` : ""}`,
      actorId: actor.id, eventId: current.eventId, personId: current.personId, accountId: current.accountId, entityType: "meeting", entityId: id,
      metadata: { outcome: body.outcome ?? null, nextStep: body.nextStep ?? null },
    }, tx);
    if (body.accountStatus && current.account && current.account.status !== body.accountStatus) {
      await tx.targetAccount.update({ where: { id: current.account.id }, data: { status: body.accountStatus } });
      await recordActivity({
        type: "account.status_changed",
        description: `${current.account.name} moved to ${STATUS_LABEL[body.accountStatus]}${body.reason ? `: ${body.reason}` : ""}`,
        actorId: actor.id, eventId: current.eventId, accountId: current.account.id, entityType: "account", entityId: current.account.id,
        metadata: { from: current.account.status, to: body.accountStatus, reason: body.reason ?? null, meetingId: id },
      }, tx);
    }
  });
  return getMeeting(id, actor, db);
}

/** A no-show also leaves the meeting's rep a follow-up draft (see noShowFollowUp), never sent by itself. */
export async function markNoShow(id: string, note: string | null, actor: Actor, options: { early?: boolean } = {}, db?: DbTx) {
  const current = await getMeeting(id, actor, db);
  assertCan(actor, "meeting", "noShow", ownedBy(current.owner));
  if (current.status !== "SCHEDULED") throw new AppError("conflict", `Only a scheduled meeting can be marked as a no-show (this one is ${statusWord(current.status)})`);
  await assertMeetingDay(current, options.early ?? false, new Date(), db);
  await withTransaction(db, async (tx) => {
    await tx.meeting.update({ where: { id }, data: { status: "NO_SHOW", ...(note ? { outcome: note } : {}) } });
    await recordActivity({
      type: "meeting.no_show",
      description: `${current.person.name} did not show up${note ? `: ${truncate(note, 140)}` : ""}`,
      actorId: actor.id, eventId: current.eventId, personId: current.personId, accountId: current.accountId, entityType: "meeting", entityId: id,
      metadata: { note },
    }, tx);
    await draftNoShowFollowUp(current, actor.id, tx);
  });
  return getMeeting(id, actor, db);
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function locationText(m: { locationType: MeetingLocationType; location: string | null; address: string | null }, event: { venue: string | null; boothNumber: string | null; city: string | null }) {
  if (m.locationType === "BOOTH") {
    return [event.boothNumber ? `Booth ${event.boothNumber}` : "Our booth", m.location, event.venue].filter(Boolean).join(", ");
  }
  if (m.locationType === "OFFSITE") return [m.location, m.address].filter(Boolean).join(", ");
  if (m.locationType === "MEETING_ROOM") return [m.location ?? "Meeting room", event.venue].filter(Boolean).join(", ");
  return m.location ?? LOCATION_LABEL.VIRTUAL;
}

/** The .ics text of a meeting as it stands (CANCEL once it is cancelled). */
export async function meetingIcs(id: string, actor: Actor, method?: IcsMethod): Promise<{ filename: string; content: string; method: IcsMethod }> {
  const meeting = await getMeeting(id, actor);
  return renderIcs(meeting.id, method);
}

export async function renderIcs(id: string, method?: IcsMethod) {
  const m = await prisma.meeting.findUniqueOrThrow({
    where: { id },
    include: { event: true, person: { include: { account: { select: { name: true } } } }, owner: { select: { name: true, email: true } } },
  });
  const chosen: IcsMethod = method ?? (m.status === "CANCELLED" ? "CANCEL" : "REQUEST");
  const organizerEmail = m.owner?.email ?? mailbox(env().EMAIL_FROM);
  const company = m.person.account?.name;
  const summary = m.title ?? `${m.event.name}: ${m.owner?.name ?? "EventOps"} × ${m.person.name}${company ? ` (${company})` : ""}`;
  const description = [
    m.agenda ? `Agenda: ${m.agenda}` : null,
    m.locationType === "OFFSITE" && m.address ? `Address: ${m.address}` : null,
    `${LOCATION_LABEL[m.locationType]} at ${m.event.name}${m.event.city ? `, ${m.event.city}` : ""}.`,
  ].filter(Boolean).join("\n\n");
  const content = buildMeetingIcs({
    method: chosen,
    uid: m.icsUid,
    sequence: m.icsSequence,
    start: m.scheduledAt,
    durationMinutes: m.durationMinutes,
    timeZone: m.event.timeZone,
    summary,
    description,
    location: locationText(m, m.event),
    organizer: { name: m.owner?.name ?? null, email: organizerEmail },
    attendee: m.person.email ? { name: m.person.name, email: m.person.email } : null,
  });
  const filename = `meeting-${m.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "invite"}.ics`;
  return { filename, content, method: chosen, meeting: m, summary };
}

function mailbox(from: string): string {
  return (angleBracketed(from) ?? from).trim();
}

/**
 * Email the person the invite (REQUEST) or the cancellation (CANCEL) with the calendar part.
 * Same guards as outreach: the do-not-email list, demo people never on a real transport, and
 * the rep's sending identity (their name on our sender address, replies to them). A meeting the
 * prospect booked themselves carries their link to reschedule or cancel. `actorId` is null when
 * the prospect did it (booking page).
 */
export async function sendMeetingInvite(id: string, method: IcsMethod, actorId: string | null): Promise<InviteResult> {
  const { content, meeting: m, summary, filename } = await renderIcs(id, method);
  let to: string;
  try {
    to = await assertMayEmail(m.person);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await recordActivity({
      type: "meeting.invite_not_sent", description: `The ${method === "CANCEL" ? "cancellation" : "invite"} was not sent: ${error.message}`,
      actorId, eventId: m.eventId, personId: m.personId, accountId: m.accountId, entityType: "meeting", entityId: m.id, metadata: { method },
    });
    return { sent: false, method, ...(m.person.email ? { to: m.person.email } : {}), reason: error.message };
  }
  const when = formatInZone(m.scheduledAt, m.event.timeZone, "weekdayTime");
  const where = locationText(m, m.event);
  const ownerName = m.owner?.name ?? "our team";
  const firstName = m.person.firstName || m.person.name;
  const isUpdate = method === "REQUEST" && m.icsSequence > 0;
  const subject =
    method === "CANCEL" ? `Cancelled: ${summary}` : isUpdate ? `Updated: ${summary} — ${when}` : `Invitation: ${summary} — ${when}`;
  const intro =
    method === "CANCEL"
      ? `Our meeting at ${m.event.name} on ${when} is cancelled. Sorry for the change — reply to find another time.`
      : isUpdate
        ? `Our meeting at ${m.event.name} has moved to ${when}.`
        : `Looking forward to meeting you at ${m.event.name} on ${when}.`;
  const manage = m.bookedVia !== "rep" && method !== "CANCEL" ? `Need another time? Reschedule or cancel here: ${manageBookingUrl(m.id)}` : "";
  const lines = [`Hi ${firstName},`, "", intro, method === "CANCEL" ? "" : `Where: ${where}`, m.agenda && method !== "CANCEL" ? `Agenda: ${m.agenda}` : "", manage, "", ownerName];
  const text = lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n");
  const html = lines.filter((l) => l !== "").map((l) => `<p>${escapeHtml(l)}</p>`).join("\n");
  try {
    const result = await sendMail({
      to,
      ...sendingIdentity(m.owner),
      subject,
      text,
      html,
      kind: "meeting-invite",
      icalEvent: { method, content, filename },
    });
    await recordActivity({
      type: method === "CANCEL" ? "meeting.cancellation_sent" : "meeting.invite_sent",
      description: `${method === "CANCEL" ? "Sent the cancellation" : isUpdate ? "Sent the updated invite" : "Sent the calendar invite"} to ${to}`,
      actorId, eventId: m.eventId, personId: m.personId, accountId: m.accountId, entityType: "meeting", entityId: m.id,
      metadata: { method, sequence: m.icsSequence, transport: result.transport, messageId: result.messageId },
    });
    return { sent: true, method, to };
  } catch (error) {
    logger.warn({ err: error, meetingId: m.id }, "meeting invite not sent");
    const reason = error instanceof AppError ? error.message : "The mail server refused the message";
    await recordActivity({
      type: "meeting.invite_failed",
      description: `Could not send the ${method === "CANCEL" ? "cancellation" : "invite"} to ${to}: ${reason}`,
      actorId, eventId: m.eventId, personId: m.personId, accountId: m.accountId, entityType: "meeting", entityId: m.id,
      metadata: { method },
    });
    return { sent: false, method, to, reason };
  }
}

export function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** People of the event to book with: by name, email or company. */
export async function searchAttendees(q: string, actor: Actor, db: DbTx = prisma) {
  return db.person.findMany({
    where: {
      eventId: actor.eventId,
      deletedAt: null,
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { account: { name: { contains: q, mode: "insensitive" } } },
      ],
    },
    orderBy: [{ icpScore: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    take: 10,
    select: { id: true, name: true, title: true, email: true, account: { select: { id: true, name: true } } },
  });
}

/** What the booking dialog needs: the event's zone and days, and the team. */
export async function bookingContext(actor: Actor, personId?: string, db: DbTx = prisma) {
  const event = actor.event;
  const [team, found] = await Promise.all([
    db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    personId
      ? db.person.findUnique({ where: { id: personId }, select: { id: true, eventId: true, deletedAt: true, name: true, title: true, email: true, account: { select: { id: true, name: true } } } })
      : null,
  ]);
  const person = personId ? (({ eventId: _eventId, deletedAt: _deletedAt, ...rest }) => rest)(inActorEvent(actor, "person", found)) : null;
  return {
    event: { id: event.id, name: event.name, timeZone: event.timeZone, startDate: event.startDate.toISOString().slice(0, 10), endDate: event.endDate.toISOString().slice(0, 10), boothNumber: event.boothNumber },
    team,
    person,
    meId: actor.id,
  };
}
