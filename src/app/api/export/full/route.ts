import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { createFullExport, exportQuery, exportResponse } from "@/server/exports/full-export";

// GET /api/export/full — stream the event's data as CSV (one entity, or a zip of all), JSON or NDJSON (admins)
export const GET = route({ access: "admin", query: exportQuery, rateLimit: RATE_LIMITS.export }, async ({ actor, query }) =>
  exportResponse(await createFullExport(query, actor)));
