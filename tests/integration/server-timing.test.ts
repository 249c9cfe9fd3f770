import { afterEach, describe, expect, it, vi } from "vitest";
import { route } from "@/server/http/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

/** SERVER_TIMING=true: API answers say where their time went (docs/PERFORMANCE.md reads them). */

const list = route({}, () => ({ items: [] }));

describe("Server-Timing", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("names each stage of a signed-in request with its duration when switched on", async () => {
    vi.stubEnv("SERVER_TIMING", "true");
    const event = await createEvent();
    const { cookie } = await signedInUser("REP", { eventId: event.id });
    const res = await callRoute(list, "/api/things", { cookie });
    expect(res.status).toBe(200);
    const stages = (res.headers.get("server-timing") ?? "").split(", ").map((part) => part.split(";dur=")[0]);
    expect(stages).toEqual(["session", "limit", "actor", "handler", "json"]);
    expect(res.headers.get("server-timing")).toMatch(/^session;dur=\d+\.\d{2}, /);
  });

  it("sends no timings by default", async () => {
    const event = await createEvent();
    const { cookie } = await signedInUser("REP", { eventId: event.id });
    const res = await callRoute(list, "/api/things", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toBeNull();
  });
});
