import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { archiveTemplate, getTemplateOrThrow, updateTemplate, updateTemplateBody } from "@/server/templates/service";

// GET /api/templates/:id — one template
export const GET = route({ params: idParams }, async ({ user, params }) => getTemplateOrThrow(params.id, await eventIdFor(user)));

// PATCH /api/templates/:id — edit a template
export const PATCH = route({ params: idParams, body: updateTemplateBody }, async ({ user, params, body }) => updateTemplate(params.id, body, await eventIdFor(user), user));

// DELETE /api/templates/:id — archive a template (messages written from it keep their text)
export const DELETE = route({ params: idParams }, async ({ user, params }) => archiveTemplate(params.id, await eventIdFor(user), user));
