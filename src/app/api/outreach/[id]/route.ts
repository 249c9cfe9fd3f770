import { idParams, route } from "@/server/http/route";
import { updateOutreachBody } from "@/server/outreach/schemas";
import { discardOutreach, getOutreachOrThrow, updateOutreach } from "@/server/outreach/service";

// GET /api/outreach/:id — one message with its tracking history and what went out
export const GET = route({ params: idParams }, ({ actor, params }) => getOutreachOrThrow(params.id, actor));

// PATCH /api/outreach/:id — edit a draft or queued message
export const PATCH = route({ params: idParams, body: updateOutreachBody }, ({ actor, params, body }) => updateOutreach(params.id, body, actor));

// DELETE /api/outreach/:id — discard a draft or cancel a queued message
export const DELETE = route({ params: idParams }, ({ actor, params }) => discardOutreach(params.id, actor));
