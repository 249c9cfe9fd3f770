import { z, type ZodType } from "zod";
import packageJson from "../../../package.json" with { type: "json" };
import { errorStatus } from "@/server/http/errors";
import { registry, type Endpoint } from "@/server/openapi/registry";

/**
 * Builds the OpenAPI 3.1 document from the endpoint registry. JSON Schemas come from the
 * routes' own zod schemas via z.toJSONSchema (input side: what a client sends); a schema zod
 * cannot express (transforms, custom refinements) degrades to an open schema instead of failing.
 * Error responses follow the one table in errors.ts; which codes apply follows from the access
 * rule and from whether the endpoint reads params/query/body.
 */

type JsonSchema = Record<string, unknown>;

function toSchema(schema: ZodType): JsonSchema {
  try {
    const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    delete out.$schema;
    return out;
  } catch {
    return {};
  }
}

/** Path/query schemas become one OpenAPI parameter per property. */
function parametersFrom(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = toSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, prop]) => ({
    name,
    in: where,
    required: where === "path" ? true : required.has(name) && !("default" in prop),
    ...(typeof prop.description === "string" ? { description: prop.description } : {}),
    schema: prop,
  }));
}

/** Every `{name}` in the path is declared, from the params schema when the route has one. */
function pathParameters(e: Endpoint) {
  const declared = parametersFrom(e.params, "path");
  const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return names.map((name) => declared.find((p) => p.name === name) ?? { name, in: "path" as const, required: true, schema: { type: "string" } });
}

const errorRef = { $ref: "#/components/responses/Error" };

function errorResponses(e: Endpoint) {
  const codes = new Set<number>([errorStatus.internal_error]);
  if (e.access === "user" || e.access === "admin") codes.add(errorStatus.unauthorized).add(errorStatus.rate_limited);
  if (e.access === "cron") codes.add(errorStatus.unauthorized);
  if (e.access === "webhook") codes.add(errorStatus.unauthorized).add(errorStatus.forbidden);
  if (e.access === "admin" || (e.method !== "GET" && e.access === "user")) codes.add(errorStatus.forbidden);
  if (e.params) codes.add(errorStatus.not_found);
  if (e.params || e.query || e.body) codes.add(errorStatus.validation_error);
  if (e.body) codes.add(errorStatus.invalid_json).add(errorStatus.unsupported_media_type).add(errorStatus.payload_too_large);
  return Object.fromEntries([...codes].sort().map((code) => [String(code), errorRef]));
}

function security(e: Endpoint) {
  if (e.access === "user" || e.access === "admin") return [{ sessionCookie: [] }];
  if (e.access === "cron") return [{ cronBearer: [] }];
  return [];
}

function operation(e: Endpoint) {
  const success = String(e.status ?? 200);
  const accessNote = { user: "Signed-in teammate.", admin: "Admins only (403 for reps).", public: "No sign-in needed.", cron: "Vercel Cron: Bearer CRON_SECRET.", webhook: "Provider signature or secret." }[e.access];
  return {
    operationId: `${e.method.toLowerCase()}${e.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: e.summary,
    description: accessNote,
    tags: [e.tag],
    "x-access": e.access,
    security: security(e),
    parameters: [...pathParameters(e), ...parametersFrom(e.query, "query")],
    ...(e.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(e.body), ...(e.example?.request ? { example: e.example.request } : {}) } } } }
      : {}),
    responses: {
      [success]: {
        description: "Success: `{ success: true, data }` (lists: data is `{ items, total, moreThanTotal, page, pageSize, hasMore }`; a search counts up to 1,000 matches, and `moreThanTotal` says more match)",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Success" }, ...(e.example?.response ? { example: e.example.response } : {}) } },
      },
      ...errorResponses(e),
    },
  };
}

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const e of registry) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e);
  return {
    openapi: "3.1.0",
    info: {
      title: "EventOps API",
      version: packageJson.version,
      description:
        "JSON API behind the EventOps app. Every response carries `x-request-id`. Writes from browsers must be same-origin. Rate limit: 100 requests/minute per user (stricter for AI, exports and sign-in emails). Every rate in a response (openRate, clickRate, replyRate, bounceRate) is a fraction of 0–1 (0.25 = 25 %), rounded to 4 decimals; clients format it.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(registry.map((e) => e.tag))].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Session cookie set by the magic-link sign-in (`__Secure-authjs.session-token` over HTTPS)." },
        cronBearer: { type: "http", scheme: "bearer", description: "Vercel Cron sends `Authorization: Bearer $CRON_SECRET`." },
      },
      schemas: {
        Success: { type: "object", required: ["success", "data"], properties: { success: { const: true }, data: {} } },
        Error: {
          type: "object",
          required: ["success", "error", "code"],
          properties: {
            success: { const: false },
            error: { type: "string", description: "A sentence for people" },
            code: { enum: Object.keys(errorStatus) },
            details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
          },
        },
      },
      responses: {
        Error: { description: "Error envelope; `code` is one of the error codes, `details` lists field problems for 422.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    },
  };
}
