import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as leadsRoute from "@/app/api/booth/leads/route";
import { boothAgenda } from "@/server/booth/service";
import { BOOTH_FIRST_VIEW_COUNT_CAP } from "@/lib/booth/days";
import { callRoute } from "../helpers/request";
import { createAccount, createPerson, meetingWorld } from "../helpers/meetings-fixtures";
import { actorFor } from "../helpers/factories";

const capture = (cookie: string, body: Record<string, unknown>) => callRoute(leadsRoute.POST, "/api/booth/leads", { method: "POST", cookie, body });

describe("walk-up capture", () => {
  it("updates the existing person when the email matches (any case)", async () => {
    const w = await meetingWorld();
    const peopleBefore = await prisma.person.count({ where: { eventId: w.event.id } });
    const res = await capture(w.cookie, { name: "Dana W", company: "Whatever", email: w.person.email!.toUpperCase(), note: "Wants a demo of gate check-in", rating: "hot" });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ personId: w.person.id, accountId: w.account.id, matched: { person: "email", account: "email" }, created: { person: false, account: false } });
    const person = await prisma.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person.leadRating).toBe("hot");
    expect(person.notes).toContain("Wants a demo of gate check-in");
    expect(await prisma.person.count({ where: { eventId: w.event.id } })).toBe(peopleBefore);
    // A booth visit moves a prospecting account to ENGAGED.
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("ENGAGED");
    expect(await prisma.activity.count({ where: { personId: w.person.id, type: "lead.captured" } })).toBe(1);
  });

  it("adds a new person to the account with the same email domain", async () => {
    const w = await meetingWorld();
    const res = await capture(w.cookie, { name: "Lee Ortiz", company: "Some Other Name", email: `lee@${w.account.domain}`, rating: "warm" });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ accountId: w.account.id, matched: { person: null, account: "domain" }, created: { person: true, account: false } });
    const person = await prisma.person.findUniqueOrThrow({ where: { id: res.json.data.personId } });
    expect(person).toMatchObject({ firstName: "Lee", lastName: "Ortiz", eventId: w.event.id, accountId: w.account.id, leadRating: "warm", source: "booth" });
  });

  it("matches the company by normalised name when the email is personal", async () => {
    const w = await meetingWorld();
    const tag = randomUUID().slice(0, 6);
    const account = await createAccount(w.event.id, { name: `Polar Freight ${tag}`, domain: null });
    await prisma.targetAccount.update({ where: { id: account.id }, data: { normalizedName: `polar freight ${tag}` } });
    const res = await capture(w.cookie, { name: "Kim", company: `POLAR  Freight ${tag}, Inc.`, email: `kim.${tag}@gmail.com`, rating: "cold" });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ accountId: account.id, matched: { account: "name" }, created: { account: false, person: true } });
  });

  it("creates the account and the person for a new company, with the work domain", async () => {
    const w = await meetingWorld();
    const tag = randomUUID().slice(0, 6);
    const res = await capture(w.cookie, { name: "Ari Novak", company: `Brightyard ${tag} LLC`, email: `ari@brightyard-${tag}.test`, note: "Runs 40 docks", rating: "hot" });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ matched: { person: null, account: null }, created: { person: true, account: true } });
    const account = await prisma.targetAccount.findUniqueOrThrow({ where: { id: res.json.data.accountId } });
    expect(account).toMatchObject({ eventId: w.event.id, name: `Brightyard ${tag} LLC`, normalizedName: `brightyard ${tag}`, domain: `brightyard-${tag}.test`, source: "booth" });
    const types = (await prisma.activity.findMany({ where: { accountId: account.id }, select: { type: true } })).map((a) => a.type).sort();
    expect(types).toEqual(["account.created", "lead.captured"]);
  });

  it("never matches a free-mail domain to an account", async () => {
    const w = await meetingWorld();
    const tag = randomUUID().slice(0, 6);
    await createAccount(w.event.id, { name: `Gmail Holder ${tag}`, domain: "gmail.com" });
    const res = await capture(w.cookie, { name: "Pat", company: `Pat's Trucking ${tag}`, email: `pat${tag}@gmail.com`, rating: "warm" });
    expect(res.json.data.created.account).toBe(true);
  });

  it("refuses a capture without name or without company and email, changing nothing", async () => {
    const w = await meetingWorld();
    const before = await prisma.person.count();
    expect((await capture(w.cookie, { name: "", company: "X", rating: "hot" })).status).toBe(422);
    expect((await capture(w.cookie, { name: "Only Name", rating: "hot" })).status).toBe(422);
    expect((await capture(w.cookie, { name: "Bad Email", email: "not-an-email", rating: "hot" })).status).toBe(422);
    expect((await capture(w.cookie, { name: "No Rating", company: "X" })).status).toBe(422);
    expect(await prisma.person.count()).toBe(before);
  });
});

describe("booth agenda", () => {
  it("shows my meetings of the next event day when today is not a show day", async () => {
    const w = await meetingWorld();
    const other = await createPerson(w.event.id, w.account.id);
    await prisma.meeting.createMany({
      data: [
        { eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: new Date("2026-12-14T17:00:00Z"), icsUid: `${randomUUID()}@t` },
        { eventId: w.event.id, personId: other.id, ownerId: w.user.id, scheduledAt: new Date("2026-12-15T17:00:00Z"), icsUid: `${randomUUID()}@t` },
        { eventId: w.event.id, personId: other.id, ownerId: null, scheduledAt: new Date("2026-12-14T18:00:00Z"), icsUid: `${randomUUID()}@t` },
      ],
    });
    const before = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-11-27T12:00:00Z") });
    expect(before).toMatchObject({ day: "2026-12-14", phase: "before", isToday: false, userId: w.user.id });
    // 20:00 on the 15th in Las Vegas is 04:00 UTC on the 16th: still the 15th at the show.
    const during = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-12-16T04:00:00Z") });
    expect(during).toMatchObject({ day: "2026-12-15", phase: "during", isToday: true });
    // The snapshot holds every show day's team meetings (the phone filters "mine" and the day).
    expect(during.meetings.map((m) => [m.personId, m.ownerId])).toEqual([
      [w.person.id, w.user.id],
      [other.id, null],
      [other.id, w.user.id],
    ]);
    expect(during.firstView).toBeUndefined();
    // The page's first view: only this rep's meetings of the day shown, marked so the phone fetches the rest.
    const first = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-11-27T12:00:00Z"), firstView: true });
    expect(first).toMatchObject({ day: "2026-12-14", firstView: true, days: before.days });
    expect(first.meetings.map((m) => [m.personId, m.ownerId])).toEqual([[w.person.id, w.user.id]]);
    expect(first.firstViewMore).toBe(0);
  });

  it("puts only the next 5 open and the last 3 finished of my meetings in the page's first view, and says how many follow", async () => {
    const w = await meetingWorld();
    // Hourly from 16:00 UTC on the 14th (8 AM in Las Vegas): the first 4 finished, the next 8 open.
    const at = (hour: number) => new Date(Date.UTC(2026, 11, 14, 16 + hour));
    await prisma.meeting.createMany({
      data: Array.from({ length: 12 }, (_, hour) => ({
        eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: at(hour),
        status: hour < 4 ? ("COMPLETED" as const) : ("SCHEDULED" as const), icsUid: `${randomUUID()}@t`,
      })),
    });
    const first = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-12-14T20:30:00Z"), firstView: true });
    expect(first.meetings.map((m) => [m.scheduledAt, m.status])).toEqual([
      ...[1, 2, 3].map((h) => [at(h), "COMPLETED"]),
      ...[4, 5, 6, 7, 8].map((h) => [at(h), "SCHEDULED"]),
    ]);
    expect(first.firstViewMore).toBe(4);
    // The whole agenda, which the phone fetches next and keeps, has all twelve.
    const whole = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-12-14T20:30:00Z") });
    expect(whole.meetings).toHaveLength(12);
    expect(whole.firstViewMore).toBeUndefined();
    expect(first.firstViewMoreAtLeast).toBeUndefined();
  });

  it("counts the rest of a rep's day only up to a cap, and says the count is a floor past it", async () => {
    const w = await meetingWorld();
    const total = BOOTH_FIRST_VIEW_COUNT_CAP + 10;
    await prisma.meeting.createMany({
      data: Array.from({ length: total }, (_, n) => ({
        eventId: w.event.id, personId: w.person.id, ownerId: w.user.id, scheduledAt: new Date(Date.UTC(2026, 11, 14, 16, n)),
        status: "SCHEDULED" as const, icsUid: `${randomUUID()}@t`,
      })),
    });
    const first = await boothAgenda(await actorFor(w.user, w.event.id), { now: new Date("2026-12-14T12:00:00Z"), firstView: true });
    expect(first.meetings).toHaveLength(5);
    // 105 after the 5 shown; counted up to the cap, that reads "more than 95".
    expect(first).toMatchObject({ firstViewMore: BOOTH_FIRST_VIEW_COUNT_CAP - 5, firstViewMoreAtLeast: true });
  });
});
