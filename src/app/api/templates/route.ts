import { route } from "@/server/http/route";
import { createTemplateBody, createTemplate, listTemplates, listTemplatesQuery } from "@/server/templates/service";

// GET /api/templates — the event's templates and the shared ones
export const GET = route({ query: listTemplatesQuery }, ({ actor, query }) => listTemplates(query, actor));

// POST /api/templates — create a template with merge fields
export const POST = route({ body: createTemplateBody, status: 201 }, ({ actor, body }) => createTemplate(body, actor));
