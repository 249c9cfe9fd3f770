import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../helpers/test-db";
import { z, type ZodType } from "zod";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { registry, type Endpoint } from "@/server/openapi/registry";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES } from "../helpers/route-rules";
import { API_DIR, listRouteFiles, loadRoute, type RouteHandler, type Verb } from "../helpers/route-files";
import { TestDatabase, type Fingerprint } from "../helpers/db-fingerprint";
import { seedFuzzFixture, type FuzzFixture } from "../helpers/fuzz-fixture";
import { inputIssues } from "@/server/http/input";
import { accepts, BAD_STRINGS, BAD_VALUES, exampleObject, objectVariants, ODD_TEXT, randomString, randomValue } from "../helpers/zod-fuzz";

/**
 * Schema-driven fuzz test (issue 13, "Prove it"). For every route in the OpenAPI registry — so
 * routes added later are covered without touching this file — it sends:
 *   - one bad value at a time in every body field, query parameter and path parameter, on top of
 *     a valid example built from the route's own zod schema with REAL record ids from a seeded
 *     fixture (so handlers run past their lookups): wrong types, empty/10 KB/NUL/lone-surrogate
 *     strings, emoji and RTL text, huge/negative/fractional numbers, impossible dates, 40-level
 *     JSON, ids of the wrong kind or of another event, unknown keys;
 *   - whole-body abuse (malformed JSON, the wrong media type, arrays, operators, 100 KB strings:
 *     the cases of the former bad-input sweep, with their exact statuses);
 *   - FUZZ_CASES random cases per route drawn by fast-check (seed FUZZ_SEED, fixed in CI);
 * as an admin, a rep and anonymously. Every answer must be below 500; every refusal the
 * `{ success: false, error, code }` envelope with a readable sentence, a 422 with field details
 * when the schema refused the input, and NO change to any table (a row count + md5 of every
 * table, computed in SQL). Odd but valid text (emoji, RTL) must not be refused as invalid. After
 * any request that wrote, the database is restored to the fixture.
 *
 *   FUZZ_CASES=200 npx vitest run tests/integration/fuzz-routes.test.ts   # a longer local run
 *   FUZZ_SEED=7 …                                                          # another random draw
 *   FUZZ_ALL=1 …                                                           # every bad value in every field
 */

const RANDOM_CASES = Number(process.env.FUZZ_CASES ?? 2);
const EXHAUSTIVE = process.env.FUZZ_ALL === "1";
const ACCEPTED_PER_FIELD = 1;
const ID_FIELD = /(^id$|Id$|^ids$|Ids$)/;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const INBOUND_SECRET = "fuzz-inbound-secret";
/**
 * Routes that only work with an AI endpoint and have no built-in fallback. Tests configure none,
 * so input that passes validation gets their 503 `service_unavailable` ("Card reading is off …");
 * any other 5xx, or a 503 for input the schema refuses, still fails.
 */
const NEEDS_AI_ENDPOINT = new Set(["POST /api/booth/card-read"]);

type Role = "admin" | "rep" | "anonymous";
type Part = "params" | "query" | "body";
type Case = {
  label: string;
  role: Role;
  params: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  /** Exact status and code expected (the former sweep's whole-body cases). */
  expect?: { status: number; code: string };
  /** The schema refuses this input: a 422 with details is due (for a role that may call). */
  refusedBySchema?: boolean;
  /** Odd but valid text the schema accepts: it must not come back as a validation error. */
  oddText?: boolean;
  /** Which body variant (option of a union) the case starts from. */
  variant?: number;
};

// ─────────────────────────────── fixture and database ───────────────────────────────

let fixture: FuzzFixture;
let db: TestDatabase;
let seeded: Fingerprint;
const savedEnv = { ...process.env };

beforeAll(async () => {
  // Configured webhooks, so their real checks run (signature, secret) instead of "not configured".
  process.env.SENDGRID_WEBHOOK_PUBLIC_KEY = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
  process.env.INBOUND_PARSE_SECRET = INBOUND_SECRET;
  fixture = await seedFuzzFixture();
  db = await TestDatabase.connect(testDatabaseUrl());
  await db.snapshot();
  await db.watch();
  seeded = await db.fingerprint();
});

const totals = { requests: 0, restores: 0 };

afterAll(async () => {
  console.log(`fuzz: ${totals.requests} requests to ${endpoints.length} routes (seed ${SEED}, ${RANDOM_CASES} random cases per route${EXHAUSTIVE ? ", every value" : ""}), ${totals.restores} restores after writes`);
  await db?.close();
  for (const key of ["SENDGRID_WEBHOOK_PUBLIC_KEY", "INBOUND_PARSE_SECRET"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

// ─────────────────────────────── routes from the registry ───────────────────────────────

const fileFor = (endpoint: Endpoint) => `${endpoint.path.replace(/^\/api\//, "").replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
const endpoints = registry.map((endpoint) => ({ endpoint, file: fileFor(endpoint), verb: endpoint.method as Verb }));

/** The kind of record a path id names, from the segment before it. */
const KIND_BY_SEGMENT: Record<string, string> = {
  accounts: "account", people: "person", meetings: "meeting", outreach: "outreach", sequences: "sequence",
  enrollments: "enrollment", tasks: "task", templates: "template", campaigns: "campaign", reports: "report",
  "saved-views": "savedView", suppressions: "suppression", team: "user", invites: "invite", events: "event", import: "import",
};
/** The kind of record a body or query field names, from its name. */
const KIND_BY_FIELD: [RegExp, string][] = [
  [/^(account)Ids?$/, "account"], [/^(person|people)Ids?$/, "person"], [/^(last)?[eE]ventId$/, "event"],
  [/^(assignedTo|owner|user|rep|member|actor)Id$/, "user"], [/^sequenceIds?$/, "sequence"], [/^templateId$/, "template"],
  [/^campaignId$/, "campaign"], [/^outreachIds?$/, "outreach"], [/^meetingId$/, "meeting"], [/^(enrollment)Ids?$/, "enrollment"],
];

function pathKind(endpoint: Endpoint): string | undefined {
  const segments = endpoint.path.split("/");
  const at = segments.indexOf("{id}");
  return at > 0 ? KIND_BY_SEGMENT[segments[at - 1]!] : undefined;
}

function realId(kind: string | undefined, index = 0): string {
  const ids = fixture.ids[kind ?? "account"] ?? fixture.ids.account!;
  return ids[Math.min(index, ids.length - 1)]!;
}

function pickIdFor(endpoint: Endpoint) {
  return (field: string) => {
    const kind = KIND_BY_FIELD.find(([pattern]) => pattern.test(field))?.[1] ?? (field === "ids" || field === "id" ? pathKind(endpoint) ?? bulkKind(endpoint) : undefined);
    return realId(kind);
  };
}

const bulkKind = (endpoint: Endpoint) => KIND_BY_SEGMENT[endpoint.path.split("/")[2] ?? ""];

function validParams(endpoint: Endpoint): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    if (name === "id") params.id = realId(pathKind(endpoint));
    else if (name === "token") params.token = endpoint.path.includes("/t/o/") ? fixture.tokens.open : endpoint.path.includes("/t/c/") ? fixture.tokens.click : fixture.tokens.unsubscribe;
    else if (name === "secret") params.secret = INBOUND_SECRET;
    else params[name!] = "fuzz";
  }
  return params;
}

const asQueryString = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

// ─────────────────────────────── the cases for one route ───────────────────────────────

const ODD_LABELS = new Set(ODD_TEXT.map((_, i) => `odd text ${i + 1}`));
const badEntries = Object.entries(BAD_VALUES);
const badStringEntries = Object.entries(BAD_STRINGS);

/** The former bad-input sweep's whole-body cases, with the statuses they must get. */
const COMMON_FIELDS = ["name", "firstName", "lastName", "title", "subject", "message", "notes", "description", "email", "body", "ids"];
const withFields = (value: unknown) => Object.fromEntries(COMMON_FIELDS.map((f) => [f, value]));
const WHOLE_BODY: Omit<Case, "role" | "params" | "query">[] = [
  { label: "malformed JSON", rawBody: '{"name": "Acme",', expect: { status: 400, code: "invalid_json" } },
  { label: "empty body", rawBody: "", expect: { status: 400, code: "invalid_json" } },
  { label: "wrong media type", rawBody: "name=Acme", contentType: "application/x-www-form-urlencoded", expect: { status: 415, code: "unsupported_media_type" } },
  { label: "a JSON array instead of an object", body: [{ name: "Acme" }], expect: { status: 422, code: "validation_error" } },
  { label: "a JSON string instead of an object", body: "Acme", expect: { status: 422, code: "validation_error" } },
  { label: "wrong types in common fields", body: withFields(42), expect: { status: 422, code: "validation_error" } },
  { label: "objects where scalars belong", body: withFields({ $ne: null }), expect: { status: 422, code: "validation_error" } },
  { label: "100 KB strings", body: Object.fromEntries(COMMON_FIELDS.slice(0, 8).map((f) => [f, "x".repeat(100_000)])), expect: { status: 422, code: "validation_error" } },
  { label: "only unknown fields", body: { __proto_pollution__: true, isAdmin: true, role: "ADMIN!" }, expect: { status: 422, code: "validation_error" } },
  { label: "a 1.5 MB body", rawBody: JSON.stringify({ name: "x".repeat(1_500_000) }) },
];

/** Whether the wrapper lets this input through to the handler (its text check, then the schema). */
function wrapperAccepts(part: Part, schema: ZodType, c: Case): boolean {
  // A query string cannot carry a lone surrogate: it arrives as U+FFFD.
  const input = part === "body" ? c.body : part === "query" ? Object.fromEntries(Object.entries(c.query).map(([k, v]) => [k, v.toWellFormed()])) : c.params;
  return inputIssues(input).length === 0 && accepts(schema, input);
}

function casesFor(endpoint: Endpoint, index: number): Case[] {
  const pickId = pickIdFor(endpoint);
  const params = validParams(endpoint);
  const protectedRoute = endpoint.access === "user" || endpoint.access === "admin";
  const cases: Case[] = [];
  const queryBase = endpoint.query ? Object.fromEntries(Object.entries(exampleObject(objectVariants(endpoint.query)[0] ?? {}, pickId)).map(([k, v]) => [k, asQueryString(v)])) : {};
  const bodyVariants = endpoint.body ? objectVariants(endpoint.body) : [];
  const bodyBases = bodyVariants.length ? bodyVariants.map((shape) => exampleObject(shape, pickId)) : [undefined];
  const base = (variant = 0): Omit<Case, "label"> => ({ role: "admin", params: { ...params }, query: { ...queryBase }, body: bodyBases[variant], variant });

  bodyBases.forEach((_, variant) => cases.push({ ...base(variant), label: `the valid example${bodyBases.length > 1 ? ` (variant ${variant + 1})` : ""}` }));
  if (protectedRoute) cases.push({ ...base(), role: "anonymous", label: "anonymous" });
  if (endpoint.access === "admin") cases.push({ ...base(), role: "rep", label: "a rep on an admin route" });

  // One bad value at a time. Each field gets: up to ACCEPTED_PER_FIELD of the values its schema
  // accepts (those reach the handler), one odd text (rotating), and one value the schema refuses
  // (rotating, so every class reaches every route over its fields). FUZZ_ALL=1 sends them all.
  const mutate = (part: Part, schema: ZodType, fields: Record<string, ZodType>, variant: number) => {
    Object.keys(fields).forEach((field, fieldIndex) => {
      const entries = part === "body" ? badEntries : badStringEntries;
      const accepted: Case[] = [];
      const odd: Case[] = [];
      const refused: Case[] = [];
      for (const [label, value] of entries) {
        const c: Case = { ...base(variant), label: `${part}.${field} = ${label}` };
        if (part === "body") c.body = { ...(bodyBases[variant] as object), [field]: value };
        else if (part === "query") c.query = { ...c.query, [field]: String(value) };
        else c.params = { ...c.params, [field]: String(value) };
        if (!wrapperAccepts(part, schema, c)) refused.push({ ...c, refusedBySchema: true });
        else if (ODD_LABELS.has(label)) odd.push({ ...c, oddText: !ID_FIELD.test(field) });
        else accepted.push(c);
      }
      const rotate = <T,>(list: T[], count: number) => (EXHAUSTIVE ? list : list.filter((_, i) => (i - fieldIndex - index + list.length * 64) % list.length < count));
      cases.push(...rotate(accepted, ACCEPTED_PER_FIELD), ...rotate(odd, 1), ...rotate(refused, 1));
      if (part === "params" && field === "id") {
        // A real id of other kinds, and of the same kind from the other event.
        const kinds = Object.keys(fixture.ids).filter((kind) => kind !== pathKind(endpoint));
        const picked = EXHAUSTIVE ? kinds : [kinds[index % kinds.length]!, kinds[(index + 7) % kinds.length]!];
        for (const kind of picked) cases.push({ ...base(), params: { ...params, id: realId(kind) }, label: `params.id = a real ${kind} id` });
        const same = fixture.ids[pathKind(endpoint) ?? ""];
        if (same && same.length > 1) cases.push({ ...base(), params: { ...params, id: same[same.length - 1]! }, label: "params.id = the same kind from another event" });
      }
    });
  };
  if (endpoint.params) for (const shape of objectVariants(endpoint.params)) mutate("params", endpoint.params, shape, 0);
  if (endpoint.query) {
    for (const shape of objectVariants(endpoint.query)) mutate("query", endpoint.query, shape, 0);
    cases.push({ ...base(), query: { ...queryBase, __unknown: "1" }, label: "query with an unknown parameter" });
  }
  if (endpoint.body) {
    bodyVariants.forEach((shape, variant) => mutate("body", endpoint.body!, shape, variant));
    const valid = JSON.stringify(bodyBases[0] ?? {});
    cases.push({ ...base(), body: undefined, rawBody: `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}${valid === "{}" ? "" : `,${valid.slice(1, -1)}`}}`, label: "prototype keys" });
    cases.push({ ...base(), body: { ...(bodyBases[0] as object), unknownField: "x" }, label: "an unknown field" });
    if (protectedRoute) for (const c of WHOLE_BODY) cases.push({ ...base(), body: undefined, ...c });
  }

  // Random cases from fast-check: a part, a field, a value, a role.
  const parts = ([["params", endpoint.params], ["query", endpoint.query], ["body", endpoint.body]] as const).filter(([, schema]) => schema);
  if (parts.length > 0) {
    const arbitrary = fc.record({
      part: fc.constantFrom(...parts.map(([part]) => part)),
      fieldSeed: fc.nat(),
      value: randomValue,
      text: randomString,
      rep: fc.boolean(),
    });
    for (const draw of fc.sample(arbitrary, { numRuns: RANDOM_CASES, seed: SEED + index })) {
      const schema = parts.find(([part]) => part === draw.part)![1]!;
      const variants = objectVariants(schema);
      const variant = draw.fieldSeed % Math.max(1, variants.length);
      const fields = Object.keys(variants[variant] ?? {});
      if (fields.length === 0) continue;
      const field = fields[draw.fieldSeed % fields.length]!;
      const c: Case = { ...base(draw.part === "body" ? variant : 0), role: draw.rep && endpoint.access === "user" ? "rep" : "admin", label: "" };
      if (draw.part === "body") c.body = { ...(c.body as object), [field]: draw.value };
      else if (draw.part === "query") c.query = { ...c.query, [field]: draw.text };
      else c.params = { ...c.params, [field]: draw.text };
      c.label = `random ${draw.part}.${field} = ${JSON.stringify(draw.part === "body" ? draw.value : draw.text).slice(0, 80)}`;
      c.refusedBySchema = !wrapperAccepts(draw.part, schema, c);
      cases.push(c);
    }
  }
  return cases;
}

// ─────────────────────────────── sending and judging ───────────────────────────────

async function send(handler: RouteHandler, endpoint: Endpoint, c: Case) {
  let url = endpoint.path;
  for (const [name, value] of Object.entries(c.params)) url = url.replace(`{${name}}`, encodeURIComponent(value.toWellFormed()));
  const cookie = c.role === "anonymous" ? undefined : fixture.cookies[c.role];
  const headers: Record<string, string> = {};
  if (c.rawBody !== undefined) headers["content-type"] = c.contentType ?? "application/json";
  return callRoute(handler, url, { method: endpoint.method, params: c.params, query: c.query, cookie, body: c.body, rawBody: c.rawBody, headers });
}

type Response = Awaited<ReturnType<typeof callRoute>>;

function problemsWith(endpoint: Endpoint, c: Case, res: Response, changed: string[], exampleCodes: Map<number, string | undefined>): string[] {
  const problems: string[] = [];
  const blockedRole = (c.role === "anonymous" && endpoint.access !== "public") || (c.role === "rep" && endpoint.access === "admin");
  const aiIsOff = res.status === 503 && res.json?.code === "service_unavailable" && NEEDS_AI_ENDPOINT.has(`${endpoint.method} ${endpoint.path}`) && !c.refusedBySchema;
  if (res.status >= 500 && !aiIsOff) problems.push(`answered ${res.status}: ${res.text.slice(0, 200)}`);
  if (res.status >= 400) {
    const body = res.json;
    if (body?.success !== false || typeof body.code !== "string" || !/^[a-z_]+$/.test(body.code)) problems.push(`no error envelope: ${res.text.slice(0, 160)}`);
    else if (typeof body.error !== "string" || body.error.length < 5) problems.push("no readable error message");
    if (res.text.length > 20_000) problems.push("the error echoes the input back");
    if (changed.length > 0) problems.push(`refused (${res.status}) but changed ${changed.join(", ")}`);
  } else if (res.json && typeof res.json === "object" && "success" in res.json && res.json.success !== true) {
    // (A success may be a document of its own: the OpenAPI JSON, a file, a redirect.)
    problems.push(`a ${res.status} with success: ${String(res.json.success)}`);
  }
  if (c.role === "anonymous" && (endpoint.access === "user" || endpoint.access === "admin" || endpoint.access === "cron") && res.status !== 401) problems.push(`anonymous got ${res.status}, not 401`);
  if (c.role === "rep" && endpoint.access === "admin" && res.status !== 403) problems.push(`a rep got ${res.status} on an admin route, not 403`);
  if (c.expect && !blockedRole) {
    if (res.status !== c.expect.status || res.json?.code !== c.expect.code) problems.push(`${res.status} ${String(res.json?.code)}, want ${c.expect.status} ${c.expect.code}`);
    else if (c.expect.status === 422 && !(Array.isArray(res.json?.details) && res.json.details.length > 0)) problems.push("422 without field details");
  }
  if (c.refusedBySchema && !blockedRole && endpoint.access !== "webhook") {
    if (res.status !== 422 || !(Array.isArray(res.json?.details) && res.json.details.length > 0)) problems.push(`the schema refuses this, yet the answer was ${res.status} ${String(res.json?.code)} without field details`);
  }
  // Unless the untouched example is refused the same way (a rule of the handler, not the text).
  if (c.oddText && !blockedRole && res.json?.code === "validation_error" && exampleCodes.get(c.variant ?? 0) !== "validation_error") {
    problems.push(`valid text refused: ${res.json.error}`);
  }
  return problems;
}

// ─────────────────────────────── the tests ───────────────────────────────

describe("schema-driven fuzz over every API route", () => {
  it("every route file and verb has an OpenAPI entry that declares the schemas the route parses", () => {
    const missing: string[] = [];
    for (const file of listRouteFiles()) {
      const source = readFileSync(path.join(API_DIR, file), "utf8");
      for (const [verb, access] of Object.entries(ROUTE_RULES[file] ?? {})) {
        if (access === "auth") continue;
        const entry = endpoints.find((e) => e.file === file && e.verb === verb);
        if (!entry) {
          missing.push(`${verb} ${file}: no registry entry`);
          continue;
        }
        const start = source.indexOf(`export const ${verb} = route(`);
        const options = start >= 0 ? source.slice(start, source.indexOf("=>", start)) : "";
        for (const part of ["params", "query", "body"] as const) {
          if (new RegExp(`\\b${part}\\s*[:,}]`).test(options) && !entry.endpoint[part]) missing.push(`${verb} ${file}: the route parses ${part}, the registry does not say with what`);
        }
      }
    }
    expect(missing, "add these to src/server/openapi/registry.ts").toEqual([]);
    expect(endpoints.length).toBeGreaterThan(90);
  });


  it("notices a refusal that wrote, a 500, and a refusal without the envelope (the harness can fail)", async () => {
    const leaky = route({ body: z.strictObject({ name: z.string() }) }, async ({ body }) => {
      await prisma.setting.create({ data: { key: `fuzz-leak-${body.name}`, value: 1 } });
      throw new AppError("conflict", "Refused after writing");
    });
    const crashing = route({}, () => {
      throw new Error("boom");
    });
    const bare = route({}, () => new Response("nope", { status: 404 }));
    const endpoint = { method: "POST", path: "/api/fuzz-self-test", summary: "", tag: "", access: "user" } as Endpoint;
    const c: Case = { label: "self test", role: "admin", params: {}, query: {}, body: { name: "x" } };
    const judge = async (handler: RouteHandler) => {
      const res = await send(handler, endpoint, c);
      const changed = await db.takeChanges();
      const problems = problemsWith(endpoint, c, res, changed, new Map());
      if (changed.length) await db.restore(changed);
      return problems.join("; ");
    };
    expect(await judge(leaky)).toContain("refused (409) but changed settings");
    expect(await judge(crashing)).toContain("answered 500");
    expect(await judge(bare)).toContain("no error envelope");
  });

  endpoints.forEach(({ endpoint, file, verb }, index) => {
    it(`${endpoint.method} ${endpoint.path}`, async () => {
      const handler = (await loadRoute(file))[verb];
      expect(handler, `${verb} is exported by ${file}`).toBeTypeOf("function");
      const failures: string[] = [];
      const exampleCodes = new Map<number, string | undefined>();
      const cases = casesFor(endpoint, index);
      for (const [n, c] of cases.entries()) {
        if (n % 40 === 0) await db.clearRateLimits();
        let res = await send(handler!, endpoint, c);
        if (res.status === 429) {
          // A route's own tighter limit (exports, AI) ran out: start its window again and resend.
          await db.takeChanges();
          await db.clearRateLimits();
          res = await send(handler!, endpoint, c);
        }
        totals.requests++;
        const changed = await db.takeChanges();
        if (c.label.startsWith("the valid example")) exampleCodes.set(c.variant ?? 0, res.json?.code);
        const problems = problemsWith(endpoint, c, res, changed, exampleCodes);
        if (problems.length) failures.push(`[${c.role}] ${c.label}: ${problems.join("; ")}`);
        if (changed.length > 0) {
          totals.restores++;
          await db.restore(changed);
        }
      }
      // The restores really put the fixture back (and nothing escaped the change triggers).
      const drift = TestDatabase.changed(seeded, await db.fingerprint());
      if (drift.length > 0) {
        failures.push(`after the run these tables differ from the fixture: ${drift.join(", ")}`);
        await db.restore();
      }
      expect(failures, `${endpoint.method} ${endpoint.path}`).toEqual([]);
    });
  });
});
