import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as accountsRoute from "@/app/api/accounts/route";
import * as meRoute from "@/app/api/me/route";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";

// Issue 16 item 10: when the current event was archived, writes silently went to another event.
describe("writes from a page act on the event the page shows", () => {
  it("refuses a change for an archived event with a sentence, writes nothing, and lets the rep switch", async () => {
    const shown = await createEvent({ name: "Archived Expo" });
    const other = await createEvent({ name: "Live Expo" });
    const rep = await createUser();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: shown.id } });
    const { cookie } = await createSession(rep.id);
    await prisma.event.update({ where: { id: shown.id }, data: { archivedAt: new Date() } });

    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, headers: { "x-event-id": shown.id }, body: { name: "Lost Co" } });
    expect(res.status).toBe(409);
    expect(res.json.error).toBe("Archived Expo was archived, so nothing more can be added to it. Choose another event in the switcher at the top, then try again.");
    expect(await prisma.targetAccount.count({ where: { name: "Lost Co" } })).toBe(0);

    // Switching events is allowed from that page; then writes go to the event now shown.
    expect((await callRoute(meRoute.PATCH, "/api/me", { method: "PATCH", cookie, headers: { "x-event-id": shown.id }, body: { lastEventId: other.id } })).status).toBe(200);
    const ok = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, headers: { "x-event-id": other.id }, body: { name: "Found Co" } });
    expect(ok.status).toBe(201);
    expect(ok.json.data.eventId).toBe(other.id);
  });

  it("refuses a change from a page of another event than the user's current one", async () => {
    const a = await createEvent({ name: "Tab A Expo" });
    const b = await createEvent({ name: "Tab B Expo" });
    const rep = await createUser();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: b.id } });
    const { cookie } = await createSession(rep.id);
    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, headers: { "x-event-id": a.id }, body: { name: "Wrong Tab Co" } });
    expect(res.status).toBe(409);
    expect(res.json.error).toContain("You are now working in Tab B Expo");
    expect(await prisma.targetAccount.count({ where: { name: "Wrong Tab Co" } })).toBe(0);
  });
});
