import { describe, expect, it } from "vitest";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES, type Access } from "../helpers/route-rules";
import { signedInUser } from "../helpers/factories";
import { listRouteFiles, loadRoute, urlFor, type Verb } from "../helpers/route-files";

/**
 * Authorization matrix: every API route file × verb × {anonymous, rep, admin}, generated from
 * the route files and ROUTE_RULES, so a new route is covered the moment it gets its rule.
 *
 * Calls use placeholder ids and a probe body with an unknown field: a caller who passes the
 * access check is refused later (404/422/400), so the matrix changes no data, yet a 401/403
 * there would mean the access rule is wrong. The event-scoping rule has its own test
 * (record-scope.test.ts); what a rep may do to another rep's records, permission-matrix.test.ts.
 */

type Caller = "anonymous" | "rep" | "admin";
const PROBE_BODY = { __authzProbe: true };

function expectation(access: Access, caller: Caller): "unauthorized" | "forbidden" | "allowed" | "denied" {
  switch (access) {
    case "public":
    case "auth":
      return "allowed";
    case "cron":
      return "unauthorized"; // only the Bearer CRON_SECRET opens it, never a session
    case "webhook":
      return "denied"; // signature or secret missing: 401/403/404, never a 2xx
    case "user":
      return caller === "anonymous" ? "unauthorized" : "allowed";
    case "admin":
      return caller === "anonymous" ? "unauthorized" : caller === "rep" ? "forbidden" : "allowed";
  }
}

async function cookieFor(caller: Caller) {
  if (caller === "anonymous") return undefined;
  // A fresh user per call keeps the per-user rate limit out of the picture.
  return (await signedInUser(caller === "admin" ? "ADMIN" : "REP")).cookie;
}

const files = listRouteFiles();
const rows = files.flatMap((file) =>
  Object.entries(ROUTE_RULES[file] ?? {}).map(([verb, access]) => ({ file, verb: verb as Verb, access: access as Access })),
);

describe("authorization matrix", () => {
  it("covers every route file", () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(files.filter((f) => !ROUTE_RULES[f])).toEqual([]);
  });

  for (const { file, verb, access } of rows) {
    if (access === "auth") continue; // Auth.js owns these; the e2e sign-in covers them
    for (const caller of ["anonymous", "rep", "admin"] as const) {
      const expected = expectation(access, caller);
      it(`${verb} /api/${file.replace(/\/?route\.ts$/, "")} as ${caller} → ${expected}`, async () => {
        const handler = (await loadRoute(file))[verb];
        expect(handler, `${verb} is exported`).toBeTypeOf("function");
        const { url, params } = urlFor(file);
        const res = await callRoute(handler!, url, {
          method: verb,
          params,
          cookie: await cookieFor(caller),
          body: verb === "GET" || verb === "DELETE" ? undefined : PROBE_BODY,
        });
        if (expected === "unauthorized") {
          expect(res.status).toBe(401);
          expect(res.json).toMatchObject({ success: false, code: "unauthorized" });
        } else if (expected === "forbidden") {
          expect(res.status).toBe(403);
          expect(res.json).toMatchObject({ success: false, code: "forbidden" });
        } else if (expected === "denied") {
          expect([401, 403, 404]).toContain(res.status);
        } else {
          expect([401, 403], `${res.status} ${res.text.slice(0, 200)}`).not.toContain(res.status);
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        }
      });
    }
  }
});
