import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES } from "../helpers/route-rules";
import { signedInUser } from "../helpers/factories";

const API_DIR = path.resolve(import.meta.dirname, "../../src/app/api");
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function listRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listRouteFiles(full);
    return name === "route.ts" ? [path.relative(API_DIR, full).split(path.sep).join("/")] : [];
  });
}

/** A concrete URL for a file path: dynamic segments get a placeholder id. */
function urlFor(file: string) {
  const params: Record<string, string | string[]> = {};
  const segments = file.replace(/\/?route\.ts$/, "").split("/").filter(Boolean).map((segment) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    if (catchAll) {
      params[catchAll[1]] = ["session"];
      return "session";
    }
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic) {
      params[dynamic[1]] = "does-not-exist";
      return "does-not-exist";
    }
    return segment;
  });
  return { url: `/api/${segments.join("/")}`, params };
}

const files = listRouteFiles(API_DIR);

describe("API route inventory", () => {
  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files).toContain("health/route.ts");
  });

  it("has an access rule for every route file and every exported verb", async () => {
    const missing: string[] = [];
    for (const file of files) {
      const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
      for (const verb of VERBS) {
        if (typeof mod[verb] === "function" && !ROUTE_RULES[file]?.[verb]) missing.push(`${verb} ${file}`);
      }
    }
    expect(missing, "routes without a rule in tests/helpers/route-rules.ts").toEqual([]);
  });

  for (const file of files) {
    const rules = ROUTE_RULES[file] ?? {};
    for (const [verb, access] of Object.entries(rules)) {
      if (access === "public" || access === "auth") continue;
      it(`${verb} ${file} answers 401 without a session`, async () => {
        const mod = (await import(path.join(API_DIR, file))) as Record<string, Parameters<typeof callRoute>[0]>;
        const { url, params } = urlFor(file);
        const res = await callRoute(mod[verb], url, {
          method: verb,
          params,
          body: verb === "GET" || verb === "DELETE" ? undefined : {},
        });
        expect(res.status).toBe(401);
        expect(res.json).toMatchObject({ success: false, code: "unauthorized" });
      });
      if (access === "admin") {
        it(`${verb} ${file} answers 403 to a rep`, async () => {
          const mod = (await import(path.join(API_DIR, file))) as Record<string, Parameters<typeof callRoute>[0]>;
          const { cookie } = await signedInUser("REP");
          const { url, params } = urlFor(file);
          const res = await callRoute(mod[verb], url, { method: verb, params, cookie, body: verb === "GET" || verb === "DELETE" ? undefined : {} });
          expect(res.status).toBe(403);
          expect(res.json).toMatchObject({ success: false, code: "forbidden" });
        });
      }
    }
  }
});
