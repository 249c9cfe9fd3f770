import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as eventsRoute from "@/app/api/events/route";
import * as eventRoute from "@/app/api/events/[id]/route";
import { callRoute } from "../helpers/request";
import { signedInUser } from "../helpers/factories";
import { enroll, meetingWorld } from "../helpers/meetings-fixtures";

const base = { name: "Manifest 2027", startDate: "2027-02-08", endDate: "2027-02-10", venue: "Venetian Expo", city: "Las Vegas", timeZone: "America/Los_Angeles", boothNumber: "1427" };

describe("events", () => {
  it("lets admins create and edit events; reps may not", async () => {
    const admin = await signedInUser("ADMIN");
    const rep = await signedInUser("REP");
    expect((await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: rep.cookie, body: base })).status).toBe(403);

    const created = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body: base });
    expect(created.status).toBe(201);
    const event = created.json.data.event;
    expect(event).toMatchObject({ name: "Manifest 2027", timeZone: "America/Los_Angeles", boothNumber: "1427", startDate: "2027-02-08T00:00:00.000Z" });
    expect(event.slug).toMatch(/^manifest-2027/);
    expect(created.json.data.copied).toBeNull();

    const again = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body: base });
    expect(again.json.data.event.slug).not.toBe(event.slug);

    const edited = await callRoute(eventRoute.PATCH, `/api/events/${event.id}`, { method: "PATCH", cookie: admin.cookie, params: { id: event.id }, body: { timeZone: "America/Chicago", boothNumber: "B12" } });
    expect(edited.status).toBe(200);
    expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ timeZone: "America/Chicago", boothNumber: "B12" });
    expect((await callRoute(eventRoute.PATCH, `/api/events/${event.id}`, { method: "PATCH", cookie: rep.cookie, params: { id: event.id }, body: { name: "Nope" } })).status).toBe(403);
    expect(await prisma.activity.count({ where: { entityId: event.id, type: { in: ["event.created", "event.updated"] } } })).toBe(2);
  });

  it("validates time zones and dates", async () => {
    const admin = await signedInUser("ADMIN");
    const before = await prisma.event.count();
    for (const body of [
      { ...base, timeZone: "Mars/Olympus" },
      { ...base, timeZone: "+02:00" },
      { ...base, startDate: "2027-02-10", endDate: "2027-02-08" },
      { ...base, startDate: "2027-02-30" },
      { ...base, extra: 1 },
    ]) {
      const res = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await prisma.event.count()).toBe(before);
    const ev = await prisma.event.findFirstOrThrow();
    const res = await callRoute(eventRoute.PATCH, `/api/events/${ev.id}`, { method: "PATCH", cookie: admin.cookie, params: { id: ev.id }, body: { endDate: "1999-01-01" } });
    expect(res.status).toBe(422);
  });

  it("copies the target list (accounts, people, dossiers) but no history", async () => {
    const w = await meetingWorld({ accountStatus: "MEETING_SCHEDULED" });
    const admin = await signedInUser("ADMIN");
    await prisma.companyDossier.create({ data: { accountId: w.account.id, summary: "Runs 12 DCs in the Southwest" } });
    const sourcedAt = new Date("2025-11-04T16:20:00Z");
    await prisma.person.update({ where: { id: w.person.id }, data: { leadRating: "hot", title: "VP Operations", lawfulBasis: "CONSENT", dataSource: "BOOTH", sourcedAt } });
    await enroll(w.person.id, w.event.id, w.account.id);
    await prisma.meeting.create({ data: { eventId: w.event.id, personId: w.person.id, accountId: w.account.id, scheduledAt: new Date(), icsUid: `copy-${w.event.id}` } });

    const res = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body: { ...base, name: "Copy target", copyFromEventId: w.event.id } });
    expect(res.status).toBe(201);
    expect(res.json.data.copied).toMatchObject({ fromEventId: w.event.id, accounts: 1, people: 1, dossiers: 1 });
    const id = res.json.data.event.id;
    const account = await prisma.targetAccount.findFirstOrThrow({ where: { eventId: id }, include: { dossier: true, people: true } });
    expect(account).toMatchObject({ name: w.account.name, domain: w.account.domain, status: "PROSPECTING", source: "copied" });
    expect(account.id).not.toBe(w.account.id);
    expect(account.dossier?.summary).toBe("Runs 12 DCs in the Southwest");
    expect(account.people).toHaveLength(1);
    expect(account.people[0]).toMatchObject({ email: w.person.email, title: "VP Operations", leadRating: null, eventId: id });
    // Same data subject, same source, same basis: a booth consent stays a booth consent.
    expect(account.people[0]).toMatchObject({ lawfulBasis: "CONSENT", dataSource: "BOOTH", sourcedAt });
    expect(await prisma.meeting.count({ where: { eventId: id } })).toBe(0);
    expect(await prisma.sequenceEnrollment.count({ where: { person: { eventId: id } } })).toBe(0);
    // The source is untouched.
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.account.id } })).status).toBe("MEETING_SCHEDULED");
  });

  it("rolls the whole creation back when the source event does not exist", async () => {
    const admin = await signedInUser("ADMIN");
    const before = await prisma.event.count();
    const res = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body: { ...base, copyFromEventId: "nope" } });
    expect(res.status).toBe(422);
    expect(await prisma.event.count()).toBe(before);
  });

  it("copies 5,000 accounts and 25,000 people in one set-based transaction", async () => {
    const w = await meetingWorld();
    const admin = await signedInUser("ADMIN");
    await prisma.$executeRaw`
      INSERT INTO "target_accounts" ("id", "eventId", "name", "normalizedName", "domain", "updatedAt")
      SELECT 'bulk-a-' || g || '-' || ${w.event.id}, ${w.event.id}, 'Bulk ' || g, 'bulk ' || g, 'bulk' || g || '.test', now() FROM generate_series(1, 4999) g`;
    await prisma.$executeRaw`
      INSERT INTO "people" ("id", "eventId", "accountId", "firstName", "name", "email", "updatedAt")
      SELECT 'bulk-p-' || g || '-' || ${w.event.id}, ${w.event.id}, 'bulk-a-' || (1 + g % 4999) || '-' || ${w.event.id}, 'P' || g, 'P ' || g,
        'p' || g || '@bulk.test', now() FROM generate_series(1, 24999) g`;
    const started = performance.now();
    const res = await callRoute(eventsRoute.POST, "/api/events", { method: "POST", cookie: admin.cookie, body: { ...base, name: "Bulk copy", copyFromEventId: w.event.id } });
    const ms = Math.round(performance.now() - started);
    console.info(`[events-copy] 5,000 accounts / 25,000 people copied in ${ms} ms`);
    expect(res.status).toBe(201);
    expect(res.json.data.copied).toMatchObject({ accounts: 5000, people: 25000 });
    const orphans = await prisma.person.count({ where: { eventId: res.json.data.event.id, OR: [{ accountId: null }, { account: { eventId: { not: res.json.data.event.id } } }] } });
    expect(orphans).toBe(0);
  });
});
