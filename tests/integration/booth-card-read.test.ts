import { describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/booth/card-read/route";
import { callRoute } from "../helpers/request";
import { startFakeOpenAI } from "../helpers/fake-openai";
import { meetingWorld } from "../helpers/meetings-fixtures";

const PHOTO = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

describe("business-card reading", () => {
  it("says card reading is off when no AI endpoint is configured", async () => {
    const w = await meetingWorld();
    const res = await callRoute(cardRoute.POST, "/api/booth/card-read", { method: "POST", cookie: w.cookie, body: { image: PHOTO } });
    expect(res.status).toBe(503);
    expect(res.json.error).toBe("Card reading is off: no AI endpoint is connected.");
  });

  it("sends the photo to the AI endpoint and returns what it read as a suggestion", async () => {
    const w = await meetingWorld();
    const ai = await startFakeOpenAI(() => JSON.stringify({ name: "Ada Okafor", company: "Polar Cold Chain", title: "VP Ops", email: "ADA@polar.test", phone: null, linkedin: null }));
    const restore = ai.configure();
    try {
      const res = await callRoute(cardRoute.POST, "/api/booth/card-read", { method: "POST", cookie: w.cookie, body: { image: PHOTO } });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ name: "Ada Okafor", company: "Polar Cold Chain", title: "VP Ops", email: "ada@polar.test" });
      const user = ai.requests[0].messages.find((m) => m.role === "user");
      const sent = user?.content as unknown as { type: string; image_url?: { url: string } }[];
      expect(sent.find((p) => p.type === "image_url")?.image_url?.url).toBe(PHOTO);
      expect((await callRoute(cardRoute.POST, "/api/booth/card-read", { method: "POST", cookie: w.cookie, body: { image: "data:text/html;base64,AAAA" } })).status).toBe(422);
    } finally {
      restore();
      await ai.close();
    }
  });
});
