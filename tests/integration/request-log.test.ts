import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "@/server/logger";
import { loggablePath, route } from "@/server/http/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

/** The route wrapper writes one structured access-log line per request, without secrets. */

const echo = route({ body: z.strictObject({ password: z.string() }), status: 201 }, () => ({ ok: true }));
const open = route({ access: "public" }, () => ({ ok: true }));

function requestLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.filter((call) => call[1] === "request").map((call) => call[0] as Record<string, unknown>);
}

describe("request log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs method, path, status, duration, request id and user id — never body, cookie or query", async () => {
    const spy = vi.spyOn(logger, "info");
    // A signed-in request works on the rep's current event, so one must exist.
    const event = await createEvent();
    const { cookie, user } = await signedInUser("REP", { eventId: event.id });
    const res = await callRoute(echo, "/api/echo", { method: "POST", cookie, body: { password: "hunter2-secret" }, query: { email: "a@b.test" } });
    expect(res.status).toBe(201);
    const [line] = requestLines(spy);
    expect(line).toEqual({
      requestId: res.headers.get("x-request-id"),
      method: "POST",
      path: "/api/echo",
      status: 201,
      durationMs: expect.any(Number),
      userId: user.id,
    });
    const text = JSON.stringify(spy.mock.calls);
    expect(text).not.toContain("hunter2-secret");
    expect(text).not.toContain(cookie.split("=")[1]);
    expect(text).not.toContain("a@b.test");
  });

  it("logs refused requests too, with their status and no user", async () => {
    const spy = vi.spyOn(logger, "info");
    const res = await callRoute(echo, "/api/echo", { method: "POST", body: { password: "x" } });
    expect(res.status).toBe(401);
    expect(requestLines(spy)).toEqual([expect.objectContaining({ status: 401, userId: null, method: "POST" })]);
  });

  it("keeps a plain caller request id and replaces one that could forge log lines", async () => {
    const spy = vi.spyOn(logger, "info");
    const kept = await callRoute(open, "/api/open", { headers: { "x-request-id": "trace-123.abc" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-123.abc");
    const forged = await callRoute(open, "/api/open", { headers: { "x-request-id": 'x" level=error msg=fake' } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines(spy).map((l) => l.requestId)).toEqual(["trace-123.abc", forged.headers.get("x-request-id")]);
  });

  it("masks secrets and tokens in paths but keeps record ids", () => {
    expect(loggablePath("/api/webhooks/inbound/s3cr3t")).toBe("/api/webhooks/inbound/:redacted");
    expect(loggablePath("/api/unsubscribe/tok")).toBe("/api/unsubscribe/:redacted");
    expect(loggablePath(`/api/t/o/${"a".repeat(60)}`)).toBe("/api/t/o/:redacted");
    expect(loggablePath("/api/accounts/cmwzbfqmo00apvl7dw8rjz3xg")).toBe("/api/accounts/cmwzbfqmo00apvl7dw8rjz3xg");
  });
});
