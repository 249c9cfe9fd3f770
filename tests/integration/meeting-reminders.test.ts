import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as cronRoute from "@/app/api/cron/meeting-reminders/route";
import { sendDueMeetingReminders } from "@/server/meetings/reminders";
import { callRoute } from "../helpers/request";
import { meetingWorld } from "../helpers/meetings-fixtures";

const HOUR = 3_600_000;

describe("meeting reminders", () => {
  it("sends the 24 h and the 1 h reminder to prospect and rep, each exactly once", async () => {
    const w = await meetingWorld();
    const start = new Date("2026-12-14T17:00:00Z");
    const meeting = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: start, icsUid: `${randomUUID()}@t`, createdAt: new Date(start.getTime() - 72 * HOUR) },
    });
    const mine = () => prisma.meetingReminder.findMany({ where: { meetingId: meeting.id }, orderBy: [{ kind: "asc" }, { recipient: "asc" }] });

    // Two days ahead: nothing is due.
    await sendDueMeetingReminders(new Date(start.getTime() - 48 * HOUR));
    expect(await mine()).toHaveLength(0);

    // 23 h ahead (the 24 h run was missed): the 24 h reminder goes out now; overlapping runs send nothing more.
    const at = new Date(start.getTime() - 23 * HOUR);
    await Promise.all([sendDueMeetingReminders(at), sendDueMeetingReminders(at)]);
    await sendDueMeetingReminders(new Date(start.getTime() - 2 * HOUR));
    expect((await mine()).map((r) => [r.kind, r.recipient, r.status])).toEqual([["24h", "prospect", "SENT"], ["24h", "rep", "SENT"]]);
    const prospectMail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: w.person.email!, kind: "meeting-reminder" } });
    expect(prospectMail.subject).toBe(`Reminder: we meet tomorrow at ${w.event.name} — Mon, Dec 14, 9:00 AM PST`);

    await sendDueMeetingReminders(new Date(start.getTime() - 30 * 60_000));
    expect((await mine()).map((r) => r.kind)).toEqual(["1h", "1h", "24h", "24h"]);
    expect(await prisma.activity.count({ where: { entityId: meeting.id, type: "meeting.reminder_sent" } })).toBe(4);

    // Moved to the next day: the new time earns its own reminders.
    await prisma.meeting.update({ where: { id: meeting.id }, data: { scheduledAt: new Date(start.getTime() + 24 * HOUR) } });
    await sendDueMeetingReminders(new Date(start.getTime() + 0.5 * HOUR));
    expect(await mine()).toHaveLength(6);
  });

  it("skips the 24 h reminder for a meeting booked the same day, and cancelled meetings", async () => {
    const w = await meetingWorld();
    const start = new Date("2026-12-15T18:00:00Z");
    const late = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: start, icsUid: `${randomUUID()}@t`, createdAt: new Date(start.getTime() - 5 * HOUR) },
    });
    const cancelled = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: start, status: "CANCELLED", icsUid: `${randomUUID()}@t`, createdAt: new Date(start.getTime() - 72 * HOUR) },
    });
    await sendDueMeetingReminders(new Date(start.getTime() - 4 * HOUR));
    expect(await prisma.meetingReminder.count({ where: { meetingId: { in: [late.id, cancelled.id] } } })).toBe(0);
    await sendDueMeetingReminders(new Date(start.getTime() - 45 * 60_000));
    expect(await prisma.meetingReminder.count({ where: { meetingId: late.id, kind: "1h" } })).toBe(2);
    expect(await prisma.meetingReminder.count({ where: { meetingId: cancelled.id } })).toBe(0);
  });

  it("does not remind a prospect on the do-not-email list (the rep still gets theirs)", async () => {
    const w = await meetingWorld();
    const start = new Date("2026-12-16T18:00:00Z");
    const meeting = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: start, icsUid: `${randomUUID()}@t`, createdAt: new Date(start.getTime() - 72 * HOUR) },
    });
    await prisma.suppression.create({ data: { email: w.person.email!.toLowerCase(), reason: "UNSUBSCRIBED" } });
    // (Only this meeting's rows are asserted: other files' meetings share the database.)
    await sendDueMeetingReminders(new Date(start.getTime() - 30 * 60_000));
    const rows = await prisma.meetingReminder.findMany({ where: { meetingId: meeting.id }, orderBy: { recipient: "asc" } });
    expect(rows.map((r) => [r.recipient, r.status])).toEqual([["prospect", "FAILED"], ["rep", "SENT"]]);
    expect(rows[0].error).toMatch(/do-not-email list/);
    expect(await prisma.outboxMessage.count({ where: { toEmail: w.person.email!, kind: "meeting-reminder" } })).toBe(0);
  });

  it("runs from the cron route only with the cron secret", async () => {
    const saved = process.env.CRON_SECRET;
    process.env.CRON_SECRET = "reminder-secret";
    try {
      expect((await callRoute(cronRoute.GET, "/api/cron/meeting-reminders")).status).toBe(401);
      const ok = await callRoute(cronRoute.GET, "/api/cron/meeting-reminders", { headers: { authorization: "Bearer reminder-secret" } });
      expect(ok.status).toBe(200);
      expect(ok.json.data).toMatchObject({ due: expect.any(Number), sent: expect.any(Number) });
      // The route triggers the engine's task: the run is logged like the engine's own (Settings shows it).
      expect(await prisma.jobRun.findFirst({ where: { task: "meetings.reminders", workerId: { startsWith: "cron-route:" } }, orderBy: { startedAt: "desc" } })).toMatchObject({ outcome: "ok", summary: ok.json.data });
    } finally {
      if (saved === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = saved;
    }
  });
});
