import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as accountsRoute from "@/app/api/accounts/route";
import * as peopleRoute from "@/app/api/people/route";
import * as importRoute from "@/app/api/import/route";
import * as previewRoute from "@/app/api/import/preview/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

async function setup() {
  const event = await createEvent();
  const { user, cookie } = await signedInUser("REP");
  await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  return { event, user, cookie };
}

// Issue 16 item 10: new and imported records got no ICP score and no owner.
describe("new and imported records are owned and scored", () => {
  it("an account or person someone adds is theirs unless they assign it, and is scored at once", async () => {
    const { user, cookie } = await setup();
    const account = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { name: "Owned Freight", industry: "Third-Party Logistics", employeeCount: 4000, facilityCount: 12 } });
    expect(account.status).toBe(201);
    expect(account.json.data).toMatchObject({ assignedToId: user.id, icpScore: expect.any(Number) });
    expect(account.json.data.icpBreakdown).toMatchObject({ total: account.json.data.icpScore });

    const unassigned = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { name: "Nobody's Co", assignedToId: null } });
    expect(unassigned.json.data.assignedToId).toBeNull();

    const person = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { firstName: "Ola", lastName: "Owner", title: "VP Operations", accountId: account.json.data.id } });
    expect(person.status).toBe(201);
    expect(person.json.data).toMatchObject({ assignedToId: user.id, icpScore: expect.any(Number) });
  });

  it("an import makes the importer the owner of what it creates and scores what it touches", async () => {
    const { user, cookie } = await setup();
    const csv = "Company,Website,Employees,Facilities,First name,Last name,Title,Email\nImported Yards,importedyards.test,2500,9,Ivy,Imp,Director of Logistics,ivy@importedyards.test\n";
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, fileName: "owned.csv", mode: "upsert" } });
    expect(res.status).toBe(201);
    const account = await prisma.targetAccount.findFirstOrThrow({ where: { domain: "importedyards.test" } });
    const person = await prisma.person.findFirstOrThrow({ where: { email: "ivy@importedyards.test" } });
    expect(account).toMatchObject({ assignedToId: user.id, source: "csv-import" });
    expect(account.icpScore).toEqual(expect.any(Number));
    expect(person).toMatchObject({ assignedToId: user.id });
    expect(person.icpScore).toEqual(expect.any(Number));
  });

  it("the import preview says which rows create and which update, instead of 'Ready' for all", async () => {
    const { event, cookie } = await setup();
    const existing = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Known Co", normalizedName: "known co", domain: "known.test" } });
    await prisma.person.create({ data: { eventId: event.id, accountId: existing.id, firstName: "Kim", lastName: "Known", name: "Kim Known", email: "kim@known.test" } });
    const csv = "Company,Website,Email,First name\nKnown Co,known.test,kim@known.test,Kim\nKnown Co,known.test,new@known.test,Nia\nFresh Co,fresh.test,fay@fresh.test,Fay\n";
    const res = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv, fileName: "mixed.csv" } });
    expect(res.status).toBe(200);
    expect(res.json.data.rows.map((r: { action: string }) => r.action)).toEqual(["update", "add", "create"]);
  });

  it("a missing first name reads as a sentence, with machine-readable details kept", async () => {
    const { cookie } = await setup();
    const res = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie, body: { lastName: "Nameless" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe("Enter a first name.");
    expect(res.json.details).toEqual([{ path: "firstName", message: "Enter a first name", code: "custom" }]);
  });
});
