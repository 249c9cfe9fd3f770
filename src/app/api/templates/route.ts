import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { createTemplateBody, createTemplate, listTemplates, listTemplatesQuery } from "@/server/templates/service";

// GET /api/templates — the event's templates and the shared ones
export const GET = route({ query: listTemplatesQuery }, async ({ user, query }) => listTemplates(await eventIdFor(user, query.eventId), query));

// POST /api/templates — create a template with merge fields
export const POST = route({ body: createTemplateBody, status: 201 }, async ({ user, body }) => createTemplate(body, await eventIdFor(user, body.eventId), user));
