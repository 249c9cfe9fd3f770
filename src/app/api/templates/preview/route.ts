import { route } from "@/server/http/route";
import { previewTemplate, previewTemplateBody } from "@/server/templates/service";

// POST /api/templates/preview — render a subject and body for one person, listing empty fields
export const POST = route({ body: previewTemplateBody }, ({ actor, body }) => previewTemplate(body, actor));
