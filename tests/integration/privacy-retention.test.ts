import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as previewRoute from "@/app/api/settings/privacy/retention-preview/route";
import * as settingsRoute from "@/app/api/settings/privacy/route";
import * as cronRoute from "@/app/api/cron/retention/route";
import { previewRetention, runRetention } from "@/server/privacy/retention";
import { callRoute } from "../helpers/request";
import { signedInUser } from "../helpers/factories";

/**
 * Retention (issue 20, item 5): never-engaged prospects are erased a set number of months after
 * their event ends, and the week's preview lists exactly who the run then erases. The events here
 * ended in 2001, so no other test's people are ever due at these dates.
 */
const tag = randomUUID().slice(0, 8);
const ids: Record<string, string> = {};
let admin: { cookie: string };
let rep: { cookie: string };
const PREVIEW_AT = new Date("2001-12-30T12:00:00Z");
const RUN_AT = new Date("2002-01-06T12:00:00Z"); // one week later

beforeAll(async () => {
  const ended = await prisma.event.create({ data: { name: `Old Show ${tag}`, slug: `old-${tag}`, startDate: new Date("2000-12-29"), endDate: new Date("2000-12-31") } });
  const later = await prisma.event.create({ data: { name: `Later Show ${tag}`, slug: `later-${tag}`, startDate: new Date("2001-02-01"), endDate: new Date("2001-02-02") } });
  admin = await signedInUser("ADMIN", { eventId: ended.id });
  rep = await signedInUser("REP", { eventId: ended.id });
  const person = (eventId: string, key: string, extra: Record<string, unknown> = {}) =>
    prisma.person.create({ data: { eventId, firstName: key, lastName: tag, name: `${key} ${tag}`, email: `${key.toLowerCase()}-${tag}@old.test`, ...extra } }).then((p) => (ids[key] = p.id));
  await person(ended.id, "Silent");
  await person(ended.id, "Opened"); // opens do not count as engagement
  await person(ended.id, "Replied");
  await person(ended.id, "Met");
  await person(ended.id, "Captured");
  await person(ended.id, "Customer", { lawfulBasis: "CUSTOMER" });
  await person(later.id, "NotYet");
  const sent = (personId: string, data: Record<string, unknown>) => prisma.outreach.create({ data: { eventId: ended.id, personId, subject: "Hello", message: "Hi", status: "SENT", sentAt: new Date("2000-12-01"), ...data } });
  await sent(ids.Opened!, { openedAt: new Date("2000-12-02"), openCount: 3 });
  await sent(ids.Replied!, { repliedAt: new Date("2000-12-03") });
  await prisma.meeting.create({ data: { eventId: ended.id, personId: ids.Met!, scheduledAt: new Date("2000-12-30T15:00:00Z"), status: "COMPLETED", icsUid: `ret-${tag}@test` } });
  await prisma.leadCapture.create({ data: { eventId: ended.id, personId: ids.Captured!, rating: "cold" } });
});

afterAll(async () => {
  await prisma.setting.deleteMany({ where: { key: "privacy.settings" } });
});

describe("retention", () => {
  it("erases nobody while no period is set", async () => {
    await prisma.setting.deleteMany({ where: { key: "privacy.settings" } });
    expect((await previewRetention(PREVIEW_AT)).people).toEqual([]);
    expect(await runRetention(RUN_AT)).toMatchObject({ retentionMonths: null, erased: 0 });
  });

  it("is set by admins only, with a clear error for a wrong period", async () => {
    const body = { organizationName: "Yardline Inc.", postalAddress: "1 Dock Road, Chicago", retentionMonths: 12 };
    expect((await callRoute(settingsRoute.PUT, "/api/settings/privacy", { method: "PUT", cookie: rep.cookie, body })).status).toBe(403);
    const wrong = await callRoute(settingsRoute.PUT, "/api/settings/privacy", { method: "PUT", cookie: admin.cookie, body: { ...body, retentionMonths: 0 } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.details).toEqual([{ path: "retentionMonths", message: "Keep prospects at least 1 month", code: "too_small" }]);
    const ok = await callRoute(settingsRoute.PUT, "/api/settings/privacy", { method: "PUT", cookie: admin.cookie, body });
    expect(ok.status).toBe(200);
    expect((await callRoute(settingsRoute.GET, "/api/settings/privacy", { cookie: rep.cookie })).json.data).toEqual(body);
  });

  it("previews the week's never-engaged prospects, and the run a week later erases exactly those", async () => {
    const preview = await previewRetention(PREVIEW_AT);
    const listed = preview.people.map((p) => p.id).sort();
    expect(listed).toEqual([ids.Silent, ids.Opened].sort());
    expect(preview.people[0]).toMatchObject({ event: `Old Show ${tag}` });

    // The admin's view of the same list (today's preview holds no 2001 people: nothing to compare there).
    const page = await callRoute(previewRoute.GET, "/api/settings/privacy/retention-preview", { cookie: admin.cookie });
    expect(page.status).toBe(200);
    expect(page.json.data.retentionMonths).toBe(12);
    expect((await callRoute(previewRoute.GET, "/api/settings/privacy/retention-preview", { cookie: rep.cookie })).status).toBe(403);

    const run = await runRetention(RUN_AT);
    expect(run.erasedIds.sort()).toEqual(listed);
    const people = await prisma.person.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, erasedAt: true, email: true } });
    const erased = people.filter((p) => p.erasedAt).map((p) => p.id).sort();
    expect(erased).toEqual(listed);
    expect(people.filter((p) => p.erasedAt).every((p) => p.email === null)).toBe(true);
    expect(await prisma.activity.count({ where: { type: "privacy.erased", description: { contains: "by the retention policy" }, metadata: { path: ["people"], equals: 2 } } })).toBe(1);

    // Run again: nothing left to erase; the later show's prospect is due a month later.
    expect((await runRetention(RUN_AT)).erased).toBe(0);
    expect((await previewRetention(new Date("2002-01-28T12:00:00Z"))).people.map((p) => p.id)).toEqual([ids.NotYet]);
  });

  it("runs from the cron route with the cron secret only", async () => {
    const saved = process.env.CRON_SECRET;
    process.env.CRON_SECRET = "retention-cron-secret";
    try {
      expect((await callRoute(cronRoute.GET, "/api/cron/retention")).status).toBe(401);
      const res = await callRoute(cronRoute.GET, "/api/cron/retention", { headers: { authorization: "Bearer retention-cron-secret" } });
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({ retentionMonths: 12 });
    } finally {
      if (saved === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = saved;
    }
  });
});
