import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as roiRoute from "@/app/api/accounts/[id]/roi/route";
import * as calculateRoute from "@/app/api/roi/calculate/route";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";

// Issue 16 item 7: ROI assumptions reverted on reload.
describe("ROI assumptions saved per account", () => {
  it("keeps a rep's changes for the team, says who changed what, and resets to the defaults", async () => {
    const event = await createEvent();
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Roi Keep Co", normalizedName: "roi keep co", facilityCount: 4 } });
    const maya = await createUser({ name: "Maya Saver" });
    const jordan = await createUser({ name: "Jordan Reader" });
    // Both work in this event (the account opens only in the actor's event).
    await prisma.user.updateMany({ where: { id: { in: [maya.id, jordan.id] } }, data: { lastEventId: event.id } });
    const mayaCookie = (await createSession(maya.id)).cookie;
    const jordanCookie = (await createSession(jordan.id)).cookie;
    const params = { id: account.id };

    const before = await callRoute(roiRoute.GET, `/api/accounts/${account.id}/roi`, { cookie: jordanCookie, params });
    expect(before.json.data.saved).toBeNull();
    const defaultTrucks = before.json.data.assumptions.find((a: { key: string }) => a.key === "trucksPerDayPerSite").value;

    const put = await callRoute(roiRoute.PUT, `/api/accounts/${account.id}/roi`, { method: "PUT", cookie: mayaCookie, params, body: { values: { trucksPerDayPerSite: 150, detentionFeePerHour: 75 } } });
    expect(put.status).toBe(200);

    // Another rep, another "reload": the same numbers, saved, and who changed them.
    const after = await callRoute(roiRoute.GET, `/api/accounts/${account.id}/roi`, { cookie: jordanCookie, params });
    expect(after.json.data.saved).toMatchObject({ values: { trucksPerDayPerSite: 150, detentionFeePerHour: 75 }, updatedBy: "Maya Saver" });
    expect(after.json.data.assumptions.find((a: { key: string }) => a.key === "trucksPerDayPerSite")).toMatchObject({ value: 150, source: "saved" });
    // The live calculator starts from the saved values too.
    const live = await callRoute(calculateRoute.GET, "/api/roi/calculate", { cookie: jordanCookie, query: { accountId: account.id } });
    expect(live.json.data.result).toEqual(after.json.data.result);

    const activity = await prisma.activity.findFirstOrThrow({ where: { accountId: account.id, type: "roi.updated" } });
    expect(activity.actorId).toBe(maya.id);
    expect(activity.description).toContain(`Trucks per day per site ${"default"} → 150`);
    expect(activity.metadata).toMatchObject({ changes: { trucksPerDayPerSite: { from: null, to: 150 } } });

    // A bad number is refused next to its field and changes nothing.
    const bad = await callRoute(roiRoute.PUT, `/api/accounts/${account.id}/roi`, { method: "PUT", cookie: mayaCookie, params, body: { values: { facilities: 0 } } });
    expect(bad.status).toBe(422);
    expect(bad.json.details).toEqual([{ path: "values.facilities", message: "Between 1 and 5,000", code: "too_small" }]);
    expect((await prisma.roiAssumptions.findUniqueOrThrow({ where: { accountId: account.id } })).values).toEqual({ trucksPerDayPerSite: 150, detentionFeePerHour: 75 });

    const reset = await callRoute(roiRoute.PUT, `/api/accounts/${account.id}/roi`, { method: "PUT", cookie: jordanCookie, params, body: { values: {} } });
    expect(reset.json.data.saved).toBeNull();
    expect(reset.json.data.assumptions.find((a: { key: string }) => a.key === "trucksPerDayPerSite").value).toBe(defaultTrucks);
    expect(await prisma.activity.count({ where: { accountId: account.id, type: "roi.updated", actorId: jordan.id, description: { contains: "reset" } } })).toBe(1);
  });
});
