import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { updateOutreachBody } from "@/server/outreach/schemas";
import { discardOutreach, getOutreachOrThrow, updateOutreach } from "@/server/outreach/service";

// GET /api/outreach/:id — one message with its tracking history and what went out
export const GET = route({ params: idParams }, async ({ user, params }) => getOutreachOrThrow(params.id, await eventIdFor(user)));

// PATCH /api/outreach/:id — edit a draft or queued message
export const PATCH = route({ params: idParams, body: updateOutreachBody }, async ({ user, params, body }) => updateOutreach(params.id, body, await eventIdFor(user), user));

// DELETE /api/outreach/:id — discard a draft or cancel a queued message
export const DELETE = route({ params: idParams }, async ({ user, params }) => discardOutreach(params.id, await eventIdFor(user), user));
