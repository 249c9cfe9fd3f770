import { randomUUID } from "node:crypto";
import { it } from "vitest";
import * as syncRoute from "@/app/api/booth/sync/route";
import { callRoute } from "../helpers/request";
import { meetingWorld } from "../helpers/meetings-fixtures";

it("times 50 captures", async () => {
  const w = await meetingWorld();
  for (const round of [1, 2]) {
    const ops = Array.from({ length: 50 }, (_, i) => ({ key: randomUUID(), kind: "capture", lead: { name: `Visitor ${i}`, company: `Co ${round} ${i} ${randomUUID().slice(0, 4)}`, rating: "warm" } }));
    const t0 = performance.now();
    const res = await callRoute(syncRoute.POST, "/api/booth/sync", { method: "POST", cookie: w.cookie, body: { operations: ops } });
    console.log("round", round, res.status, Math.round(performance.now() - t0), "ms");
  }
});
