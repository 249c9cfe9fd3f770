/**
 * Meeting reminders: 24 hours and 1 hour before a scheduled meeting, to the prospect (when they
 * have an email) and to the rep who owns it.
 *
 * Rules:
 * - A reminder is due from its moment until the next one (the 24 h reminder until 1 h before, the
 *   1 h reminder until the start), so a run that was skipped or late still sends it, and a meeting
 *   booked 3 hours ahead gets the 1 h reminder only (it was booked after its 24 h moment).
 * - Idempotent: each (meeting, kind, recipient, meeting time) is claimed by inserting its row
 *   first; a second run — or two overlapping runs — finds the row and sends nothing. Moving the
 *   meeting changes the meeting time, so the new time earns its own reminders.
 * - The prospect's reminder goes through the same guards as outreach (do-not-email list, demo
 *   people never on a real transport) and comes from the rep's sending identity.
 * - A send whose outcome is unknown (the process died after claiming) stays SENDING and is never
 *   resent automatically; a refused send is FAILED with the reason.
 * It is the job engine's `meetings.reminders` task (every minute); /api/cron/meeting-reminders
 * triggers the same task for a scheduler outside the engine.
 */
import { activityAbout, recordActivity } from "@/server/activity/service";
import { formatInZone } from "@/lib/time";
import { prisma } from "@/server/db";
import { assertMayEmail, sendingIdentity } from "@/server/email/recipients";
import { sendMail } from "@/server/email/transport";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { manageBookingUrl } from "@/server/booking/links";
import { escapeHtml } from "@/lib/escape-html";

const HOUR = 3_600_000;
const KINDS = [
  { kind: "24h", before: 24 * HOUR, until: HOUR, words: "tomorrow" },
  { kind: "1h", before: HOUR, until: 0, words: "in about an hour" },
] as const;

export type ReminderSummary = { due: number; sent: number; failed: number; alreadySent: number };

export async function sendDueMeetingReminders(now = new Date(), limit = 500): Promise<ReminderSummary> {
  const meetings = await prisma.meeting.findMany({
    // Nothing is mailed about a person in the Trash (as their sequences and queued messages stop).
    where: { status: "SCHEDULED", scheduledAt: { gt: now, lte: new Date(now.getTime() + 24 * HOUR) }, person: { deletedAt: null } },
    orderBy: { scheduledAt: "asc" },
    take: limit,
    select: {
      id: true, scheduledAt: true, createdAt: true, locationType: true, location: true, bookedVia: true, eventId: true, personId: true, accountId: true,
      person: { select: { name: true, firstName: true, email: true, source: true } },
      owner: { select: { name: true, email: true } },
      event: { select: { name: true, timeZone: true, boothNumber: true, venue: true } },
    },
  });
  const summary: ReminderSummary = { due: 0, sent: 0, failed: 0, alreadySent: 0 };
  for (const m of meetings) {
    const start = m.scheduledAt.getTime();
    const kind = KINDS.find((k) => now.getTime() >= start - k.before && now.getTime() < start - k.until && m.createdAt.getTime() <= start - k.before);
    if (!kind) continue;
    const recipients = [
      m.person.email ? { recipient: "prospect", email: m.person.email } : null,
      m.owner?.email ? { recipient: "rep", email: m.owner.email } : null,
    ].filter((r): r is { recipient: string; email: string } => r !== null);
    for (const r of recipients) {
      summary.due++;
      // No conflict target: two overlapping runs race on the primary key as well as on the unique key, and either means "already claimed".
      const claimed = await prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO meeting_reminders (id, "meetingId", kind, recipient, "meetingAt", status)
        VALUES (${`rem_${m.id}_${kind.kind}_${r.recipient}_${start}`}, ${m.id}, ${kind.kind}, ${r.recipient}, ${m.scheduledAt}, 'SENDING')
        ON CONFLICT DO NOTHING
        RETURNING id`;
      if (claimed.length === 0) {
        summary.alreadySent++;
        continue;
      }
      const when = `${formatInZone(m.scheduledAt, m.event.timeZone, "weekdayTime")}`;
      const where = m.locationType === "BOOTH" ? [m.event.boothNumber ? `Booth ${m.event.boothNumber}` : "our booth", m.event.venue].filter(Boolean).join(", ") : (m.location ?? m.event.name);
      const forProspect = r.recipient === "prospect";
      const subject = forProspect ? `Reminder: we meet ${kind.words} at ${m.event.name} — ${when}` : `Reminder: ${m.person.name} ${kind.words} — ${when}`;
      const lines = forProspect
        ? [`Hi ${m.person.firstName || m.person.name},`, "", `A quick reminder: we meet ${kind.words}, ${when}, at ${where}.`, m.bookedVia !== "rep" ? `Need another time? ${manageBookingUrl(m.id)}` : "", "", m.owner?.name ?? ""]
        : [`Your booth meeting with ${m.person.name} is ${kind.words}: ${when}, ${where}.`];
      const text = lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n").trim();
      try {
        // To the prospect: the same guards and sending identity as outreach and the invite (a refusal is recorded as FAILED with its reason).
        if (forProspect) await assertMayEmail(m.person);
        await sendMail({ to: r.email, ...(forProspect ? sendingIdentity(m.owner) : {}), subject, text, html: text.split("\n").filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join("\n"), kind: "meeting-reminder" });
        await prisma.meetingReminder.update({ where: { id: claimed[0].id }, data: { status: "SENT", sentAt: new Date() } });
        await recordActivity({
          type: "meeting.reminder_sent", description: `Sent the ${kind.kind} reminder to ${forProspect ? m.person.name : (m.owner?.name ?? r.email)}`,
          ...activityAbout("meeting", m, null), metadata: { kind: kind.kind, recipient: r.recipient },
        });
        summary.sent++;
      } catch (error) {
        const reason = error instanceof AppError ? error.message : "The mail server refused the message";
        logger.warn({ err: error, meetingId: m.id, kind: kind.kind }, "meeting reminder not sent");
        await prisma.meetingReminder.update({ where: { id: claimed[0].id }, data: { status: "FAILED", error: reason } });
        summary.failed++;
      }
    }
  }
  return summary;
}
