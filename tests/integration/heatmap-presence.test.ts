import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { getEngagementHeatmap } from "@/server/analytics/heatmap";
import { listOnline, recordHeartbeat } from "@/server/presence/service";
import * as heatmapRoute from "@/app/api/analytics/heatmap/route";
import * as presenceRoute from "@/app/api/presence/route";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser, signedInUser } from "../helpers/factories";

async function eventWithEngagement(timeZone: string) {
  const event = await createEvent({ timeZone });
  const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Heat Freight", normalizedName: "heat freight" } });
  const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "Hana", name: "Hana Heat" } });
  const at = new Date("2026-01-06T23:30:00Z"); // a Tuesday evening in UTC
  const outreach = await prisma.outreach.create({
    data: { eventId: event.id, personId: person.id, accountId: account.id, message: "Hi", status: "SENT", sentAt: new Date("2026-01-06T20:00:00Z"), openedAt: at, repliedAt: at },
  });
  await prisma.emailEvent.createMany({
    data: [
      { outreachId: outreach.id, type: "open", occurredAt: at },
      { outreachId: outreach.id, type: "click", occurredAt: at },
      // A privacy proxy's open at the same moment never counts.
      { outreachId: outreach.id, type: "open", occurredAt: at, isMachine: true },
      // A bounce is not engagement.
      { outreachId: outreach.id, type: "bounce", occurredAt: at },
    ],
  });
  return { event, account };
}

describe("engagement heatmap", () => {
  it("buckets an open at 23:30 UTC on the event's local weekday and hour", async () => {
    const la = await eventWithEngagement("America/Los_Angeles");
    const tokyo = await eventWithEngagement("Asia/Tokyo");
    const laHeat = await getEngagementHeatmap(la.event);
    const tokyoHeat = await getEngagementHeatmap(tokyo.event);
    const nonEmpty = (h: typeof laHeat) => h.weekdayHour.filter((c) => c.total > 0);
    // Los Angeles (UTC-8 in January): Tuesday 15:30 → Tue, hour 15.
    expect(nonEmpty(laHeat)).toEqual([{ weekday: 1, hour: 15, opens: 1, clicks: 1, replies: 1, total: 3 }]);
    // Tokyo (UTC+9): already Wednesday 08:30 → Wed, hour 8.
    expect(nonEmpty(tokyoHeat)).toEqual([{ weekday: 2, hour: 8, opens: 1, clicks: 1, replies: 1, total: 3 }]);
    expect(laHeat.totals).toEqual({ opens: 1, clicks: 1, replies: 1 });
    expect(laHeat.bestTimes).toEqual([{ weekday: 1, hour: 15, score: 6, label: "Tue 3 pm–4 pm" }]);
    // Weeks start on the local Monday: Mon 5 Jan in LA, and also in Tokyo (Wed 7 Jan's week).
    expect(laHeat.weeks).toEqual(["2026-01-05"]);
    expect(tokyoHeat.accountWeek).toEqual([{ accountId: tokyo.account.id, accountName: "Heat Freight", total: 3, weeks: { "2026-01-05": 3 } }]);
  });

  it("respects the from/to range (local dates) through the API", async () => {
    const { event } = await eventWithEngagement("Asia/Tokyo");
    const { cookie } = await signedInUser();
    // In Tokyo the engagement is on 7 Jan local: a range ending 7 Jan (exclusive) excludes it.
    const before = await callRoute(heatmapRoute.GET, "/api/analytics/heatmap", { cookie, query: { eventId: event.id, to: "2026-01-07" } });
    expect(before.status).toBe(200);
    expect(before.json.data.totals).toEqual({ opens: 0, clicks: 0, replies: 0 });
    const on = await callRoute(heatmapRoute.GET, "/api/analytics/heatmap", { cookie, query: { eventId: event.id, from: "2026-01-07", to: "2026-01-08" } });
    expect(on.json.data.totals).toEqual({ opens: 1, clicks: 1, replies: 1 });
    expect(on.json.data.weekdayHour).toHaveLength(7 * 24);
    const bad = await callRoute(heatmapRoute.GET, "/api/analytics/heatmap", { cookie, query: { eventId: event.id, from: "yesterday" } });
    expect(bad.status).toBe(422);
  });
});

describe("team presence", () => {
  it("records heartbeats, answers who is on a record, and drops users after 2 minutes", async () => {
    const a = await signedInUser();
    const b = await signedInUser();
    const res = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: a.cookie, body: { path: "/dashboard/accounts/acc-1", entityType: "account", entityId: "acc-1" } });
    expect(res.status).toBe(200);
    expect(res.json.data.online).toEqual([expect.objectContaining({ userId: a.user.id, isMe: true, entityId: "acc-1" })]);
    const seen = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: b.cookie, body: { path: "/dashboard/accounts/acc-1", entityType: "account", entityId: "acc-1" } });
    expect(seen.json.data.online.map((o: { userId: string }) => o.userId).sort()).toEqual([a.user.id, b.user.id].sort());

    // The header's heartbeat (same path, no record) keeps the record the detail page reported.
    await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: a.cookie, body: { path: "/dashboard/accounts/acc-1" } });
    expect(await prisma.presence.findUnique({ where: { userId: a.user.id } })).toMatchObject({ entityType: "account", entityId: "acc-1" });
    // Moving to another page clears it.
    await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: a.cookie, body: { path: "/dashboard/people" } });
    expect(await prisma.presence.findUnique({ where: { userId: a.user.id } })).toMatchObject({ path: "/dashboard/people", entityType: null, entityId: null });

    const onRecord = await callRoute(presenceRoute.GET, "/api/presence", { cookie: a.cookie, query: { entityType: "account", entityId: "acc-1" } });
    expect(onRecord.json.data.online).toEqual([expect.objectContaining({ userId: b.user.id, isMe: false, path: "/dashboard/accounts/acc-1" })]);

    // Online = a heartbeat within 2 minutes.
    const later = new Date(Date.now() + 121_000);
    expect((await listOnline(a.user.id, { entityType: "account", entityId: "acc-1" }, later)).map((o) => o.userId)).toEqual([]);
    await recordHeartbeat(b.user.id, { path: "/dashboard" }, later);
    expect((await listOnline(a.user.id, { path: "/dashboard" }, later)).map((o) => o.userId)).toEqual([b.user.id]);
  });

  it("refuses a malformed heartbeat and hides disabled users", async () => {
    const a = await signedInUser();
    const bad = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: a.cookie, body: { path: "not-a-path" } });
    expect(bad.status).toBe(422);
    const extra = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie: a.cookie, body: { path: "/x", userId: "someone-else" } });
    expect(extra.status).toBe(422);
    const gone = await createUser({ disabledAt: new Date() });
    await recordHeartbeat(gone.id, { path: "/dashboard/hidden-room" });
    await createSession(gone.id);
    expect(await listOnline(a.user.id, { path: "/dashboard/hidden-room" })).toEqual([]);
  });
});
