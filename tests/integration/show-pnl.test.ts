import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as costsRoute from "@/app/api/event-costs/route";
import * as costRoute from "@/app/api/event-costs/[id]/route";
import * as showRoute from "@/app/api/reports/show/route";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as bulkRoute from "@/app/api/accounts/bulk/route";
import { callRoute } from "../helpers/request";
import { createSession, createUser } from "../helpers/factories";

let n = 0;
async function event(name: string, start: string) {
  return prisma.event.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${n++}`, startDate: new Date(start), endDate: new Date(start), timeZone: "America/Chicago" } });
}

async function world() {
  const past = await event("Manifest 2025", "2025-02-10");
  const show = await event("Manifest 2026", "2026-02-09");
  const admin = await createUser({ role: "ADMIN", name: "Ada Admin" });
  const maya = await createUser({ name: "Maya Rep" });
  await prisma.user.updateMany({ where: { id: { in: [admin.id, maya.id] } }, data: { lastEventId: show.id } });
  const account = async (eventId: string, name: string, tier: "A" | "B", owner: string | null, opp: { stage?: "QUALIFIED" | "WON" | "LOST"; amount?: number; openedAt?: Date } = {}) =>
    prisma.targetAccount.create({ data: { eventId, name, normalizedName: name.toLowerCase(), tier, assignedToId: owner, opportunityStage: opp.stage ?? null, opportunityAmount: opp.amount ?? null, opportunityOpenedAt: opp.openedAt ?? null } });
  const person = (eventId: string, accountId: string | null, name: string, source = "import") =>
    prisma.person.create({ data: { eventId, accountId, firstName: name, name, email: `${name.toLowerCase()}-${n++}@x.test`, source } });
  const touch = new Date("2026-01-20T12:00:00Z");
  // Touched by outreach before the opportunity opened: created pipeline, won.
  const acme = await account(show.id, "Acme", "A", maya.id, { stage: "WON", amount: 120_000, openedAt: new Date("2026-02-20T00:00:00Z") });
  const dana = await person(show.id, acme.id, "Dana");
  await prisma.outreach.create({ data: { eventId: show.id, personId: dana.id, accountId: acme.id, ownerId: maya.id, subject: "Hi", message: "x", status: "SENT", sentAt: touch, repliedAt: new Date("2026-01-21T00:00:00Z") } });
  // Met at the show, but the opportunity existed before: influenced, not created.
  const beta = await account(show.id, "Beta", "B", admin.id, { stage: "QUALIFIED", amount: 50_000, openedAt: new Date("2025-12-01T00:00:00Z") });
  const kim = await person(show.id, beta.id, "Kim");
  await prisma.meeting.create({ data: { eventId: show.id, personId: kim.id, accountId: beta.id, scheduledAt: new Date("2026-02-09T16:00:00Z"), icsUid: `u-${kim.id}`, createdAt: touch } });
  // Lost: an opportunity, never pipeline. Untouched with an opportunity: not influenced.
  const gamma = await account(show.id, "Gamma", "B", maya.id, { stage: "LOST", amount: 80_000, openedAt: new Date("2026-02-15T00:00:00Z") });
  await prisma.meeting.create({ data: { eventId: show.id, personId: (await person(show.id, gamma.id, "Lee")).id, accountId: gamma.id, scheduledAt: new Date("2026-02-10T16:00:00Z"), icsUid: `u-g-${n++}`, createdAt: touch } });
  await account(show.id, "Delta", "A", null, { stage: "QUALIFIED", amount: 999_999, openedAt: touch });
  await person(show.id, null, "Walkup", "booth");
  // The previous show: one won deal.
  const old = await account(past.id, "Oldco", "A", maya.id, { stage: "WON", amount: 40_000, openedAt: new Date("2025-03-01T00:00:00Z") });
  const pat = await person(past.id, old.id, "Pat");
  await prisma.meeting.create({ data: { eventId: past.id, personId: pat.id, accountId: old.id, scheduledAt: new Date("2025-02-10T16:00:00Z"), icsUid: `u-p-${n++}`, createdAt: new Date("2025-02-01T00:00:00Z") } });
  await prisma.eventCost.create({ data: { eventId: past.id, category: "BOOTH_SPACE", amount: 20_000 } });
  return { past, show, admin: (await createSession(admin.id)).cookie, rep: (await createSession(maya.id)).cookie, acme, beta };
}

describe("Was the show worth it?", () => {
  it("admins enter costs; the report divides them and counts pipeline, wins and ROI, by rep and tier, beside the previous show", async () => {
    const w = await world();
    const add = (body: object, cookie = w.admin) => callRoute(costsRoute.POST, "/api/event-costs", { method: "POST", cookie, body: { eventId: w.show.id, ...body } });
    expect((await add({ category: "BOOTH_SPACE", amount: 30_000 }, w.rep)).status).toBe(403);
    expect((await add({ category: "BOOTH_SPACE", amount: 30_000, description: "10x20 island" })).status).toBe(201);
    expect((await add({ category: "TRAVEL", amount: 12_000 })).status).toBe(201);
    const wrong = await add({ category: "SPONSORSHIP", amount: 99_000 });
    const bad = await add({ category: "CATERING", amount: -5 });
    expect(bad.status).toBe(422);
    expect(bad.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["amount", "category"]);
    const removed = await callRoute(costRoute.DELETE, "/x", { method: "DELETE", cookie: w.admin, params: { id: wrong.json.data.id } });
    expect(removed.status).toBe(200);
    expect(await prisma.eventCost.count({ where: { eventId: w.show.id } })).toBe(3); // soft: kept
    const fixed = await callRoute(costRoute.PATCH, "/x", { method: "PATCH", cookie: w.admin, params: { id: wrong.json.data.id }, body: { amount: 1 } });
    expect(fixed.status).toBe(404);
    expect(await prisma.activity.count({ where: { eventId: w.show.id, type: { startsWith: "event.cost" } } })).toBe(4);

    const res = await callRoute(showRoute.GET, "/api/reports/show", { cookie: w.rep });
    expect(res.status).toBe(200);
    const p = res.json.data;
    expect(p).toMatchObject({
      totalCost: 42_000, leads: 4, meetings: 2, opportunities: 4,
      pipelineCreated: 120_000, pipelineInfluenced: 170_000, wonRevenue: 120_000,
      costPerLead: 10_500, costPerMeeting: 21_000, costPerOpportunity: 10_500, roiMultiple: 2.86, pipelineMultiple: 4.05,
    });
    expect(p.costByCategory.find((c: { category: string }) => c.category === "BOOTH_SPACE").amount).toBe(30_000);
    expect(p.byRep.map((r: { label: string; pipelineInfluenced: number; wonRevenue: number }) => [r.label, r.pipelineInfluenced, r.wonRevenue])).toEqual([
      ["Maya Rep", 120_000, 120_000], ["Ada Admin", 50_000, 0], ["Unassigned", 0, 0],
    ]);
    expect(p.byTier.map((r: { label: string; opportunities: number }) => [r.label, r.opportunities])).toEqual([["Tier A", 2], ["Tier B", 2]]);
    expect(p.previous).toMatchObject({ event: { name: "Manifest 2025" }, totalCost: 20_000, wonRevenue: 40_000, roiMultiple: 2, meetings: 1 });
  });

  it("an account's opportunity is edited on its own and in bulk; won and lost set the account status and the close date", async () => {
    const w = await world();
    const patch = await callRoute(accountRoute.PATCH, "/x", { method: "PATCH", cookie: w.admin, params: { id: w.beta.id }, body: { opportunityStage: "LOST", closeReason: "Chose a competitor", expectedCloseDate: "2026-04-30" } });
    expect(patch.status).toBe(200);
    const beta = await prisma.targetAccount.findUniqueOrThrow({ where: { id: w.beta.id } });
    expect(beta).toMatchObject({ opportunityStage: "LOST", status: "LOST", closeReason: "Chose a competitor" });
    expect(beta.closedAt).toBeInstanceOf(Date);
    expect(beta.expectedCloseDate?.toISOString().slice(0, 10)).toBe("2026-04-30");
    const bad = await callRoute(accountRoute.PATCH, "/x", { method: "PATCH", cookie: w.admin, params: { id: w.beta.id }, body: { opportunityAmount: -1, expectedCloseDate: "soon" } });
    expect(bad.status).toBe(422);

    const fresh = await prisma.targetAccount.create({ data: { eventId: w.show.id, name: "Fresh", normalizedName: "fresh" } });
    const bulk = await callRoute(bulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie: w.admin, body: { action: "setOpportunityStage", ids: [fresh.id, w.acme.id], opportunityStage: "PROPOSAL" } });
    expect(bulk.status).toBe(200);
    const [f, a] = await Promise.all([prisma.targetAccount.findUniqueOrThrow({ where: { id: fresh.id } }), prisma.targetAccount.findUniqueOrThrow({ where: { id: w.acme.id } })]);
    expect(f.opportunityStage).toBe("PROPOSAL");
    expect(f.opportunityOpenedAt).toBeInstanceOf(Date);
    // Acme's opportunity keeps the day it was first opened.
    expect(a.opportunityOpenedAt?.toISOString()).toBe("2026-02-20T00:00:00.000Z");
  });
});
