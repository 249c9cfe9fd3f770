import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { previewTemplate, previewTemplateBody } from "@/server/templates/service";

// POST /api/templates/preview — render a subject and body for one person, listing empty fields
export const POST = route({ body: previewTemplateBody }, async ({ user, body }) => previewTemplate(body, await eventIdFor(user), user));
