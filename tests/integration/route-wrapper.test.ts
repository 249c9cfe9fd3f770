import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { consumeRateLimit } from "@/server/http/rate-limit";
import * as healthRoute from "@/app/api/health/route";
import * as meRoute from "@/app/api/me/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

const echo = route({ event: "optional", body: z.strictObject({ name: z.string().min(1) }), status: 201 }, ({ body, actor }) => ({ name: body.name, by: actor.email }));
const boom = route({}, () => {
  throw new Error("SELECT secret FROM users — internal detail");
});
const typed = route({}, () => {
  throw new AppError("conflict", "Already done");
});

// Routes act on an event (the wrapper answers 404 "no event" without one): this file brings its
// own rather than relying on one another file left in the database.
beforeAll(async () => {
  await createEvent();
});

describe("route wrapper", () => {
  it("wraps success in the envelope with the given status", async () => {
    const { cookie, user } = await signedInUser();
    const res = await callRoute(echo, "/api/x", { method: "POST", cookie, body: { name: "Ada" } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ success: true, data: { name: "Ada", by: user.email } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    const { cookie } = await signedInUser();
    const bad = await callRoute(echo, "/api/x", { method: "POST", cookie, rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ success: false, code: "invalid_json" });
    const form = await callRoute(echo, "/api/x", { method: "POST", cookie, rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
  });

  it("answers 422 with field details for schema failures and unknown fields", async () => {
    const { cookie } = await signedInUser();
    const res = await callRoute(echo, "/api/x", { method: "POST", cookie, body: { name: "", extra: 1 } });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("validation_error");
    expect(res.json.details.length).toBeGreaterThanOrEqual(2);
  });

  it("maps typed errors and hides unexpected ones", async () => {
    const { cookie } = await signedInUser();
    const conflict = await callRoute(typed, "/api/x", { cookie });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toEqual({ success: false, error: "Already done", code: "conflict" });
    const crash = await callRoute(boom, "/api/x", { cookie });
    expect(crash.status).toBe(500);
    expect(crash.text).not.toContain("SELECT");
    expect(crash.json.code).toBe("internal_error");
  });

  it("refuses cross-site writes (CSRF) but accepts same-origin ones", async () => {
    const { cookie } = await signedInUser();
    const cross = await callRoute(echo, "/api/x", { method: "POST", cookie, body: { name: "A" }, headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" } });
    expect(cross.status).toBe(403);
    const same = await callRoute(echo, "/api/x", { method: "POST", cookie, body: { name: "A" }, headers: { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" } });
    expect(same.status).toBe(201);
  });

  it("refuses an expired session", async () => {
    const { user } = await signedInUser();
    const token = "expired-token-" + user.id;
    await prisma.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() - 1000) } });
    const res = await callRoute(echo, "/api/x", { method: "POST", cookie: `authjs.session-token=${token}`, body: { name: "A" } });
    expect(res.status).toBe(401);
  });
});

describe("rate limit", () => {
  it("allows up to the limit within a window, then refuses with a retry time", async () => {
    const rule = { bucket: `test-${Date.now()}`, points: 3, windowSeconds: 60 };
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(rule, "subject", now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    // A new window starts fresh.
    expect((await consumeRateLimit(rule, "subject", now + 61_000)).allowed).toBe(true);
  });

  it("answers 429 with Retry-After through the wrapper", async () => {
    const limited = route({ rateLimit: { bucket: `wrap-${Date.now()}`, points: 1, windowSeconds: 60 } }, () => "ok");
    const { cookie } = await signedInUser();
    expect((await callRoute(limited, "/api/x", { cookie })).status).toBe(200);
    const res = await callRoute(limited, "/api/x", { cookie });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("health and me", () => {
  it("reports the database up without a session", async () => {
    const res = await callRoute(healthRoute.GET, "/api/health");
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: "ok", database: "up" });
    expect(res.json.data.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("remembers the event a user switches to", async () => {
    const { cookie, user } = await signedInUser();
    const event = await createEvent({ name: "Switch Target" });
    const res = await callRoute(meRoute.PATCH, "/api/me", { method: "PATCH", cookie, body: { lastEventId: event.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.currentEvent.name).toBe("Switch Target");
    expect((await prisma.user.findUnique({ where: { id: user.id } }))?.lastEventId).toBe(event.id);
    const me = await callRoute(meRoute.GET, "/api/me", { cookie });
    expect(me.json.data.currentEvent.id).toBe(event.id);
    const missing = await callRoute(meRoute.PATCH, "/api/me", { method: "PATCH", cookie, body: { lastEventId: "nope" } });
    expect(missing.status).toBe(404);
  });
});
