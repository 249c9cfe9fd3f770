import { route } from "@/server/http/route";
import { buildOpenApiDocument } from "@/server/openapi/document";

// GET /api/openapi.json — the OpenAPI 3.1 document of this API; no sign-in needed
export const GET = route({ access: "public" }, () => Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
