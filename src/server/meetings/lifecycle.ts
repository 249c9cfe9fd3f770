/**
 * What happens to a booked meeting: cancelled (the row stays, status CANCELLED, so the history
 * stays true; a CANCEL goes out when asked), checked in, completed with outcome and next step
 * (which may move the account to ENGAGED, WON or LOST with a reason), or a no-show. Held, missed
 * and checked-in are recorded from the meeting's own day on unless the rep confirms it is early.
 */
import type { AccountStatus } from "@/generated/prisma/enums";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { dayRange, localDay } from "@/server/calendar/time";
import { formatInZone } from "@/lib/time";
import { prisma, withTransaction, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { AppError } from "@/server/http/errors";
import { draftNoShowFollowUp } from "@/server/meetings/no-show";
import type { CompleteMeetingBody } from "@/server/meetings/schemas";
import { sendMeetingInvite } from "@/server/meetings/invites";
import { getMeeting } from "@/server/meetings/queries";

export async function cancelMeeting(id: string, options: { notify: boolean; reason?: string }, actor: Actor) {
  const current = await getMeeting(id, actor);
  assertCan(actor, "meeting", "cancel", ownedBy(current.owner));
  if (current.status !== "SCHEDULED") throw new AppError("conflict", `Only a scheduled meeting can be cancelled (this one is ${current.status.toLowerCase().replace("_", "-")})`);
  await prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id }, data: { status: "CANCELLED", icsSequence: { increment: 1 } } });
    await recordActivity({
      type: "meeting.cancelled",
      description: `Cancelled the meeting with ${current.person.name}${options.reason ? `: ${options.reason}` : ""}`,
      ...activityAbout("meeting", current, actor.id),
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
      ...activityAbout("meeting", current, actor.id),
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
      ...activityAbout("meeting", current, actor.id),
      metadata: { outcome: body.outcome ?? null, nextStep: body.nextStep ?? null },
    }, tx);
    if (body.accountStatus && current.account && current.account.status !== body.accountStatus) {
      await tx.targetAccount.update({ where: { id: current.account.id }, data: { status: body.accountStatus } });
      await recordActivity({
        type: "account.status_changed",
        description: `${current.account.name} moved to ${STATUS_LABEL[body.accountStatus]}${body.reason ? `: ${body.reason}` : ""}`,
        ...activityAbout("account", { id: current.account.id, eventId: current.eventId }, actor.id),
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
      ...activityAbout("meeting", current, actor.id),
      metadata: { note },
    }, tx);
    await draftNoShowFollowUp(current, actor.id, tx);
  });
  return getMeeting(id, actor, db);
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
