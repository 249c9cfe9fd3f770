import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as syncRoute from "@/app/api/booth/sync/route";
import * as agendaRoute from "@/app/api/booth/agenda/route";
import { callRoute } from "../helpers/request";
import { signedInUser } from "../helpers/factories";
import { meetingWorld } from "../helpers/meetings-fixtures";

// Offline work happened earlier than the sync: an hour ago, give or take.
const anHourAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();

const sync = (cookie: string, operations: unknown[]) => callRoute(syncRoute.POST, "/api/booth/sync", { method: "POST", cookie, body: { operations } });

function capture(lead: Record<string, unknown>, key = randomUUID()) {
  return { key, kind: "capture", lead: { rating: "warm", ...lead } };
}

// A 1×1 JPEG: what a card photo looks like on the wire.
const TINY_JPEG = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

describe("booth offline sync", () => {
  it("applies a queued capture once, however often the phone sends it", async () => {
    const w = await meetingWorld();
    const tag = randomUUID().slice(0, 6);
    const op = capture({ name: "Robin Vega", company: `Dockside ${tag}`, email: `robin@dockside-${tag}.test`, tags: ["Yard Visibility", "pilot"], note: "30 docks in Reno", rating: "hot", capturedAt: anHourAgo });

    const first = await sync(w.cookie, [op]);
    expect(first.status).toBe(200);
    expect(first.json.data.results[0]).toMatchObject({ key: op.key, ok: true, replayed: false, data: { personName: "Robin Vega", created: { person: true, account: true } } });

    // The answer never reached the phone: it sends the same operation again, twice at once.
    const [again, concurrent] = await Promise.all([sync(w.cookie, [op]), sync(w.cookie, [op])]);
    for (const res of [again, concurrent]) {
      expect(res.json.data.results[0]).toMatchObject({ key: op.key, ok: true, replayed: true, data: first.json.data.results[0].data });
    }
    const people = await prisma.person.findMany({ where: { eventId: w.event.id, email: `robin@dockside-${tag}.test` } });
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ leadRating: "hot", interestTags: ["yard visibility", "pilot"] });
    const captures = await prisma.leadCapture.findMany({ where: { personId: people[0].id } });
    expect(captures).toHaveLength(1);
    expect(captures[0].capturedAt.toISOString()).toBe(anHourAgo);
    // The timeline shows the capture at the time it happened, not when the phone synced.
    const activity = await prisma.activity.findFirstOrThrow({ where: { personId: people[0].id, type: "lead.captured" } });
    expect(activity.createdAt.toISOString()).toBe(anHourAgo);
  });

  it("refuses the same key with a different capture", async () => {
    const w = await meetingWorld();
    const op = capture({ name: "Kim Lee", company: `Polar ${randomUUID().slice(0, 6)}` });
    expect((await sync(w.cookie, [op])).json.data.results[0].ok).toBe(true);
    const changed = await sync(w.cookie, [{ ...op, lead: { ...op.lead, name: "Kim Park" } }]);
    expect(changed.json.data.results[0]).toMatchObject({ ok: false, status: 409, code: "conflict" });
    expect(await prisma.person.count({ where: { eventId: w.event.id, name: "Kim Park" } })).toBe(0);
  });

  it("makes one person of a visitor two reps captured, with both captures in the timeline", async () => {
    const w = await meetingWorld();
    const second = await signedInUser();
    await prisma.user.update({ where: { id: second.user.id }, data: { lastEventId: w.event.id } });
    const tag = randomUUID().slice(0, 6);
    // Both reps met Ada offline; one scanned her badge (with email), the other typed name and company.
    const [a, b] = await Promise.all([
      sync(w.cookie, [capture({ name: "Ada Okafor", company: `Polar Cold Chain ${tag}`, email: `ada@polar-${tag}.test`, source: "badge", scanFormat: "vcard" })]),
      sync(second.cookie, [capture({ name: "ada okafor", company: `Polar Cold Chain ${tag}`, rating: "hot", note: "Wants the pilot", cardImage: TINY_JPEG, source: "card" })]),
    ]);
    expect(a.json.data.results[0].ok).toBe(true);
    expect(b.json.data.results[0].ok).toBe(true);
    const accounts = await prisma.targetAccount.findMany({ where: { eventId: w.event.id, name: `Polar Cold Chain ${tag}` } });
    expect(accounts).toHaveLength(1);
    const people = await prisma.person.findMany({ where: { eventId: w.event.id, accountId: accounts[0].id } });
    expect(people).toHaveLength(1);
    expect(people[0].email).toBe(`ada@polar-${tag}.test`);
    const captures = await prisma.leadCapture.findMany({ where: { personId: people[0].id }, orderBy: { createdAt: "asc" } });
    expect(captures.map((c) => c.capturedById).sort()).toEqual([w.user.id, second.user.id].sort());
    const withPhoto = captures.find((c) => c.cardImage);
    expect(withPhoto?.cardImageType).toBe("image/jpeg");
    expect(Buffer.from(withPhoto!.cardImage!).subarray(0, 2).toString("hex")).toBe("ffd8");
    expect(await prisma.activity.count({ where: { personId: people[0].id, type: "lead.captured" } })).toBe(2);
  });

  it("applies meeting actions once and refuses only the operation that cannot be done", async () => {
    const w = await meetingWorld();
    const meeting = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, accountId: w.account.id, ownerId: w.user.id, scheduledAt: new Date("2026-12-14T17:00:00Z"), icsUid: `${randomUUID()}@t` },
    });
    const checkIn = { key: randomUUID(), kind: "check_in", meetingId: meeting.id, at: anHourAgo };
    const complete = { key: randomUUID(), kind: "complete", meetingId: meeting.id, outcome: { outcome: "Wants a pilot", nextStep: "Proposal Friday", accountStatus: "ENGAGED" } };
    const noShowAfterwards = { key: randomUUID(), kind: "no_show", meetingId: meeting.id, outcome: { note: "tapped twice" } };
    const lead = capture({ name: "Lee Ortiz", company: `Brightyard ${randomUUID().slice(0, 6)}` });

    const res = await sync(w.cookie, [checkIn, complete, noShowAfterwards, lead]);
    expect(res.status).toBe(200);
    const results = res.json.data.results;
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false, true]);
    expect(results[2]).toMatchObject({ status: 409, error: "Only a scheduled meeting can be marked as a no-show (this one is completed)" });

    const stored = await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored).toMatchObject({ status: "COMPLETED", outcome: "Wants a pilot", nextStep: "Proposal Friday" });
    expect(stored.checkedInAt?.toISOString()).toBe(anHourAgo);
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("ENGAGED");

    const replay = await sync(w.cookie, [checkIn, complete]);
    expect(replay.json.data.results.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true]);
    expect(await prisma.activity.count({ where: { entityId: meeting.id, type: "meeting.completed" } })).toBe(1);
  });

  it("leaves a no-show's rep a follow-up draft that offers the booking page", async () => {
    // A no-show is recorded from the meeting's day on (the guard beside it is tested in meetings-api).
    const w = await meetingWorld();
    const meeting = await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, accountId: w.account.id, ownerId: w.user.id, scheduledAt: new Date("2026-11-30T17:00:00Z"), icsUid: `${randomUUID()}@t` },
    });
    const res = await sync(w.cookie, [{ key: randomUUID(), kind: "no_show", meetingId: meeting.id, outcome: { note: null } }]);
    expect(res.json.data.results[0].ok).toBe(true);
    const draft = await prisma.outreach.findFirstOrThrow({ where: { personId: w.person.id, generatedBy: "no_show" } });
    expect(draft).toMatchObject({ status: "DRAFT", ownerId: w.user.id, subject: `Sorry we missed you at ${w.event.name}` });
    expect(draft.message).toContain("Mon, Nov 30, 9:00 AM PST");
    expect(draft.message).toContain(`/book/${w.event.slug}`);
  });

  it("refuses a malformed queue as a whole and a meeting of another event per operation", async () => {
    const w = await meetingWorld();
    const other = await meetingWorld();
    const foreign = await prisma.meeting.create({
      data: { eventId: other.event.id, personId: other.person.id, ownerId: other.user.id, scheduledAt: new Date("2026-12-14T17:00:00Z"), icsUid: `${randomUUID()}@t` },
    });
    expect((await sync(w.cookie, [{ key: "not-a-uuid", kind: "capture", lead: { name: "X", company: "Y", rating: "hot" } }])).status).toBe(422);
    expect((await sync(w.cookie, [])).status).toBe(422);
    const res = await sync(w.cookie, [{ key: randomUUID(), kind: "check_in", meetingId: foreign.id }]);
    expect(res.json.data.results[0]).toMatchObject({ ok: false, status: 404 });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: foreign.id } })).checkedInAt).toBeNull();
  });

  it("gives the phone every show day's team agenda with talking points", async () => {
    const w = await meetingWorld();
    await prisma.insight.create({ data: { accountId: w.account.id, category: "talking_point", content: "Opening a DC in Reno in Q2" } });
    await prisma.meeting.create({
      data: { eventId: w.event.id, personId: w.person.id, accountId: w.account.id, ownerId: null, scheduledAt: new Date("2026-12-16T19:00:00Z"), icsUid: `${randomUUID()}@t` },
    });
    const res = await callRoute(agendaRoute.GET, "/api/booth/agenda", { cookie: w.cookie });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ userId: w.user.id, days: ["2026-12-14", "2026-12-15", "2026-12-16"], event: { timeZone: "America/Los_Angeles" } });
    expect(res.json.data.meetings).toHaveLength(1);
    expect(res.json.data.meetings[0]).toMatchObject({ talkingPoints: ["Opening a DC in Reno in Q2"], account: { tier: expect.any(String), status: "PROSPECTING" } });
  });
  it("tells the phone which meetings this rep may not complete, and refuses a queued completion of a teammate's meeting", async () => {
    const w = await meetingWorld();
    const mate = await signedInUser("REP", { eventId: w.event.id });
    const at = (h: number) => new Date(`2026-12-15T${h}:00:00Z`);
    const mine = await prisma.meeting.create({ data: { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: at(17), icsUid: `${randomUUID()}@t` } });
    const theirs = await prisma.meeting.create({ data: { eventId: w.event.id, personId: w.person.id, ownerId: mate.user.id, scheduledAt: at(18), icsUid: `${randomUUID()}@t` } });
    const agenda = (await callRoute(agendaRoute.GET, "/api/booth/agenda", { cookie: w.cookie })).json.data.meetings as { id: string; completeRefusal: string | null }[];
    const sentence = `Only ${mate.user.name ?? mate.user.email} or an admin can complete this meeting.`;
    expect(Object.fromEntries(agenda.map((m) => [m.id, m.completeRefusal]))).toEqual({ [mine.id]: null, [theirs.id]: sentence });

    const res = await sync(w.cookie, [
      { key: randomUUID(), kind: "complete", meetingId: theirs.id, outcome: { outcome: "Good talk" } },
      { key: randomUUID(), kind: "check_in", meetingId: theirs.id },
    ]);
    expect(res.json.data.results.map((r: { ok: boolean; status?: number; error?: string }) => [r.ok, r.status ?? 200, r.error ?? null])).toEqual([[false, 403, sentence], [true, 200, null]]);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "SCHEDULED", outcome: null, checkedInAt: expect.any(Date) });
  });
});
