import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as accountsRoute from "@/app/api/accounts/route";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as bulkRoute from "@/app/api/accounts/bulk/route";
import * as viewsRoute from "@/app/api/saved-views/route";
import * as viewRoute from "@/app/api/saved-views/[id]/route";
import { callRoute } from "../helpers/request";
import { actorFor, createEvent, signedInUser } from "../helpers/factories";

let cookie: string;
let userId: string;
let eventId: string;
let otherEventId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const event = await createEvent();
  const other = await createEvent();
  const signed = await signedInUser("REP", { eventId: event.id });
  cookie = signed.cookie;
  userId = signed.user.id;
  eventId = event.id;
  otherEventId = other.id;
  const rows = [
    { key: "acme", name: "Acme Logistics", domain: "acme-logistics.test", industry: "Third-Party Logistics", tier: "A", status: "ENGAGED", icpScore: 91, employeeCount: 9000 },
    { key: "bolt", name: "Bolt Retail", domain: "boltretail.test", industry: "Retail", tier: "B", status: "PROSPECTING", icpScore: 67, employeeCount: 3000, assignedToId: userId },
    { key: "cedar", name: "Cedar Foods", domain: "cedarfoods.test", industry: "Food & Beverage", tier: "C", status: "PROSPECTING", icpScore: 45, employeeCount: 400 },
    { key: "dune", name: "Dune Manufacturing", domain: null, industry: "Manufacturing", tier: "D", status: "LOST", icpScore: null, employeeCount: null },
  ] as const;
  for (const r of rows) {
    const { key, ...data } = r;
    const a = await prisma.targetAccount.create({ data: { ...data, eventId, normalizedName: data.name.toLowerCase() } });
    ids[key] = a.id;
  }
  // Same names in another event must never show up.
  await prisma.targetAccount.create({ data: { eventId: otherEventId, name: "Acme Logistics", normalizedName: "acme logistics", tier: "A", icpScore: 99 } });
  await prisma.person.createMany({
    data: [
      { eventId, accountId: ids.acme, firstName: "Ann", lastName: "A", name: "Ann A" },
      { eventId, accountId: ids.acme, firstName: "Ben", lastName: "B", name: "Ben B" },
      { eventId, accountId: ids.bolt, firstName: "Cy", lastName: "C", name: "Cy C" },
    ],
  });
});

const list = (query: Record<string, string>) => callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { eventId, ...query } });

describe("GET /api/accounts", () => {
  it("needs a session", async () => {
    expect((await callRoute(accountsRoute.GET, "/api/accounts")).status).toBe(401);
  });

  it("lists the event's accounts by ICP score, unscored last, with people counts", async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    const data = res.json.data;
    expect(data).toMatchObject({ total: 4, page: 1, pageSize: 50, hasMore: false });
    expect(data.items.map((a: { name: string }) => a.name)).toEqual(["Acme Logistics", "Bolt Retail", "Cedar Foods", "Dune Manufacturing"]);
    expect(data.items[0].peopleCount).toBe(2);
    expect(data.items[1].assignedTo.id).toBe(userId);
  });

  it("filters by tier, status, industry, ICP range, rep and free text", async () => {
    const names = async (q: Record<string, string>) => (await list(q)).json.data.items.map((a: { name: string }) => a.name);
    expect(await names({ tier: "A,B" })).toEqual(["Acme Logistics", "Bolt Retail"]);
    expect(await names({ status: "PROSPECTING" })).toEqual(["Bolt Retail", "Cedar Foods"]);
    expect(await names({ industry: "retail" })).toEqual(["Bolt Retail"]);
    expect(await names({ icpMin: "50", icpMax: "95" })).toEqual(["Acme Logistics", "Bolt Retail"]);
    expect(await names({ assignedTo: "me" })).toEqual(["Bolt Retail"]);
    expect(await names({ assignedTo: "unassigned" })).toHaveLength(3);
    expect(await names({ q: "FOODS" })).toEqual(["Cedar Foods"]);
    expect(await names({ q: "boltretail.te" })).toEqual(["Bolt Retail"]);
    expect(await names({ q: "manufact" })).toEqual(["Dune Manufacturing"]);
    // Name, domain and industry are searched as one text, but a term never spans two of them
    // ("Bolt Retail" + "boltretail.test"; "Dune Manufacturing" + its industry).
    expect(await names({ q: "retailbolt" })).toEqual([]);
    expect(await names({ q: "testretail" })).toEqual([]);
  });

  it("sorts by any column and paginates", async () => {
    const byName = await list({ sort: "name", dir: "asc", pageSize: "2" });
    expect(byName.json.data).toMatchObject({ total: 4, hasMore: true });
    expect(byName.json.data.items.map((a: { name: string }) => a.name)).toEqual(["Acme Logistics", "Bolt Retail"]);
    const page2 = await list({ sort: "name", dir: "asc", pageSize: "2", page: "2" });
    expect(page2.json.data.items.map((a: { name: string }) => a.name)).toEqual(["Cedar Foods", "Dune Manufacturing"]);
    expect(page2.json.data.hasMore).toBe(false);
    const byPeople = await list({ sort: "people", dir: "desc" });
    expect(byPeople.json.data.items.map((a: { peopleCount: number }) => a.peopleCount)).toEqual([2, 1, 0, 0]);
    const byIcpAsc = await list({ sort: "icpScore", dir: "asc" });
    expect(byIcpAsc.json.data.items.map((a: { icpScore: number | null }) => a.icpScore)).toEqual([45, 67, 91, null]);
  });

  it("counts a search's matches up to 1,000 and says there are more; filters count exactly", async () => {
    const crowded = (await createEvent()).id;
    await prisma.targetAccount.createMany({
      data: Array.from({ length: 1003 }, (_, i) => ({ eventId: crowded, name: `Harbor Freight ${String(i).padStart(4, "0")}`, normalizedName: `harbor freight ${i}`, tier: "B" as const })),
    });
    const search = (query: Record<string, string>) => list({ eventId: crowded, q: "harbor", sort: "name", dir: "asc", ...query });
    const first = (await search({})).json.data;
    expect(first).toMatchObject({ total: 1000, moreThanTotal: true, hasMore: true, page: 1 });
    expect(first.items[0].name).toBe("Harbor Freight 0000");
    // The last page inside the cap still knows there is a next one.
    expect((await search({ page: "20" })).json.data).toMatchObject({ total: 1000, moreThanTotal: true, hasMore: true });
    // Past the cap the count reaches the end of the window asked for, so the last page is exact.
    const last = (await search({ page: "21" })).json.data;
    expect(last).toMatchObject({ total: 1003, moreThanTotal: false, hasMore: false });
    expect(last.items.map((a: { name: string }) => a.name)).toEqual(["Harbor Freight 1000", "Harbor Freight 1001", "Harbor Freight 1002"]);
    // A narrower search, and a filter without search text, are counted exactly.
    expect((await search({ q: "freight 09" })).json.data).toMatchObject({ total: 100, moreThanTotal: false, hasMore: true });
    expect((await list({ eventId: crowded, tier: "B" })).json.data).toMatchObject({ total: 1003, moreThanTotal: false });
  });

  it("offers the event's distinct industries as filter options, sorted, without the trashed accounts' or other events'", async () => {
    const { accountFilterOptions } = await import("@/server/accounts/service");
    const event = await createEvent();
    const industries = ["Retail", "Freight", "Freight", null, "", "Cold Storage"];
    for (const [i, industry] of industries.entries()) {
      await prisma.targetAccount.create({ data: { eventId: event.id, name: `Option ${i}`, normalizedName: `option ${i}`, industry } });
    }
    await prisma.targetAccount.create({ data: { eventId: event.id, name: "Trashed", normalizedName: "trashed", industry: "Zinc Mining", deletedAt: new Date() } });
    await prisma.targetAccount.create({ data: { eventId: otherEventId, name: "Elsewhere", normalizedName: "elsewhere", industry: "Aerospace" } });
    const actor = await actorFor({ id: userId }, event.id);
    expect((await accountFilterOptions(actor)).industries).toEqual(["Cold Storage", "Freight", "Retail"]);
  });

  it("refuses bad filters with 422 and details", async () => {
    const res = await list({ tier: "Z", sort: "bogus", icpMin: "101" });
    expect(res.status).toBe(422);
    const paths = res.json.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["tier.0", "sort", "icpMin"]));
    expect((await list({ icpMin: "80", icpMax: "20" })).status).toBe(422);
    expect((await list({ unknown: "1" })).status).toBe(422);
  });

  it("answers 404 for an unknown event", async () => {
    expect((await list({ eventId: "nope" })).status).toBe(404);
  });
});

describe("POST /api/accounts and /api/accounts/:id", () => {
  it("creates an account and logs it", async () => {
    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { eventId, name: "Evergreen Freight, Inc.", domain: "https://www.Evergreen-Freight.test/about", revenue: 250000000, tier: "B" } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Evergreen Freight, Inc.", domain: "evergreen-freight.test", revenue: 250000000, tier: "B", normalizedName: "evergreen freight" });
    const row = await prisma.targetAccount.findUniqueOrThrow({ where: { id: res.json.data.id } });
    expect(row.revenue).toBe(250000000n);
    const activity = await prisma.activity.findFirst({ where: { type: "account.created", accountId: row.id } });
    expect(activity?.actorId).toBe(userId);
  });

  it("refuses invalid and unknown fields with 422, and duplicates with 409", async () => {
    const bad = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { eventId, name: "", employeeCount: -5, domain: "not a domain", hack: 1 } });
    expect(bad.status).toBe(422);
    const dup = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { eventId, name: "Acme again", domain: "acme-logistics.test" } });
    expect(dup.status).toBe(409);
    expect(await prisma.targetAccount.count({ where: { eventId, name: "Acme again" } })).toBe(0);
  });

  it("returns the detail, 404 for an unknown id", async () => {
    const res = await callRoute(accountRoute.GET, "/api/accounts/x", { cookie, params: { id: ids.acme } });
    expect(res.status).toBe(200);
    expect(res.json.data.account.name).toBe("Acme Logistics");
    expect(res.json.data.people).toHaveLength(2);
    expect(res.json.data.account.dossier).toBeNull();
    expect((await callRoute(accountRoute.GET, "/api/accounts/x", { cookie, params: { id: "missing" } })).status).toBe(404);
  });

  it("updates fields, records what changed, and validates", async () => {
    const res = await callRoute(accountRoute.PATCH, "/api/accounts/x", { method: "PATCH", cookie, params: { id: ids.cedar }, body: { employeeCount: 1200, status: "ENGAGED", notes: "Met at the expo" } });
    expect(res.status).toBe(200);
    const row = await prisma.targetAccount.findUniqueOrThrow({ where: { id: ids.cedar } });
    expect(row).toMatchObject({ employeeCount: 1200, status: "ENGAGED", notes: "Met at the expo" });
    const activity = await prisma.activity.findFirst({ where: { type: "account.updated", accountId: ids.cedar }, orderBy: { createdAt: "desc" } });
    expect(activity?.metadata).toMatchObject({ changes: { employeeCount: { from: 400, to: 1200 }, status: { from: "PROSPECTING", to: "ENGAGED" } } });
    expect(row.lastActivityAt).not.toBeNull();

    const bad = await callRoute(accountRoute.PATCH, "/api/accounts/x", { method: "PATCH", cookie, params: { id: ids.cedar }, body: { tier: "Z", website: "ftp://x" } });
    expect(bad.status).toBe(422);
    expect(bad.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["tier", "website"]);
    const badRep = await callRoute(accountRoute.PATCH, "/api/accounts/x", { method: "PATCH", cookie, params: { id: ids.cedar }, body: { assignedToId: "nobody" } });
    expect(badRep.status).toBe(422);
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: ids.cedar } })).tier).toBe("C");
    expect((await callRoute(accountRoute.PATCH, "/api/accounts/x", { method: "PATCH", cookie, params: { id: "missing" }, body: { tier: "A" } })).status).toBe(404);
    expect((await callRoute(accountRoute.PATCH, "/api/accounts/x", { method: "PATCH", cookie, params: { id: ids.cedar }, body: {} })).status).toBe(422);
  });

  it("moves the account to the Trash, keeping its people unlinked, or with them on request", async () => {
    const a = await prisma.targetAccount.create({ data: { eventId, name: "Gone Soon", normalizedName: "gone soon", assignedToId: userId } });
    const p = await prisma.person.create({ data: { eventId, accountId: a.id, firstName: "Kept", name: "Kept" } });
    const res = await callRoute(accountRoute.DELETE, "/api/accounts/x", { method: "DELETE", cookie, params: { id: a.id } });
    expect(res.status).toBe(200);
    expect(await prisma.targetAccount.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ deletedAt: expect.any(Date), deletedById: userId, deletionId: res.json.data.deletionId });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: p.id } })).accountId).toBeNull();
    expect(await prisma.activity.count({ where: { type: "account.deleted", entityId: a.id } })).toBe(1);

    const b = await prisma.targetAccount.create({ data: { eventId, name: "Gone With People", normalizedName: "gone with people", assignedToId: userId } });
    const q = await prisma.person.create({ data: { eventId, accountId: b.id, firstName: "Goes", name: "Goes" } });
    const res2 = await callRoute(accountRoute.DELETE, "/api/accounts/x", { method: "DELETE", cookie, params: { id: b.id }, query: { deletePeople: "true" } });
    expect(res2.json.data).toEqual({ id: b.id, deleted: true, deletedPeople: 1, deletionId: expect.any(String) });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ deletedAt: expect.any(Date), deletionId: res2.json.data.deletionId });
    expect((await callRoute(accountRoute.DELETE, "/api/accounts/x", { method: "DELETE", cookie, params: { id: b.id } })).status).toBe(404);
  });
});

describe("POST /api/accounts/bulk", () => {
  it("assigns, sets tier and status for many accounts, one activity each", async () => {
    const targets = [ids.acme, ids.dune];
    const assign = await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "assign", ids: targets, assignedToId: userId } });
    expect(assign.status).toBe(200);
    expect(assign.json.data).toMatchObject({ action: "assign", count: 2 });
    expect(await prisma.targetAccount.count({ where: { id: { in: targets }, assignedToId: userId } })).toBe(2);
    await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "setTier", ids: targets, tier: "B" } });
    await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "setStatus", ids: targets, status: "WON" } });
    expect(await prisma.targetAccount.count({ where: { id: { in: targets }, tier: "B", status: "WON" } })).toBe(2);
    expect(await prisma.activity.count({ where: { accountId: ids.dune, type: "account.updated" } })).toBe(3);
  });

  it("changes nothing when one id is unknown or the action is invalid", async () => {
    const res = await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "setTier", ids: [ids.cedar, "missing"], tier: "A" } });
    expect(res.status).toBe(404);
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: ids.cedar } })).tier).toBe("C");
    expect((await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "explode", ids: [ids.cedar] } })).status).toBe(422);
    expect((await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "setTier", ids: [], tier: "A" } })).status).toBe(422);
  });

  it("deletes many accounts", async () => {
    const a = await prisma.targetAccount.create({ data: { eventId, name: "Bulk One", normalizedName: "bulk one", assignedToId: userId } });
    const b = await prisma.targetAccount.create({ data: { eventId, name: "Bulk Two", normalizedName: "bulk two", assignedToId: userId } });
    const res = await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie, body: { action: "delete", ids: [a.id, b.id] } });
    expect(res.json.data).toMatchObject({ count: 2, deletedPeople: 0 });
    expect(await prisma.targetAccount.count({ where: { id: { in: [a.id, b.id] }, deletedAt: null } })).toBe(0);
    expect(await prisma.activity.count({ where: { type: "account.deleted", entityId: { in: [a.id, b.id] } } })).toBe(2);
  });
});

describe("saved views", () => {
  it("saves, lists and deletes the caller's own views; others cannot see or delete them", async () => {
    const created = await callRoute(viewsRoute.POST, "/api/saved-views", { method: "POST", cookie, body: { scope: "accounts", name: "Hot A", query: "?tier=A&page=3&sort=icpScore" } });
    expect(created.status).toBe(201);
    expect(created.json.data.query).toBe("tier=A&sort=icpScore");
    const dup = await callRoute(viewsRoute.POST, "/api/saved-views", { method: "POST", cookie, body: { scope: "accounts", name: "Hot A", query: "" } });
    expect(dup.status).toBe(409);
    expect((await callRoute(viewsRoute.POST, "/api/saved-views", { method: "POST", cookie, body: { scope: "meetings", name: "x", query: "" } })).status).toBe(422);

    const listed = await callRoute(viewsRoute.GET, "/api/saved-views", { cookie, query: { scope: "accounts" } });
    expect(listed.json.data.map((v: { name: string }) => v.name)).toEqual(["Hot A"]);
    const other = await signedInUser("REP");
    expect((await callRoute(viewsRoute.GET, "/api/saved-views", { cookie: other.cookie, query: { scope: "accounts" } })).json.data).toEqual([]);
    expect((await callRoute(viewRoute.DELETE, "/api/saved-views/x", { method: "DELETE", cookie: other.cookie, params: { id: created.json.data.id } })).status).toBe(404);

    const del = await callRoute(viewRoute.DELETE, "/api/saved-views/x", { method: "DELETE", cookie, params: { id: created.json.data.id } });
    expect(del.status).toBe(200);
    expect(await prisma.savedView.count({ where: { id: created.json.data.id } })).toBe(0);
    expect(await prisma.activity.count({ where: { entityType: "saved_view", entityId: created.json.data.id } })).toBe(2);
  });
});
