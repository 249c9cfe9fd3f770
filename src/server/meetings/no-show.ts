import { recordActivity } from "@/server/activity/service";
import { formatInZone } from "@/lib/time";
import type { DbTx } from "@/server/db";
import { appUrl } from "@/server/env";
import type { MeetingView } from "@/server/meetings/queries";

/**
 * A visitor who missed their booth meeting gets a follow-up from their rep — as a draft in the
 * rep's outreach, never sent by itself: the rep knows whether a "sorry we missed you" fits. The
 * draft offers the rep's booking page so the visitor can pick another slot without a back and
 * forth. Nothing is drafted for a person without an email address.
 */
export async function draftNoShowFollowUp(meeting: MeetingView, actorId: string, tx: DbTx) {
  if (!meeting.person.email) return null;
  const ownerId = meeting.ownerId ?? actorId;
  const [event, owner, person] = await Promise.all([
    tx.event.findUniqueOrThrow({ where: { id: meeting.eventId }, select: { name: true, slug: true, timeZone: true, bookingEnabled: true } }),
    tx.user.findUnique({ where: { id: ownerId }, select: { name: true, bookingSlug: true } }),
    tx.person.findUniqueOrThrow({ where: { id: meeting.personId }, select: { firstName: true, name: true } }),
  ]);
  const when = `${formatInZone(meeting.scheduledAt, event.timeZone, "weekdayTime")}`;
  const bookingLink = event.bookingEnabled ? `${appUrl()}/book/${event.slug}${owner?.bookingSlug ? `/${owner.bookingSlug}` : ""}` : null;
  const message = [
    `Hi ${person.firstName || person.name},`,
    "",
    `We had ${when} set aside for you at ${event.name} but didn't manage to connect — show days get away from everyone.`,
    bookingLink
      ? `If you'd still like to talk, pick any free time that suits you here: ${bookingLink}`
      : "If you'd still like to talk, just reply with a time that suits you.",
    "",
    owner?.name ?? "",
  ].join("\n").trim();
  const draft = await tx.outreach.create({
    data: {
      eventId: meeting.eventId, personId: meeting.personId, accountId: meeting.accountId, ownerId, channel: "EMAIL",
      subject: `Sorry we missed you at ${event.name}`, message, status: "DRAFT", generatedBy: "no_show",
    },
    select: { id: true },
  });
  await recordActivity({
    type: "outreach.drafted",
    description: `Follow-up draft to ${meeting.person.name} saved after the missed meeting`,
    actorId, eventId: meeting.eventId, personId: meeting.personId, accountId: meeting.accountId, entityType: "outreach", entityId: draft.id,
    metadata: { reason: "no_show", meetingId: meeting.id },
  }, tx);
  return draft;
}
