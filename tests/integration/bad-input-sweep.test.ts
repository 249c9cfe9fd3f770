import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES } from "../helpers/route-rules";
import { signedInUser } from "../helpers/factories";
import { API_DIR, listRouteFiles, loadRoute, urlFor, type Verb } from "../helpers/route-files";

/**
 * Bad-input sweep: every JSON endpoint (a POST/PUT/PATCH whose route() declares a `body`
 * schema, discovered from the route files' source) gets malformed JSON, the wrong media type,
 * non-object bodies, wrong types, unknown fields and 100 KB strings. Each must answer a clear
 * 4xx (400/415/422 with a message and, for 422, details), never a 5xx, and leave the main
 * tables exactly as they were.
 */

const WRITE_VERBS: Verb[] = ["POST", "PUT", "PATCH"];
const HUGE = "x".repeat(100_000);
// The first eight are the text fields the 100 KB case fills (8 × 100 KB stays under the 1 MB body cap).
const COMMON_FIELDS = ["name", "firstName", "lastName", "title", "subject", "message", "notes", "description", "email", "body", "ids"];

/** The verbs of a route file whose route({...}) options include a body schema. */
function jsonVerbs(file: string): Verb[] {
  const source = readFileSync(path.join(API_DIR, file), "utf8");
  return WRITE_VERBS.filter((verb) => {
    const start = source.indexOf(`export const ${verb} = route(`);
    if (start < 0) return false;
    const options = source.slice(start, source.indexOf("=>", start));
    return /\bbody\s*[:,}]/.test(options);
  });
}

const endpoints = listRouteFiles().flatMap((file) =>
  jsonVerbs(file)
    .filter((verb) => ["user", "admin"].includes(ROUTE_RULES[file]?.[verb] ?? ""))
    .map((verb) => ({ file, verb })),
);

async function snapshot() {
  const [accounts, people, outreach, meetings, activities, templates, campaigns, reports, savedViews, events, imports, suppressions, invites, settings, dossiers] = await Promise.all([
    prisma.targetAccount.count(),
    prisma.person.count(),
    prisma.outreach.count(),
    prisma.meeting.count(),
    prisma.activity.count(),
    prisma.emailTemplate.count(),
    prisma.campaign.count(),
    prisma.reportDefinition.count(),
    prisma.savedView.count(),
    prisma.event.count(),
    prisma.importJob.count(),
    prisma.suppression.count(),
    prisma.invite.count(),
    prisma.setting.count(),
    prisma.companyDossier.count(),
  ]);
  return { accounts, people, outreach, meetings, activities, templates, campaigns, reports, savedViews, events, imports, suppressions, invites, settings, dossiers };
}

const withFields = (value: unknown) => Object.fromEntries(COMMON_FIELDS.map((f) => [f, value]));

type Case = { name: string; body?: unknown; rawBody?: string; contentType?: string; status: number; code: string };
const CASES: Case[] = [
  { name: "malformed JSON", rawBody: '{"name": "Acme",', status: 400, code: "invalid_json" },
  { name: "empty body", rawBody: "", status: 400, code: "invalid_json" },
  { name: "wrong media type", rawBody: "name=Acme", contentType: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type" },
  { name: "a JSON array instead of an object", body: [{ name: "Acme" }], status: 422, code: "validation_error" },
  { name: "a JSON string instead of an object", body: "Acme", status: 422, code: "validation_error" },
  { name: "wrong types in common fields", body: withFields(42), status: 422, code: "validation_error" },
  { name: "objects where scalars belong", body: withFields({ $ne: null }), status: 422, code: "validation_error" },
  { name: "100 KB strings", body: Object.fromEntries(COMMON_FIELDS.slice(0, 8).map((f) => [f, HUGE])), status: 422, code: "validation_error" },
  { name: "only unknown fields", body: { __proto_pollution__: true, isAdmin: true, role: "ADMIN!" }, status: 422, code: "validation_error" },
];

describe("bad-input sweep over every JSON endpoint", () => {
  it("discovers the JSON endpoints", () => {
    expect(endpoints.length).toBeGreaterThan(20);
    expect(endpoints).toContainEqual({ file: "accounts/route.ts", verb: "POST" });
  });

  for (const { file, verb } of endpoints) {
    const label = `${verb} /api/${file.replace(/\/?route\.ts$/, "")}`;
    it(`${label} refuses bad input clearly and changes nothing`, async () => {
      const handler = (await loadRoute(file))[verb]!;
      const { url, params } = urlFor(file);
      const failures: string[] = [];
      for (const c of CASES) {
        // A fresh admin per case: the rate limiter counts per user, and admins pass every access rule.
        const { cookie } = await signedInUser("ADMIN");
        const before = await snapshot();
        const res = await callRoute(handler, url, {
          method: verb,
          params,
          cookie,
          body: c.body,
          rawBody: c.rawBody,
          headers: c.contentType ? { "content-type": c.contentType } : c.rawBody !== undefined ? { "content-type": "application/json" } : {},
        });
        const after = await snapshot();
        const problems: string[] = [];
        if (res.status !== c.status) problems.push(`status ${res.status} (want ${c.status}): ${res.text.slice(0, 160)}`);
        if (res.json?.success !== false || res.json?.code !== c.code) problems.push(`code ${String(res.json?.code)} (want ${c.code})`);
        if (typeof res.json?.error !== "string" || res.json.error.length < 5) problems.push("no readable error message");
        if (c.status === 422 && !(Array.isArray(res.json?.details) && res.json.details.length > 0)) problems.push("422 without details");
        if (res.text.length > 20_000) problems.push("error echoes the input back");
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`database changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        if (problems.length) failures.push(`${c.name}: ${problems.join("; ")}`);
      }
      expect(failures, label).toEqual([]);
    });
  }
});
