/**
 * Booking and rescheduling by a rep. Rules this module holds:
 * - A meeting belongs to the event its person belongs to.
 * - Booking or rescheduling checks double-bookings (see slots.ts). With conflicts the write is
 *   refused with 409 and the conflicting meetings in `details`, unless `allowConflicts: true`
 *   (the rep looked at them and chose to save anyway); the activity then records the override.
 * - Booking stops the person's ACTIVE sequence enrollments (STOPPED, "meeting_booked") and moves
 *   the account to MEETING_SCHEDULED unless it is already WON or LOST — in the same transaction
 *   as the meeting and its activity rows.
 * - Invites go out after the transaction commits (mail cannot be rolled back, see invites.ts):
 *   REQUEST on booking and on a reschedule (same UID, SEQUENCE + 1).
 */
import { randomUUID } from "node:crypto";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { parseStartTime } from "@/server/calendar/time";
import { formatInZone } from "@/lib/time";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { AppError } from "@/server/http/errors";
import type { CreateMeetingBody, UpdateMeetingBody } from "@/server/meetings/schemas";
import { conflictError, detectConflicts, lockSlots, suggestFreeSlots, type ConflictView } from "@/server/meetings/slots";
import { sendMeetingInvite } from "@/server/meetings/invites";
import { getMeeting, meetingSelect } from "@/server/meetings/queries";

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

  const candidate = { eventId: event.id, ownerId, personId: person.id, scheduledAt, durationMinutes: body.durationMinutes, locationType: body.locationType, location: body.location ?? null };

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
      ...activityAbout("meeting", { id: meeting.id, eventId: event.id, personId: person.id, accountId: person.accountId }, actor.id),
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
      ...activityAbout("meeting", { id: ctx.meetingId, eventId: ctx.eventId, personId: ctx.personId, accountId: ctx.accountId }, ctx.actorId),
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
        ...activityAbout("account", { id: account.id, eventId: ctx.eventId }, ctx.actorId),
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
      ...activityAbout("meeting", current, actor.id),
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
