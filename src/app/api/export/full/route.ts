import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { createFullExport, exportBody, exportQuery, exportResponse } from "@/server/exports/full-export";

// GET /api/export/full — stream the event's data as CSV (one entity, or a zip of all), JSON or NDJSON (admins)
export const GET = route({ access: "admin", query: exportQuery, rateLimit: RATE_LIMITS.export }, async ({ actor, query }) =>
  exportResponse(await createFullExport(query, actor)));

// POST /api/export/full — the same export with its options in a JSON body (the sprint plan's clients POST)
export const POST = route({ access: "admin", body: exportBody, rateLimit: RATE_LIMITS.export }, async ({ actor, body }) =>
  exportResponse(await createFullExport(body, actor)));
