import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { getEventMetrics } from "@/server/dashboard/stats";
import { getMyDay } from "@/server/dashboard/my-day";
import { outreachStats, scanOutreachStats } from "@/server/outreach/service";
import { QUEUE_COUNT_CAP } from "@/server/outreach/stats";
import { applyEmailEvent } from "@/server/tracking/events";
import * as statsRoute from "@/app/api/dashboards/stats/route";
import * as pdfRoute from "@/app/api/reports/pdf/route";
import * as reportsRoute from "@/app/api/reports/route";
import * as reportRoute from "@/app/api/reports/[id]/route";
import * as activitiesRoute from "@/app/api/activities/route";
import { callRoute } from "../helpers/request";
import { actorFor, createEvent, createSession, createUser } from "../helpers/factories";

/**
 * A hand-built event where every number is known:
 *   accounts A1 (tier A, WON, rep1), A2 (A, ENGAGED, rep1), A3 (B, PROSPECTING, rep2), A4 (C, LOST, rep2)
 *   outreach O1 human open + human click + reply · O2 machine open only (so openedAt stays unset)
 *            O3 no events but openedAt (history) · O4 machine + human open, machine click only (clickedAt unset)
 *   (rows as tracking/events.ts records them: machine opens/clicks never set openedAt/clickedAt;
 *   the last test below drives that ingestion itself)
 *            O5 bounced · O6 draft · O7 reply without any open event, sent later · O8 queued (not sent)
 *   → sent 6, opened 4 (O1, O3, O4, O7), clicked 1 (O1), replied 2 (O1, O7), bounced 1, drafts 1
 */
let eventId = "";
let rep1 = { id: "", cookie: "" };
let rep2 = { id: "", cookie: "" };
let admin = { id: "", cookie: "" };
const ids: Record<string, string> = {};

beforeAll(async () => {
  const event = await createEvent({ name: "Stats Fixture Expo", timeZone: "America/Los_Angeles" });
  eventId = event.id;
  const mk = async (role: "REP" | "ADMIN") => {
    const u = await createUser({ role });
    await prisma.user.update({ where: { id: u.id }, data: { lastEventId: eventId } });
    return { id: u.id, cookie: (await createSession(u.id)).cookie };
  };
  [rep1, rep2, admin] = [await mk("REP"), await mk("REP"), await mk("ADMIN")];
  const acc = async (key: string, tier: "A" | "B" | "C", status: "WON" | "ENGAGED" | "PROSPECTING" | "LOST", owner: string) => {
    const a = await prisma.targetAccount.create({ data: { eventId, name: `${key} Logistics`, normalizedName: `${key} logistics`, tier, status, assignedToId: owner } });
    ids[key] = a.id;
  };
  await acc("A1", "A", "WON", rep1.id);
  await acc("A2", "A", "ENGAGED", rep1.id);
  await acc("A3", "B", "PROSPECTING", rep2.id);
  await acc("A4", "C", "LOST", rep2.id);
  const person = async (key: string, account: string) => {
    const p = await prisma.person.create({ data: { eventId, accountId: ids[account], firstName: key, lastName: "Fixture", name: `${key} Fixture`, email: `${key.toLowerCase()}-${eventId}@fixture.test` } });
    ids[key] = p.id;
  };
  await person("P1", "A1");
  await person("P2", "A1");
  await person("P3", "A2");
  await person("P4", "A3");
  await person("P5", "A4");
  const early = new Date("2026-01-05T17:00:00Z");
  const later = new Date("2026-01-20T17:00:00Z");
  const out = async (key: string, p: string, a: string, owner: string, data: Record<string, unknown>) => {
    const o = await prisma.outreach.create({ data: { eventId, personId: ids[p], accountId: ids[a], ownerId: owner, message: "Hello", status: "SENT", sentAt: early, ...data } });
    ids[key] = o.id;
  };
  await out("O1", "P1", "A1", rep1.id, { openedAt: early, clickedAt: early, repliedAt: new Date("2026-01-06T18:00:00Z") });
  await out("O2", "P2", "A1", rep1.id, { machineOpenCount: 1 });
  await out("O3", "P3", "A2", rep1.id, { openedAt: early });
  await out("O4", "P4", "A3", rep2.id, { openedAt: early, openCount: 1, machineOpenCount: 1 });
  await out("O5", "P5", "A4", rep2.id, { bouncedAt: early });
  await out("O6", "P4", "A3", rep2.id, { status: "DRAFT", sentAt: null });
  await out("O7", "P3", "A2", rep1.id, { sentAt: later, repliedAt: new Date("2026-01-21T17:00:00Z") });
  await out("O8", "P1", "A1", rep1.id, { status: "QUEUED", sentAt: null });
  await prisma.emailEvent.createMany({
    data: [
      { outreachId: ids.O1, type: "open", occurredAt: early },
      { outreachId: ids.O1, type: "click", occurredAt: early },
      { outreachId: ids.O2, type: "open", isMachine: true, occurredAt: early },
      { outreachId: ids.O4, type: "open", isMachine: true, occurredAt: early },
      { outreachId: ids.O4, type: "open", occurredAt: early },
      { outreachId: ids.O4, type: "click", isMachine: true, occurredAt: early },
    ],
  });
  const now = new Date();
  const meet = async (p: string, a: string, owner: string, status: "COMPLETED" | "SCHEDULED" | "CANCELLED" | "NO_SHOW", at = new Date("2026-02-09T18:00:00Z")) =>
    prisma.meeting.create({ data: { eventId, personId: ids[p], accountId: ids[a], ownerId: owner, status, scheduledAt: at, icsUid: `fixture-${p}-${status}-${eventId}@eventops.test` } });
  await meet("P1", "A1", rep1.id, "COMPLETED");
  await meet("P3", "A2", rep1.id, "SCHEDULED", now);
  await meet("P4", "A3", rep2.id, "CANCELLED");
  await meet("P2", "A1", rep1.id, "NO_SHOW");
  await prisma.activity.create({ data: { eventId, type: "outreach.replied", description: "P1 Fixture replied", personId: ids.P1, accountId: ids.A1 } });
  await prisma.activity.create({ data: { eventId, type: "meeting.completed", description: "Rep met P1 Fixture", actorId: rep1.id, personId: ids.P1, accountId: ids.A1 } });
});

describe("event metrics (hand-built dataset)", () => {
  it("counts engagement as tracking ingestion records it: machine opens and clicks never count", async () => {
    const event = await createEvent({ name: "Ingestion Metrics Expo" });
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Ingest Co", normalizedName: "ingest co" } });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "In", lastName: "Gest", name: "In Gest", email: `in-${event.id}@fixture.test` } });
    const sentAt = new Date("2026-03-02T17:00:00Z");
    const msg = (subject: string) =>
      prisma.outreach.create({ data: { eventId: event.id, personId: person.id, accountId: account.id, subject, message: "Hi", status: "SENT", sentAt, deliveredAt: sentAt } });
    const [proxyOnly, scannerClick, human] = [await msg("proxy only"), await msg("scanner click"), await msg("human")];
    const later = new Date(sentAt.getTime() + 3_600_000);
    const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    await applyEmailEvent({ outreachId: proxyOnly.id, kind: "open", at: later, userAgent: "Mozilla/5.0" });
    await applyEmailEvent({ outreachId: scannerClick.id, kind: "click", at: later, userAgent: "Mimecast URL Protect", url: "https://example.com" });
    await applyEmailEvent({ outreachId: scannerClick.id, kind: "open", at: new Date(sentAt.getTime() + 2_000), userAgent: browser });
    await applyEmailEvent({ outreachId: human.id, kind: "open", at: later, userAgent: browser });
    await applyEmailEvent({ outreachId: human.id, kind: "click", at: later, userAgent: browser, url: "https://example.com" });
    const m = await getEventMetrics(event.id);
    expect(m.outreach).toMatchObject({ sent: 3, opened: 1, clicked: 1 });
    expect(await prisma.emailEvent.count({ where: { outreachId: { in: [proxyOnly.id, scannerClick.id] }, isMachine: true } })).toBe(3);
  });

  it("counts accounts, people, outreach rates, meetings and the funnel exactly", async () => {
    const m = await getEventMetrics(eventId);
    expect(m.accounts).toEqual({ total: 4, won: 1, byTier: { A: 2, B: 1, C: 1, D: 0 }, byStatus: { PROSPECTING: 1, ENGAGED: 1, MEETING_SCHEDULED: 0, WON: 1, LOST: 1 } });
    expect(m.people).toBe(5);
    expect(m.outreach).toEqual({ sent: 6, drafts: 1, opened: 4, clicked: 1, replied: 2, bounced: 1, openRate: 0.6667, clickRate: 0.1667, replyRate: 0.3333 });
    expect(m.meetings).toEqual({ booked: 3, scheduled: 1, completed: 1, noShow: 1, cancelled: 1 });
    expect(m.funnel.map((f) => [f.key, f.count])).toEqual([["targeted", 4], ["contacted", 4], ["engaged", 2], ["meeting", 2], ["won", 1]]);
    const byRep = Object.fromEntries(m.reps.map((r) => [r.ownerId, r]));
    expect(byRep[rep1.id]).toMatchObject({ sent: 4, opened: 3, replied: 2, meetingsBooked: 3, meetingsCompleted: 1 });
    expect(byRep[rep2.id]).toMatchObject({ sent: 2, opened: 1, replied: 0, meetingsBooked: 0, meetingsCompleted: 0 });
  });

  // Issue 16 item 10: the dashboard said 32.2% opened while the outreach page said 30.9%.
  it("the outreach page counts opens, clicks and replies by the dashboard's rules", async () => {
    const [{ rates }, m] = await Promise.all([outreachStats({}, await actorFor(rep1, eventId)), getEventMetrics(eventId)]);
    expect(rates).toMatchObject({ sent: 6, opened: 4, clicked: 1, replied: 2, openRate: 0.6667, clickRate: 0.1667, replyRate: 0.3333 });
    // One vocabulary: the same fractions as the dashboard, not percentages.
    for (const key of ["openRate", "clickRate", "replyRate"] as const) expect(rates[key]).toBe(m.outreach[key]);
  });

  it("counts the queue up to 1,000 and says when there are more, overall and for one rep", async () => {
    const event = await createEvent({ name: "Queue Cap Expo" });
    const [busy, quiet] = [await createUser({ role: "REP" }), await createUser({ role: "REP" })];
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: "Q", lastName: "Ueue", name: "Q Ueue", email: `q-${event.id}@fixture.test` } });
    const queued = (ownerId: string, n: number) => Array.from({ length: n }, () => ({ eventId: event.id, personId: person.id, ownerId, message: "Hi", status: "QUEUED" as const }));
    await prisma.outreach.createMany({ data: [...queued(busy.id, QUEUE_COUNT_CAP + 1), ...queued(quiet.id, 7)] });
    const admin = await createUser({ role: "ADMIN" });
    const all = await outreachStats({}, await actorFor(admin, event.id));
    expect(all.rates).toMatchObject({ queued: QUEUE_COUNT_CAP, moreThanQueued: true, total: QUEUE_COUNT_CAP + 8 });
    const mine = await outreachStats({ ownerId: quiet.id }, await actorFor(admin, event.id));
    expect(mine.rates).toMatchObject({ queued: 7, moreThanQueued: false, total: 7 });
    // The reference count agrees below the cap.
    expect((await scanOutreachStats({ ownerId: quiet.id, channel: "EMAIL" }, await actorFor(admin, event.id))).rates).toMatchObject({ queued: 7, moreThanQueued: false });
  });

  it("counts a deal won off the record (no email, no meeting) at every funnel stage", async () => {
    const event = await createEvent({ name: "Off Record Expo" });
    await prisma.targetAccount.create({ data: { eventId: event.id, name: "Handshake Co", normalizedName: "handshake co", status: "WON" } });
    await prisma.targetAccount.create({ data: { eventId: event.id, name: "Cold Co", normalizedName: "cold co" } });
    const m = await getEventMetrics(event.id);
    expect(m.funnel.map((f) => f.count)).toEqual([2, 1, 1, 1, 1]);
    expect(m.funnel.at(-1)?.count).toBe(m.accounts.won);
  });

  it("applies tier, rep and date filters", async () => {
    const tierA = await getEventMetrics(eventId, { tiers: ["A"] });
    expect(tierA.accounts.total).toBe(2);
    expect(tierA.outreach).toMatchObject({ sent: 4, opened: 3, clicked: 1, replied: 2 });
    const onlyRep2 = await getEventMetrics(eventId, { ownerId: rep2.id });
    expect(onlyRep2.accounts.total).toBe(2);
    expect(onlyRep2.outreach).toMatchObject({ sent: 2, opened: 1, bounced: 1, drafts: 1 });
    const early = await getEventMetrics(eventId, { to: new Date("2026-01-10T08:00:00Z") });
    expect(early.outreach).toMatchObject({ sent: 5, opened: 3, replied: 1 });
  });

  it("GET /api/dashboards/stats returns the same numbers and a readable feed", async () => {
    const res = await callRoute(statsRoute.GET, "/api/dashboards/stats", { cookie: rep1.cookie, query: { eventId } });
    expect(res.status).toBe(200);
    const metrics = JSON.parse(JSON.stringify(await getEventMetrics(eventId)));
    expect(res.json.data.metrics).toEqual(metrics);
    expect(res.json.data.recentActivity).toHaveLength(2);
    expect(res.json.data.recentActivity[0]).toMatchObject({ type: "meeting.completed", actor: { id: rep1.id }, person: { name: "P1 Fixture" }, account: { name: "A1 Logistics" } });
    expect(res.json.data.recentActivity[1].actor).toBeNull();
  });

  it("404s for an unknown event and 401s without a session", async () => {
    expect((await callRoute(statsRoute.GET, "/api/dashboards/stats", { cookie: rep1.cookie, query: { eventId: "nope" } })).status).toBe(404);
    expect((await callRoute(statsRoute.GET, "/api/dashboards/stats", { query: { eventId } })).status).toBe(401);
  });

  it("lists my meetings today in the event's time zone", async () => {
    const day = await getMyDay(rep1.id, { id: eventId, timeZone: "America/Los_Angeles" });
    expect(day.meetings.map((m) => m.person.name)).toEqual(["P3 Fixture"]);
    expect(day.tasks).toEqual([]);
    const other = await getMyDay(rep2.id, { id: eventId, timeZone: "America/Los_Angeles" });
    expect(other.meetings).toEqual([]);
  });
});

describe("reports", () => {
  it("renders the same numbers as the dashboard (json, html and a real PDF)", async () => {
    const json = await callRoute(pdfRoute.POST, "/api/reports/pdf", { method: "POST", cookie: rep1.cookie, body: { eventId, format: "json" } });
    expect(json.status).toBe(200);
    expect(json.json.data.metrics).toEqual(JSON.parse(JSON.stringify(await getEventMetrics(eventId))));

    const html = await callRoute(pdfRoute.POST, "/api/reports/pdf", { method: "POST", cookie: rep1.cookie, body: { eventId, format: "html", sections: ["summary", "outreach"] } });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.text).toContain("66.7%"); // open rate 4/6
    expect(html.text).toContain("33.3%"); // reply rate 2/6
    expect(html.text).not.toContain("Account funnel");

    const pdf = await callRoute(pdfRoute.POST, "/api/reports/pdf", { method: "POST", cookie: rep1.cookie, body: { eventId, title: "Fixture <b>report</b>" } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("fixture-b-report-b.pdf");
    expect(pdf.text.startsWith("%PDF-")).toBe(true);
  });

  it("filters a report by rep and inclusive local dates", async () => {
    const res = await callRoute(pdfRoute.POST, "/api/reports/pdf", {
      method: "POST", cookie: rep1.cookie,
      body: { eventId, format: "json", filters: { ownerId: rep1.id, from: "2026-01-01", to: "2026-01-20" } },
    });
    expect(res.status).toBe(200);
    // O7 was sent 2026-01-20 09:00 in Los Angeles: inside an inclusive `to`.
    expect(res.json.data.metrics.outreach).toMatchObject({ sent: 4, replied: 2 });
    expect(res.json.data.filterSummary).toEqual([expect.stringContaining("Rep:"), "2026-01-01 to 2026-01-20 (America/Los_Angeles)"]);
  });

  it("refuses bad report input with 422 and changes nothing", async () => {
    const before = await prisma.reportDefinition.count({ where: { eventId } });
    const bad = await callRoute(pdfRoute.POST, "/api/reports/pdf", { method: "POST", cookie: rep1.cookie, body: { eventId, sections: ["nope"] } });
    expect(bad.status).toBe(422);
    const unknownField = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie: rep1.cookie, body: { eventId, name: "x", config: {}, extra: 1 } });
    expect(unknownField.status).toBe(422);
    const badRange = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie: rep1.cookie, body: { eventId, name: "x", config: { filters: { from: "2026-02-01", to: "2026-01-01" } } } });
    expect(badRange.status).toBe(422);
    expect(await prisma.reportDefinition.count({ where: { eventId } })).toBe(before);
  });

  it("saves, lists, updates and deletes definitions with an activity each; only owner or admin may change", async () => {
    const created = await callRoute(reportsRoute.POST, "/api/reports", {
      method: "POST", cookie: rep1.cookie, body: { eventId, name: "Tier A weekly", config: { sections: ["summary", "funnel"], filters: { tiers: ["A"] } } },
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    const row = await prisma.reportDefinition.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Tier A weekly", ownerId: rep1.id, eventId });
    expect(row.config).toMatchObject({ sections: ["summary", "funnel"], filters: { tiers: ["A"] } });
    expect(await prisma.activity.count({ where: { entityType: "report", entityId: id, type: "report.created", actorId: rep1.id } })).toBe(1);

    const list = await callRoute(reportsRoute.GET, "/api/reports", { cookie: rep2.cookie, query: { eventId } });
    expect(list.json.data).toMatchObject({ total: 1, page: 1, hasMore: false });

    const forbidden = await callRoute(reportRoute.PATCH, `/api/reports/${id}`, { method: "PATCH", cookie: rep2.cookie, params: { id }, body: { name: "Mine now" } });
    expect(forbidden.status).toBe(403);
    const renamed = await callRoute(reportRoute.PATCH, `/api/reports/${id}`, { method: "PATCH", cookie: admin.cookie, params: { id }, body: { name: "Tier A (admin)" } });
    expect(renamed.status).toBe(200);
    expect((await prisma.reportDefinition.findUniqueOrThrow({ where: { id } })).name).toBe("Tier A (admin)");

    // Re-running the saved definition gives the dashboard's tier-A numbers.
    const saved = await callRoute(reportRoute.GET, `/api/reports/${id}`, { cookie: rep2.cookie, params: { id } });
    const rerun = await callRoute(pdfRoute.POST, "/api/reports/pdf", { method: "POST", cookie: rep2.cookie, body: { eventId, format: "json", ...saved.json.data.config } });
    expect(rerun.json.data.metrics.outreach).toMatchObject({ sent: 4, opened: 3 });

    const deleted = await callRoute(reportRoute.DELETE, `/api/reports/${id}`, { method: "DELETE", cookie: rep1.cookie, params: { id } });
    expect(deleted.status).toBe(200);
    expect(await prisma.reportDefinition.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.activity.count({ where: { entityId: id, type: "report.deleted" } })).toBe(1);
  });
});

describe("activity feed", () => {
  it("filters by type, actor, account and name", async () => {
    const all = await callRoute(activitiesRoute.GET, "/api/activities", { cookie: rep1.cookie, query: { eventId } });
    expect(all.status).toBe(200);
    const base = all.json.data.total as number;
    expect(base).toBeGreaterThanOrEqual(2);
    const byType = await callRoute(activitiesRoute.GET, "/api/activities", { cookie: rep1.cookie, query: { eventId, type: "meeting." } });
    expect(byType.json.data.items.map((a: { type: string }) => a.type)).toEqual(["meeting.completed"]);
    const system = await callRoute(activitiesRoute.GET, "/api/activities", { cookie: rep1.cookie, query: { eventId, actorId: "system" } });
    expect(system.json.data.items.every((a: { actor: unknown }) => a.actor === null)).toBe(true);
    expect(system.json.data.items.some((a: { type: string }) => a.type === "outreach.replied")).toBe(true);
    const byAccount = await callRoute(activitiesRoute.GET, "/api/activities", { cookie: rep1.cookie, query: { eventId, accountId: ids.A1 } });
    expect(byAccount.json.data.total).toBe(2);
    const byName = await callRoute(activitiesRoute.GET, "/api/activities", { cookie: rep1.cookie, query: { eventId, q: "p1 fix", pageSize: "1" } });
    expect(byName.json.data).toMatchObject({ total: 2, pageSize: 1, hasMore: true });
  });
});
