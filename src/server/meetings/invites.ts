/**
 * The meeting's calendar file and the emails that carry it: REQUEST on booking and on a
 * reschedule (same UID, SEQUENCE + 1), CANCEL on cancellation. They go out after the
 * transaction commits (mail cannot be rolled back); a failed send never undoes the meeting — the
 * result says so and an activity records it.
 */
import { angleBracketed } from "@/lib/utils";
import type { MeetingLocationType } from "@/generated/prisma/enums";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { buildMeetingIcs, type IcsMethod } from "@/server/calendar/ics";
import { formatInZone } from "@/lib/time";
import { prisma } from "@/server/db";
import { assertMayEmail, sendingIdentity } from "@/server/email/recipients";
import { sendMail } from "@/server/email/transport";
import { env } from "@/server/env";
import { manageBookingUrl } from "@/server/booking/links";
import type { Actor } from "@/server/access/actor";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { escapeHtml } from "@/lib/escape-html";
import { getMeeting } from "@/server/meetings/queries";

export type InviteResult = { sent: boolean; method?: IcsMethod; to?: string; reason?: string };

const LOCATION_LABEL: Record<MeetingLocationType, string> = {
  BOOTH: "Booth",
  MEETING_ROOM: "Meeting room",
  OFFSITE: "Off-site",
  VIRTUAL: "Video call",
};

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
      ...activityAbout("meeting", m, actorId), metadata: { method },
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
      ...activityAbout("meeting", m, actorId),
      metadata: { method, sequence: m.icsSequence, transport: result.transport, messageId: result.messageId },
    });
    return { sent: true, method, to };
  } catch (error) {
    logger.warn({ err: error, meetingId: m.id }, "meeting invite not sent");
    const reason = error instanceof AppError ? error.message : "The mail server refused the message";
    await recordActivity({
      type: "meeting.invite_failed",
      description: `Could not send the ${method === "CANCEL" ? "cancellation" : "invite"} to ${to}: ${reason}`,
      ...activityAbout("meeting", m, actorId),
      metadata: { method },
    });
    return { sent: false, method, to, reason };
  }
}

