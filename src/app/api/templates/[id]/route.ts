import { idParams, route } from "@/server/http/route";
import { archiveTemplate, getTemplateOrThrow, updateTemplate, updateTemplateBody } from "@/server/templates/service";

// GET /api/templates/:id — one template
export const GET = route({ params: idParams }, ({ actor, params }) => getTemplateOrThrow(params.id, actor));

// PATCH /api/templates/:id — edit a template
export const PATCH = route({ params: idParams, body: updateTemplateBody }, ({ actor, params, body }) => updateTemplate(params.id, body, actor));

// DELETE /api/templates/:id — archive a template (messages written from it keep their text)
export const DELETE = route({ params: idParams }, ({ actor, params }) => archiveTemplate(params.id, actor));
