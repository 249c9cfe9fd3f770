import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as peopleRoute from "@/app/api/people/route";
import * as personRoute from "@/app/api/people/[id]/route";
import * as bulkRoute from "@/app/api/people/bulk/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

let cookie: string;
let userId: string;
let eventId: string;
let accountA: string;
let accountB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  eventId = (await createEvent()).id;
  const signed = await signedInUser("REP", { eventId });
  cookie = signed.cookie;
  userId = signed.user.id;
  accountA = (await prisma.targetAccount.create({ data: { eventId, name: "Zephyr Freight", normalizedName: "zephyr freight", tier: "A", icpScore: 88 } })).id;
  accountB = (await prisma.targetAccount.create({ data: { eventId, name: "Yonder Retail", normalizedName: "yonder retail", tier: "C", icpScore: 44 } })).id;
  await prisma.companyDossier.create({ data: { accountId: accountA, summary: "Big freight network", painPoints: ["Detention fees"] } });
  const rows = [
    { key: "vp", firstName: "Vera", lastName: "Ops", title: "VP Operations", email: "vera@zephyr.test", isExecOps: true, accountId: accountA, icpScore: 92 },
    { key: "mgr", firstName: "Milo", lastName: "Yard", title: "Yard Manager", email: "milo@zephyr.test", isOps: true, accountId: accountA, icpScore: 70, assignedToId: userId },
    { key: "buyer", firstName: "Bea", lastName: "Buyer", title: "Procurement Lead", email: null, isProc: true, accountId: accountB, icpScore: 40 },
    { key: "solo", firstName: "Sol", lastName: "Nobody", title: "Consultant", email: "sol@free.test", isNonOps: true, accountId: null, icpScore: null },
  ];
  for (const { key, ...r } of rows) {
    const p = await prisma.person.create({ data: { ...r, eventId, name: `${r.firstName} ${r.lastName}` } });
    ids[key] = p.id;
  }
  await prisma.insight.create({ data: { personId: ids.vp, accountId: accountA, content: "Ask about the new Dallas DC", confidence: 0.9 } });
});

const list = (query: Record<string, string>) => callRoute(peopleRoute.GET, "/api/people", { cookie, query: { eventId, ...query } });
const names = async (q: Record<string, string>) => (await list(q)).json.data.items.map((p: { name: string }) => p.name);

describe("GET /api/people", () => {
  it("needs a session", async () => {
    expect((await callRoute(peopleRoute.GET, "/api/people")).status).toBe(401);
  });

  it("sorts by ICP score by default, unscored last, with the account", async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ total: 4, hasMore: false });
    expect(res.json.data.items.map((p: { name: string }) => p.name)).toEqual(["Vera Ops", "Milo Yard", "Bea Buyer", "Sol Nobody"]);
    expect(res.json.data.items[0].account).toMatchObject({ name: "Zephyr Freight", tier: "A" });
  });

  it("filters by persona, account, tier, rep, email, ICP range and search", async () => {
    expect(await names({ persona: "isExecOps,isProc" })).toEqual(["Vera Ops", "Bea Buyer"]);
    expect(await names({ accountId: accountA })).toEqual(["Vera Ops", "Milo Yard"]);
    expect(await names({ tier: "C" })).toEqual(["Bea Buyer"]);
    expect(await names({ assignedTo: "me" })).toEqual(["Milo Yard"]);
    expect(await names({ hasEmail: "false" })).toEqual(["Bea Buyer"]);
    expect(await names({ hasEmail: "true" })).toHaveLength(3);
    expect(await names({ icpMin: "60", icpMax: "80" })).toEqual(["Milo Yard"]);
    expect(await names({ q: "yonder" })).toEqual(["Bea Buyer"]);
    expect(await names({ q: "yard manager" })).toEqual(["Milo Yard"]);
  });

  it("searches name, email, title and the account's name, alone or with filters that read the account", async () => {
    expect(await names({ q: "bea" })).toEqual(["Bea Buyer"]); // name
    expect(await names({ q: "@free.te" })).toEqual(["Sol Nobody"]); // email
    expect(await names({ q: "consult" })).toEqual(["Sol Nobody"]); // title
    expect(await names({ q: "zephyr" })).toEqual(["Vera Ops", "Milo Yard"]); // the account's name (and the emails)
    expect(await names({ q: "freight" })).toEqual(["Vera Ops", "Milo Yard"]); // the account's name only
    expect(await names({ q: "freight", tier: "A", sort: "name", dir: "asc" })).toEqual(["Milo Yard", "Vera Ops"]);
    expect(await names({ q: "freight", tier: "C" })).toEqual([]);
    expect(await names({ q: "100%_" })).toEqual([]); // LIKE's wildcards are matched literally
  });

  it("counts a search's matches up to 1,000 and says there are more", async () => {
    const crowded = (await createEvent()).id;
    await prisma.person.createMany({ data: Array.from({ length: 1002 }, (_, i) => ({ eventId: crowded, firstName: "Dana", lastName: `Reyes ${i}`, name: `Dana Reyes ${i}` })) });
    expect((await list({ eventId: crowded, q: "dana" })).json.data).toMatchObject({ total: 1000, moreThanTotal: true, hasMore: true });
    expect((await list({ eventId: crowded, q: "reyes 10" })).json.data).toMatchObject({ total: 13, moreThanTotal: false, hasMore: false });
    expect((await list({ eventId: crowded })).json.data).toMatchObject({ total: 1002, moreThanTotal: false });
  });

  it("counts matches of the account's name up to 1,000 too, and pages past the cap exactly", async () => {
    const crowded = (await createEvent()).id;
    const haulers = await prisma.targetAccount.create({ data: { eventId: crowded, name: "Crowded Haulers", normalizedName: "crowded haulers", tier: "B" } });
    await prisma.person.createMany({ data: Array.from({ length: 1002 }, (_, i) => ({ eventId: crowded, accountId: haulers.id, firstName: "Ana", lastName: `Lee ${i}`, name: `Ana Lee ${i}` })) });
    const first = (await list({ eventId: crowded, q: "haulers" })).json.data;
    expect(first).toMatchObject({ total: 1000, moreThanTotal: true, hasMore: true });
    expect(first.items).toHaveLength(50);
    expect(new Set(first.items.map((p: { account: { name: string } }) => p.account.name))).toEqual(new Set(["Crowded Haulers"]));
    // The last page reaches past the cap: every match is counted, exactly.
    const last = (await list({ eventId: crowded, q: "haulers", page: "21", pageSize: "50" })).json.data;
    expect(last).toMatchObject({ total: 1002, moreThanTotal: false, hasMore: false });
    expect(last.items).toHaveLength(2);
    expect((await list({ eventId: crowded, q: "haulers", tier: "A" })).json.data).toMatchObject({ total: 0, items: [] });
  });

  it("sorts by name and account", async () => {
    expect(await names({ sort: "name", dir: "asc" })).toEqual(["Bea Buyer", "Milo Yard", "Sol Nobody", "Vera Ops"]);
    const byAccount = await names({ sort: "account", dir: "asc" });
    expect(byAccount[0]).toBe("Bea Buyer");
  });

  it("refuses bad filters with 422", async () => {
    const res = await list({ persona: "isPirate", hasEmail: "maybe" });
    expect(res.status).toBe(422);
    expect(res.json.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["persona.0", "hasEmail"]));
  });
});

describe("/api/people/:id", () => {
  it("returns the person with account, dossier and insights; 404 when unknown", async () => {
    const res = await callRoute(personRoute.GET, "/api/people/x", { cookie, params: { id: ids.vp } });
    expect(res.status).toBe(200);
    expect(res.json.data.account.name).toBe("Zephyr Freight");
    expect(res.json.data.account.dossier.summary).toBe("Big freight network");
    expect(res.json.data.insights.map((i: { content: string }) => i.content)).toEqual(["Ask about the new Dallas DC"]);
    const solo = await callRoute(personRoute.GET, "/api/people/x", { cookie, params: { id: ids.solo } });
    expect(solo.json.data.account).toBeNull();
    expect((await callRoute(personRoute.GET, "/api/people/x", { cookie, params: { id: "missing" } })).status).toBe(404);
  });

  it("creates a person at an account and logs it", async () => {
    const res = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { eventId, firstName: "Nia", lastName: "New", email: "NIA@Zephyr.test", accountId: accountA, isOps: true } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Nia New", email: "nia@zephyr.test", accountId: accountA });
    expect(await prisma.activity.count({ where: { type: "person.created", personId: res.json.data.id } })).toBe(1);
    const dup = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { eventId, firstName: "Nia", email: "nia@zephyr.test" } });
    expect(dup.status).toBe(409);
    const bad = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { eventId, firstName: "", email: "nope", linkedin: "javascript:alert(1)" } });
    expect(bad.status).toBe(422);
    expect(bad.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "firstName", "linkedin"]);
    const otherEvent = await createEvent();
    const foreign = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { eventId: otherEvent.id, firstName: "X", accountId: accountA } });
    expect(foreign.status).toBe(422);
  });

  it("updates fields, keeps the full name in step, and logs the change", async () => {
    const res = await callRoute(personRoute.PATCH, "/api/people/x", { method: "PATCH", cookie, params: { id: ids.mgr }, body: { lastName: "Yardley", title: "Director, Yard Operations" } });
    expect(res.status).toBe(200);
    const row = await prisma.person.findUniqueOrThrow({ where: { id: ids.mgr } });
    expect(row).toMatchObject({ name: "Milo Yardley", title: "Director, Yard Operations" });
    const activity = await prisma.activity.findFirst({ where: { type: "person.updated", personId: ids.mgr } });
    expect(activity?.metadata).toMatchObject({ changes: { lastName: { from: "Yard", to: "Yardley" } } });
    const bad = await callRoute(personRoute.PATCH, "/api/people/x", { method: "PATCH", cookie, params: { id: ids.mgr }, body: { email: "not-an-email" } });
    expect(bad.status).toBe(422);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: ids.mgr } })).email).toBe("milo@zephyr.test");
  });

  it("deletes a person and logs it", async () => {
    const p = await prisma.person.create({ data: { eventId, firstName: "Temp", name: "Temp", accountId: accountB, assignedToId: userId } });
    const res = await callRoute(personRoute.DELETE, "/api/people/x", { method: "DELETE", cookie, params: { id: p.id } });
    expect(res.status).toBe(200);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ deletedAt: expect.any(Date), deletionId: res.json.data.deletionId });
    expect(await prisma.activity.count({ where: { type: "person.deleted", entityId: p.id, accountId: accountB } })).toBe(1);
    expect((await callRoute(personRoute.DELETE, "/api/people/x", { method: "DELETE", cookie, params: { id: p.id } })).status).toBe(404);
  });
});

describe("POST /api/people/bulk", () => {
  it("assigns and deletes many people, changing nothing on an unknown id", async () => {
    const a = await callRoute(bulkRoute.POST, "/api/people/bulk", { method: "POST", cookie, body: { action: "assign", ids: [ids.vp, ids.buyer], assignedToId: userId } });
    expect(a.json.data).toEqual({ action: "assign", count: 2 });
    expect(await prisma.person.count({ where: { id: { in: [ids.vp, ids.buyer] }, assignedToId: userId } })).toBe(2);
    const none = await callRoute(bulkRoute.POST, "/api/people/bulk", { method: "POST", cookie, body: { action: "delete", ids: [ids.solo, "missing"] } });
    expect(none.status).toBe(404);
    expect(await prisma.person.count({ where: { id: ids.solo } })).toBe(1);
    await prisma.person.update({ where: { id: ids.solo }, data: { assignedToId: userId } });
    const del = await callRoute(bulkRoute.POST, "/api/people/bulk", { method: "POST", cookie, body: { action: "delete", ids: [ids.solo] } });
    expect(del.status).toBe(200);
    expect(await prisma.person.count({ where: { id: ids.solo, deletedAt: null } })).toBe(0);
    expect(await prisma.activity.count({ where: { type: "person.deleted", entityId: ids.solo } })).toBe(1);
  });
});

describe("lawful basis and source", () => {
  it("defaults to legitimate interest, is set in bulk with an activity each, and filters the list", async () => {
    const created = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { firstName: "Lia", lastName: "Basis", email: "lia@basis.test", eventId } });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ lawfulBasis: "LEGITIMATE_INTEREST", dataSource: "MANUAL" });
    const set = await callRoute(bulkRoute.POST, "/api/people/bulk", { method: "POST", cookie, body: { action: "lawful_basis", ids: [ids.vp, created.json.data.id], lawfulBasis: "CONSENT" } });
    expect(set.json.data).toEqual({ action: "lawful_basis", count: 2 });
    expect(await prisma.activity.count({ where: { entityId: ids.vp, description: { contains: "set the lawful basis of Vera Ops to consent" } } })).toBe(1);
    expect((await names({ lawfulBasis: "CONSENT" })).sort()).toEqual(["Lia Basis", "Vera Ops"]);
    expect(await names({ lawfulBasis: "CONSENT", dataSource: "IMPORT" })).toEqual([]);
    const wrong = await callRoute(bulkRoute.POST, "/api/people/bulk", { method: "POST", cookie, body: { action: "lawful_basis", ids: [ids.vp], lawfulBasis: "MAYBE" } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.details).toEqual([{ path: "lawfulBasis", message: "Pick legitimate interest, consent or customer", code: "invalid_value" }]);
  });
});
