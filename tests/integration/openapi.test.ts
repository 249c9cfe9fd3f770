import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { GET } from "@/app/api/openapi.json/route";
import ApiDocsPage from "@/app/docs/api/page";
import { registry } from "@/server/openapi/registry";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES } from "../helpers/route-rules";
import { listRouteFiles } from "../helpers/route-files";

/** The OpenAPI document covers every route and verb, and its examples pass the routes' own schemas. */

const pathFor = (file: string) => `/api/${file.replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}");

describe("OpenAPI document", () => {
  it("is served publicly as OpenAPI 3.1 with both security schemes", async () => {
    const res = await callRoute(GET, "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect(res.json.info).toMatchObject({ title: "EventOps API", version: expect.any(String) });
    expect(res.json.components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      cronBearer: { type: "http", scheme: "bearer" },
    });
    expect(Object.keys(res.json.paths).length).toBeGreaterThan(40);
  });

  it("documents every route file and verb in ROUTE_RULES, with the same access rule", async () => {
    const doc = (await callRoute(GET, "/api/openapi.json")).json;
    const missing: string[] = [];
    const wrongAccess: string[] = [];
    for (const file of listRouteFiles()) {
      for (const [verb, access] of Object.entries(ROUTE_RULES[file] ?? {})) {
        if (access === "auth") continue; // Auth.js's own endpoints are not our API
        const op = doc.paths[pathFor(file)]?.[verb.toLowerCase()];
        if (!op) missing.push(`${verb} ${pathFor(file)}`);
        else if (op["x-access"] !== access) wrongAccess.push(`${verb} ${pathFor(file)}: ${op["x-access"]} ≠ ${access}`);
      }
    }
    expect(missing, "add these to src/server/openapi/registry.ts").toEqual([]);
    expect(wrongAccess).toEqual([]);
  });

  it("has well-formed operations: summary, responses, path params declared, protected routes secured", async () => {
    const doc = (await callRoute(GET, "/api/openapi.json")).json;
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Record<string, any>>>)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const label = `${method} ${path}`;
        expect(op.summary, label).toMatch(/\w{3}/);
        expect(ids.has(op.operationId), `${label} operationId unique`).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).some((s) => s.startsWith("2")), label).toBe(true);
        const declared = (op.parameters as { name: string; in: string }[]).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), `${label} path params`).toEqual(pathParams.sort());
        if (op["x-access"] === "user" || op["x-access"] === "admin") {
          expect(op.security, label).toEqual([{ sessionCookie: [] }]);
          expect(op.responses["401"], label).toBeDefined();
        }
        if (op.requestBody) {
          const schema = op.requestBody.content["application/json"].schema;
          // An object, or a union of objects (discriminated bulk actions).
          expect(schema.type === "object" || Array.isArray(schema.anyOf ?? schema.oneOf), label).toBe(true);
        }
      }
    }
  });

  it("only shows example requests that the route's own schema accepts", () => {
    const withExamples = registry.filter((e) => e.example?.request !== undefined);
    expect(withExamples.length).toBeGreaterThan(2);
    for (const e of withExamples) {
      const parsed = e.body!.safeParse(e.example!.request);
      expect(parsed.success, `${e.method} ${e.path}: ${parsed.error?.message ?? ""}`).toBe(true);
    }
  });

  it("renders the readable /docs/api page from the same document, without scripts", () => {
    const html = renderToStaticMarkup(ApiDocsPage());
    expect(html).toContain("EventOps API reference");
    expect(html).not.toContain("<script");
    for (const e of registry) expect(html, `${e.method} ${e.path}`).toContain(e.path.replace(/&/g, "&amp;"));
  });
});
