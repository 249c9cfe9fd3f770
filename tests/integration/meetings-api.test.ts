import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as meetingsRoute from "@/app/api/meetings/route";
import * as meetingRoute from "@/app/api/meetings/[id]/route";
import * as icsRoute from "@/app/api/meetings/[id]/ics/route";
import * as checkInRoute from "@/app/api/meetings/[id]/check-in/route";
import * as completeRoute from "@/app/api/meetings/[id]/complete/route";
import * as noShowRoute from "@/app/api/meetings/[id]/no-show/route";
import * as attendeesRoute from "@/app/api/meetings/attendees/route";
import { callRoute } from "../helpers/request";
import { createPerson, enroll, meetingWorld } from "../helpers/meetings-fixtures";

const book = (cookie: string, body: Record<string, unknown>) => callRoute(meetingsRoute.POST, "/api/meetings", { method: "POST", cookie, body });

describe("booking a meeting", () => {
  it("creates it, stops active sequences, moves the account and sends the invite — all recorded", async () => {
    const w = await meetingWorld();
    const active = await enroll(w.person.id, w.event.id, w.account.id, "ACTIVE");
    const paused = await enroll(w.person.id, w.event.id, w.account.id, "PAUSED");

    const res = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T09:30", durationMinutes: 30, agenda: "Gate automation" });
    expect(res.status).toBe(201);
    const meeting = res.json.data.meeting;
    // 9:30 in Las Vegas (PST, UTC-8) is 17:30 UTC.
    expect(meeting).toMatchObject({ scheduledAt: "2026-12-14T17:30:00.000Z", status: "SCHEDULED", ownerId: w.user.id, accountId: w.account.id, icsSequence: 0 });
    expect(res.json.data.invite).toMatchObject({ sent: true, method: "REQUEST", to: w.person.email });

    const enrollments = await prisma.sequenceEnrollment.findMany({ where: { personId: w.person.id }, orderBy: { enrolledAt: "asc" } });
    expect(enrollments.find((e) => e.id === active.id)).toMatchObject({ status: "STOPPED", stopReason: "meeting_booked" });
    expect(enrollments.find((e) => e.id === active.id)?.stoppedAt).toBeInstanceOf(Date);
    expect(enrollments.find((e) => e.id === paused.id)).toMatchObject({ status: "PAUSED", stopReason: null });
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("MEETING_SCHEDULED");

    const types = (await prisma.activity.findMany({ where: { eventId: w.event.id }, select: { type: true } })).map((a) => a.type).sort();
    expect(types).toEqual(["account.status_changed", "meeting.booked", "meeting.invite_sent", "sequence.stopped"]);
    const outbox = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: w.person.email! }, orderBy: { createdAt: "desc" } });
    expect(outbox.kind).toBe("meeting-invite");
    expect((outbox.headers as Record<string, string>)["X-iCal-Method"]).toBe("REQUEST");
    expect((outbox.headers as Record<string, string>)["X-iCal-Content"]).toContain(`UID:${meeting.icsUid}`);
  });

  it("leaves a WON account as it is", async () => {
    const w = await meetingWorld({ accountStatus: "WON" });
    const res = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T11:00", sendInvite: false });
    expect(res.status).toBe(201);
    expect(res.json.data.invite).toMatchObject({ sent: false });
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("WON");
  });

  it("answers 409 with the conflicting meetings, and saves with allowConflicts", async () => {
    const w = await meetingWorld();
    const first = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-15T10:00", durationMinutes: 45, sendInvite: false });
    expect(first.status).toBe(201);
    const other = await createPerson(w.event.id, w.account.id);
    const before = await prisma.meeting.count({ where: { eventId: w.event.id } });

    const clash = await book(w.cookie, { personId: other.id, scheduledAt: "2026-12-15T10:30", sendInvite: false });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ success: false, code: "conflict" });
    expect(clash.json.details.conflicts).toHaveLength(1);
    expect(clash.json.details.conflicts[0]).toMatchObject({ id: first.json.data.meeting.id, reasons: ["rep"], personName: w.person.name });
    // Issue 16 item 10: free times the rep, attendee and room all have that day, closest first in time order.
    const busyFrom = new Date(first.json.data.meeting.scheduledAt).getTime();
    expect(clash.json.details.suggestions).toEqual([45, 60, 75].map((m) => new Date(busyFrom + m * 60_000).toISOString()));
    expect(await prisma.meeting.count({ where: { eventId: w.event.id } })).toBe(before);

    // Back to back is fine.
    const next = await book(w.cookie, { personId: other.id, scheduledAt: "2026-12-15T10:45", sendInvite: false });
    expect(next.status).toBe(201);

    const forced = await book(w.cookie, { personId: other.id, scheduledAt: "2026-12-15T10:30", sendInvite: false, allowConflicts: true });
    expect(forced.status).toBe(201);
    const booked = await prisma.activity.findFirstOrThrow({ where: { entityId: forced.json.data.meeting.id, type: "meeting.booked" } });
    expect((booked.metadata as { conflictsOverridden: string[] }).conflictsOverridden).toContain(first.json.data.meeting.id);
  });

  it("re-checks conflicts under a per-rep lock, so a booking racing another one sees it", async () => {
    const w = await meetingWorld();
    const other = await createPerson(w.event.id, w.account.id);
    let lockTaken!: () => void;
    let release!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // Another booking for the same rep is mid-transaction: it holds the rep's lock, its row not yet committed.
    const racing = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`meeting-owner:${w.user.id}`}))) AS locked`;
      lockTaken();
      await released;
      await tx.meeting.create({ data: { eventId: w.event.id, personId: other.id, ownerId: w.user.id, scheduledAt: new Date("2026-12-16T17:00:00Z"), icsUid: `race-${w.user.id}` } });
    }, { timeout: 30_000 });
    await taken;
    const booking = book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-16T09:10", sendInvite: false });
    // Let the booking reach the lock before the racing transaction commits (ordering only, nothing timed is asserted).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    release();
    await racing;
    const res = await booking;
    expect(res.status).toBe(409);
    expect(res.json.details.conflicts[0].reasons).toEqual(["rep"]);
    expect(await prisma.meeting.count({ where: { eventId: w.event.id, ownerId: w.user.id } })).toBe(1);
  });

  it("catches the same meeting room booked by two reps", async () => {
    const w = await meetingWorld();
    const second = await meetingWorld();
    await prisma.user.update({ where: { id: second.user.id }, data: { lastEventId: w.event.id } });
    const p2 = await createPerson(w.event.id, w.account.id);
    expect((await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-16T14:00", locationType: "MEETING_ROOM", location: "Room 3", sendInvite: false })).status).toBe(201);
    const clash = await book(second.cookie, { personId: p2.id, scheduledAt: "2026-12-16T14:15", locationType: "MEETING_ROOM", location: "room 3", sendInvite: false });
    expect(clash.status).toBe(409);
    expect(clash.json.details.conflicts[0].reasons).toEqual(["room"]);
  });

  it("refuses bad input with 422 and changes nothing", async () => {
    const w = await meetingWorld();
    const before = await prisma.meeting.count();
    for (const body of [
      { personId: w.person.id, scheduledAt: "tomorrow at ten" },
      { personId: w.person.id, scheduledAt: "2026-12-14T10:00", durationMinutes: 0 },
      { personId: w.person.id, scheduledAt: "2026-12-14T10:00", locationType: "OFFSITE" },
      { personId: w.person.id, scheduledAt: "2026-12-14T10:00", surprise: true },
    ]) {
      const res = await book(w.cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await prisma.meeting.count()).toBe(before);
  });

  it("does not book or show people and meetings of another event", async () => {
    const a = await meetingWorld();
    const b = await meetingWorld();
    expect((await book(a.cookie, { personId: b.person.id, scheduledAt: "2026-12-14T10:00" })).status).toBe(404);
    const theirs = await book(b.cookie, { personId: b.person.id, scheduledAt: "2026-12-14T10:00", sendInvite: false });
    const id = theirs.json.data.meeting.id;
    expect((await callRoute(meetingRoute.GET, `/api/meetings/${id}`, { cookie: a.cookie, params: { id } })).status).toBe(404);
    expect((await callRoute(icsRoute.GET, `/api/meetings/${id}/ics`, { cookie: a.cookie, params: { id } })).status).toBe(404);
    const list = await callRoute(meetingsRoute.GET, "/api/meetings", { cookie: a.cookie });
    expect(list.json.data.items.map((m: { id: string }) => m.id)).not.toContain(id);
  });
});

describe("changing a meeting", () => {
  it("changes only what the edit sends: the booking dialog's edit keeps the title, outcome and next step it does not send", async () => {
    const w = await meetingWorld();
    const created = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-16T09:00", title: "Gate automation intro", location: "Booth 12", agenda: "Pilot scope", sendInvite: false });
    const id = created.json.data.meeting.id;
    await prisma.meeting.update({ where: { id }, data: { outcome: "Wants a pilot", nextStep: "Send the proposal" } });

    // What the booking dialog sends when a rep moves the meeting (src/components/meetings/meeting-dialog.tsx).
    const moved = await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { scheduledAt: "2026-12-16T10:00", durationMinutes: 45, locationType: "BOOTH", location: "Booth 12", address: null, agenda: "Pilot scope", sendInvite: false, allowConflicts: false } });
    expect(moved.status).toBe(200);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Gate automation intro", outcome: "Wants a pilot", nextStep: "Send the proposal", durationMinutes: 45 });

    const renamed = await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { title: "" } });
    expect(renamed.status).toBe(200);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: null, location: "Booth 12", agenda: "Pilot scope", outcome: "Wants a pilot" });
  });

  it("reschedules with the same UID and a higher SEQUENCE; cancelling sends METHOD:CANCEL", async () => {
    const w = await meetingWorld();
    const created = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T09:00" });
    const id = created.json.data.meeting.id;
    const uid = created.json.data.meeting.icsUid;

    const moved = await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { scheduledAt: "2026-12-15T13:30" } });
    expect(moved.status).toBe(200);
    expect(moved.json.data.meeting).toMatchObject({ scheduledAt: "2026-12-15T21:30:00.000Z", icsSequence: 1, icsUid: uid });
    expect(moved.json.data.invite).toMatchObject({ sent: true, method: "REQUEST" });

    // Notes only: no new SEQUENCE, no email.
    const noted = await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { agenda: "Bring the ROI model" } });
    expect(noted.json.data.meeting).toMatchObject({ icsSequence: 1, agenda: "Bring the ROI model" });
    expect(noted.json.data.invite.sent).toBe(false);

    const ics = await callRoute(icsRoute.GET, `/api/meetings/${id}/ics`, { cookie: w.cookie, params: { id } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const event = Object.values(ical.sync.parseICS(ics.text)).find((c) => c?.type === "VEVENT") as ical.VEvent;
    expect(event.uid).toBe(uid);
    expect(Number(event.sequence)).toBe(1);
    expect(event.start.toISOString()).toBe("2026-12-15T21:30:00.000Z");
    expect(ics.text).toContain("DTSTART;TZID=America/Los_Angeles:20261215T133000");

    const cancelled = await callRoute(meetingRoute.DELETE, `/api/meetings/${id}`, { method: "DELETE", cookie: w.cookie, params: { id } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.data.meeting).toMatchObject({ status: "CANCELLED", icsSequence: 2 });
    expect(cancelled.json.data.invite).toMatchObject({ sent: true, method: "CANCEL" });
    const after = await callRoute(icsRoute.GET, `/api/meetings/${id}/ics`, { cookie: w.cookie, params: { id } });
    expect(after.text).toContain("METHOD:CANCEL");
    expect(after.text).toContain("SEQUENCE:2");

    // A cancelled meeting cannot be cancelled or completed again.
    expect((await callRoute(meetingRoute.DELETE, `/api/meetings/${id}`, { method: "DELETE", cookie: w.cookie, params: { id } })).status).toBe(409);
    expect((await callRoute(completeRoute.POST, `/api/meetings/${id}/complete`, { method: "POST", cookie: w.cookie, params: { id }, body: {} })).status).toBe(409);
  });

  it("refuses a reschedule onto a busy slot unless allowed", async () => {
    const w = await meetingWorld();
    await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T09:00", sendInvite: false });
    const other = await createPerson(w.event.id, w.account.id);
    const second = await book(w.cookie, { personId: other.id, scheduledAt: "2026-12-14T11:00", sendInvite: false });
    const id = second.json.data.meeting.id;
    const res = await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { scheduledAt: "2026-12-14T09:15", sendInvite: false } });
    expect(res.status).toBe(409);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).icsSequence).toBe(0);
  });

  it("checks in and completes, moving the account to WON with a reason, in one go", async () => {
    const w = await meetingWorld();
    const created = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T09:00", sendInvite: false });
    const id = created.json.data.meeting.id;
    // The meeting's day is ahead of the clock: the rep confirmed it already happened (?early=true).
    const checked = await callRoute(checkInRoute.POST, `/api/meetings/${id}/check-in`, { method: "POST", cookie: w.cookie, params: { id }, query: { early: "true" } });
    expect(checked.status).toBe(200);
    expect(checked.json.data.checkedInAt).toBeTruthy();

    const lost = await callRoute(completeRoute.POST, `/api/meetings/${id}/complete`, { method: "POST", cookie: w.cookie, params: { id }, body: { accountStatus: "LOST" } });
    expect(lost.status).toBe(422);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

    const done = await callRoute(completeRoute.POST, `/api/meetings/${id}/complete`, {
      method: "POST", cookie: w.cookie, params: { id },
      body: { outcome: "Wants a pilot at the Reno DC", nextStep: "Send pilot SOW", accountStatus: "WON", reason: "Verbal yes from VP Ops" },
    });
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({ status: "COMPLETED", outcome: "Wants a pilot at the Reno DC", nextStep: "Send pilot SOW" });
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("WON");
    const change = await prisma.activity.findFirstOrThrow({ where: { accountId: w.account.id, type: "account.status_changed", description: { contains: "Won" } } });
    expect(change.metadata).toMatchObject({ from: "MEETING_SCHEDULED", to: "WON", reason: "Verbal yes from VP Ops", meetingId: id });
    expect(await prisma.activity.count({ where: { entityId: id, type: "meeting.completed" } })).toBe(1);
  });

  it("marks a no-show with a note", async () => {
    const w = await meetingWorld();
    const created = await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T15:00", sendInvite: false });
    const id = created.json.data.meeting.id;
    const res = await callRoute(noShowRoute.POST, `/api/meetings/${id}/no-show`, { method: "POST", cookie: w.cookie, params: { id }, query: { early: "true" }, body: { note: "Texted, no answer" } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: "NO_SHOW", outcome: "Texted, no answer" });
    expect(await prisma.activity.count({ where: { entityId: id, type: "meeting.no_show" } })).toBe(1);
    expect((await callRoute(noShowRoute.POST, `/api/meetings/${id}/no-show`, { method: "POST", cookie: w.cookie, params: { id }, body: {} })).status).toBe(409);
  });
});

describe("listing", () => {
  it("filters by event day in the event's time zone, status and rep", async () => {
    const w = await meetingWorld();
    const other = await createPerson(w.event.id, w.account.id);
    // 23:30 on the 14th in Las Vegas is already the 15th in UTC: it still belongs to the 14th.
    await book(w.cookie, { personId: w.person.id, scheduledAt: "2026-12-14T23:30", sendInvite: false });
    await book(w.cookie, { personId: other.id, scheduledAt: "2026-12-15T08:00", sendInvite: false });
    const day14 = await callRoute(meetingsRoute.GET, "/api/meetings", { cookie: w.cookie, query: { day: "2026-12-14" } });
    expect(day14.json.data).toMatchObject({ total: 1, page: 1, hasMore: false });
    expect(day14.json.data.items[0].person.id).toBe(w.person.id);
    const mine = await callRoute(meetingsRoute.GET, "/api/meetings", { cookie: w.cookie, query: { ownerId: w.user.id, status: "SCHEDULED", pageSize: "1" } });
    expect(mine.json.data).toMatchObject({ total: 2, pageSize: 1, hasMore: true });
    expect((await callRoute(meetingsRoute.GET, "/api/meetings", { cookie: w.cookie, query: { status: "MAYBE" } })).status).toBe(422);
  });

  it("finds attendees by name, email or company within the event", async () => {
    const w = await meetingWorld();
    const res = await callRoute(attendeesRoute.GET, "/api/meetings/attendees", { cookie: w.cookie, query: { q: w.account.name.slice(0, 20) } });
    expect(res.status).toBe(200);
    expect(res.json.data.map((p: { id: string }) => p.id)).toContain(w.person.id);
  });

  // Issue 16 item 10: a meeting 18 days away could be checked in and completed, and then counted as held.
  it("records a meeting as held only from its day, unless the rep confirms it already happened", async () => {
    const w = await meetingWorld();
    const ahead = new Date(Date.now() + 18 * 86_400_000).toISOString().slice(0, 16);
    const created = await book(w.cookie, { personId: w.person.id, scheduledAt: ahead, sendInvite: false, allowConflicts: true });
    const id = created.json.data.meeting.id;
    for (const [route, path, body] of [[checkInRoute.POST, "check-in", undefined], [completeRoute.POST, "complete", { outcome: "Great" }], [noShowRoute.POST, "no-show", {}]] as const) {
      const refused = await callRoute(route, `/api/meetings/${id}/${path}`, { method: "POST", cookie: w.cookie, params: { id }, body });
      expect(refused.status).toBe(409);
      expect(refused.json.error).toMatch(/which has not come yet\. Record it now only if it already happened\.$/);
      expect(refused.json.details).toMatchObject({ reason: "before_meeting_day" });
    }
    const row = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SCHEDULED", checkedInAt: null });
    expect(await prisma.activity.count({ where: { entityId: id, type: { in: ["meeting.checked_in", "meeting.completed", "meeting.no_show"] } } })).toBe(0);

    // Today's meeting needs no confirmation.
    const today = await book(w.cookie, { personId: w.person.id, scheduledAt: new Date(Date.now() + 60_000).toISOString(), sendInvite: false, allowConflicts: true });
    const todayId = today.json.data.meeting.id;
    expect((await callRoute(checkInRoute.POST, `/api/meetings/${todayId}/check-in`, { method: "POST", cookie: w.cookie, params: { id: todayId } })).status).toBe(200);
  });
});
