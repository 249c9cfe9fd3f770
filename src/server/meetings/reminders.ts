import { recordActivity } from "@/server/activity/service";
import { formatLocalTime, zoneAbbreviation } from "@/server/calendar/time";
import { prisma } from "@/server/db";
import { appUrl } from "@/server/env";
import { MailDeliveryError, sendMail } from "@/server/email/transport";
import { logger } from "@/server/logger";

/**
 * Meeting reminders to the rep who owns the meeting, 24 hours and 1 hour before it starts (the
 * `meetings.reminders` task, every minute). A reminder is claimed before it is sent (the
 * meeting's reminder24hAt / reminder1hAt), so it goes out at most once however many workers
 * run; a delivery the mail server refused releases the claim for the next run. The 24-hour
 * one is skipped for meetings booked less than a day ahead, and both for cancelled meetings.
 * Prospects get no reminder (there is no booking page yet; their calendar invite has the time).
 */
const HOUR = 3_600_000;
const KINDS = [
  { kind: "24h" as const, before: 24 * HOUR, column: "reminder24hAt" as const, lead: "tomorrow" },
  { kind: "1h" as const, before: HOUR, column: "reminder1hAt" as const, lead: "in an hour" },
];

export type ReminderSummary = { sent: number; failed: number };

export async function sendMeetingReminders(now = new Date()): Promise<ReminderSummary> {
  const summary: ReminderSummary = { sent: 0, failed: 0 };
  for (const [i, k] of KINDS.entries()) {
    // The next shorter reminder's window starts where this one ends: a meeting an hour away gets the 1 h one only.
    const after = new Date(now.getTime() + (KINDS[i + 1]?.before ?? 0));
    const until = new Date(now.getTime() + k.before);
    const due = await prisma.meeting.findMany({
      where: {
        status: "SCHEDULED", scheduledAt: { gt: after, lte: until }, [k.column]: null, ownerId: { not: null },
      },
      select: { id: true, scheduledAt: true, createdAt: true },
      take: 200,
    });
    for (const m of due) {
      // Booked inside the window (e.g. 3 hours ahead): a "tomorrow" reminder would be noise.
      if (m.scheduledAt.getTime() - m.createdAt.getTime() < k.before) continue;
      const claimed = await prisma.meeting.updateMany({ where: { id: m.id, [k.column]: null, status: "SCHEDULED" }, data: { [k.column]: now } });
      if (claimed.count === 0) continue;
      const ok = await remind(m.id, k);
      summary[ok ? "sent" : "failed"]++;
    }
  }
  return summary;
}

async function remind(meetingId: string, k: (typeof KINDS)[number]): Promise<boolean> {
  const m = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { event: { select: { name: true, timeZone: true, boothNumber: true, venue: true } }, person: { select: { name: true, title: true, account: { select: { name: true } } } }, owner: { select: { name: true, email: true, timeZone: true } } },
  });
  if (!m.owner) return false;
  const zones = [...new Set([m.event.timeZone, m.owner.timeZone].filter((z): z is string => Boolean(z)))];
  const when = zones.map((zone) => `${formatLocalTime(m.scheduledAt, zone)} ${zoneAbbreviation(m.scheduledAt, zone)}`).join(" / ");
  const who = `${m.person.name}${m.person.title ? `, ${m.person.title}` : ""}${m.person.account ? ` (${m.person.account.name})` : ""}`;
  const where = m.location ?? (m.locationType === "BOOTH" ? `Booth ${m.event.boothNumber ?? ""}`.trim() : m.locationType.replace("_", " ").toLowerCase());
  const link = `${appUrl()}/dashboard/people/${m.personId}`;
  const subject = `Reminder: ${who} ${k.lead} — ${when}`;
  const text = [`Your meeting with ${who} at ${m.event.name} is ${k.lead}.`, "", `When: ${when}`, `Where: ${where}`, m.agenda ? `Agenda: ${m.agenda}` : "", "", `Prepare: ${link}`].filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n");
  const html = text.split("\n").filter(Boolean).map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n");
  try {
    const result = await sendMail({ to: m.owner.email, subject, text, html, kind: "meeting-reminder" });
    await recordActivity({
      type: "meeting.reminder_sent", description: `Reminded ${m.owner.name ?? m.owner.email} of the meeting with ${m.person.name} (${k.kind} before)`,
      eventId: m.eventId, personId: m.personId, accountId: m.accountId, entityType: "meeting", entityId: m.id, metadata: { kind: k.kind, transport: result.transport },
    });
    return true;
  } catch (error) {
    logger.warn({ err: error, meetingId }, "meeting reminder not sent");
    // Refused for sure: let the next run try again. Unknown: it may have arrived, so leave the claim.
    if (!(error instanceof MailDeliveryError && error.uncertain)) await prisma.meeting.updateMany({ where: { id: meetingId }, data: { [k.column]: null } });
    return false;
  }
}
