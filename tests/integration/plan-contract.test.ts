import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as peopleRoute from "@/app/api/people/route";
import * as accountsRoute from "@/app/api/accounts/route";
import * as exportRoute from "@/app/api/export/full/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

// The sprint plan's own API contract: clients written against the plan keep working — a person
// by one `name`, lists paged by limit/offset, and the full export by POST — adapted only for
// our response envelope ({ success, data }).
let eventId: string;
let repCookie: string;
let adminCookie: string;
let accountId: string;

beforeAll(async () => {
  eventId = (await createEvent()).id;
  repCookie = (await signedInUser("REP", { eventId })).cookie;
  adminCookie = (await signedInUser("ADMIN", { eventId })).cookie;
  accountId = (await prisma.targetAccount.create({ data: { eventId, name: "Plan Freight", normalizedName: "plan freight", tier: "B", icpScore: 65 } })).id;
  for (const [i, name] of ["Alpha Freight", "Bravo Freight", "Charlie Freight", "Delta Freight"].entries()) {
    await prisma.targetAccount.create({ data: { eventId, name, normalizedName: name.toLowerCase(), tier: "C", icpScore: 50 - i } });
  }
});

describe("the plan's API contract", () => {
  it("POST /api/people takes {name, email, accountId} and splits the name", async () => {
    const res = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie: repCookie, query: { eventId }, body: { name: "John  Doe Smith", email: "john.doe@plan.test", accountId } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ firstName: "John", lastName: "Doe Smith", name: "John Doe Smith", email: "john.doe@plan.test", accountId });
    const single = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie: repCookie, query: { eventId }, body: { name: "Cher" } });
    expect(single.status).toBe(201);
    expect(single.json.data).toMatchObject({ firstName: "Cher", lastName: "" });
  });

  it("refuses a person with both name and firstName, or with neither, and creates nothing", async () => {
    const before = await prisma.person.count({ where: { eventId } });
    const both = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie: repCookie, query: { eventId }, body: { name: "Jane Roe", firstName: "Jane" } });
    expect(both.status).toBe(422);
    expect(JSON.stringify(both.json.details)).toContain("Send either name or firstName and lastName, not both");
    const neither = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie: repCookie, query: { eventId }, body: { email: "x@plan.test" } });
    expect(neither.status).toBe(422);
    expect(JSON.stringify(neither.json.details)).toContain("Enter a first name");
    expect(await prisma.person.count({ where: { eventId } })).toBe(before);
  });

  it("pages lists by limit/offset as well as page/pageSize, and answers in both vocabularies", async () => {
    const all = await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, sort: "name", dir: "asc", pageSize: "200" } });
    const names: string[] = all.json.data.items.map((a: { name: string }) => a.name);
    expect(names).toHaveLength(5);
    const window = await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, sort: "name", dir: "asc", limit: "2", offset: "1" } });
    expect(window.status).toBe(200);
    expect(window.json.data.items.map((a: { name: string }) => a.name)).toEqual(names.slice(1, 3));
    expect(window.json.data).toMatchObject({ total: 5, limit: 2, offset: 1, hasMore: true });
    const last = await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, sort: "name", dir: "asc", limit: "2", offset: "4" } });
    expect(last.json.data.items.map((a: { name: string }) => a.name)).toEqual(names.slice(4));
    expect(last.json.data.hasMore).toBe(false);
    const paged = await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, sort: "name", dir: "asc", page: "2", pageSize: "2" } });
    expect(paged.json.data).toMatchObject({ page: 2, pageSize: 2, limit: 2, offset: 2 });
    expect((await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, limit: "0" } })).status).toBe(422);
    expect((await callRoute(accountsRoute.GET, "/api/accounts", { cookie: repCookie, query: { eventId, offset: "-1" } })).status).toBe(422);
  });

  it("POST /api/export/full exports like GET, for admins only", async () => {
    const res = await callRoute(exportRoute.POST, "/api/export/full", { method: "POST", cookie: adminCookie, query: { eventId }, body: { format: "json", entity: "accounts" } });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Plan Freight");
    const rep = await callRoute(exportRoute.POST, "/api/export/full", { method: "POST", cookie: repCookie, query: { eventId }, body: { format: "json", entity: "accounts" } });
    expect(rep.status).toBe(403);
    const bad = await callRoute(exportRoute.POST, "/api/export/full", { method: "POST", cookie: adminCookie, query: { eventId }, body: { format: "xlsx" } });
    expect(bad.status).toBe(422);
  });
});
