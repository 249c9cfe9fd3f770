import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { markRepliedBody } from "@/server/outreach/schemas";
import { markReplied } from "@/server/tracking/events";

// POST /api/outreach/:id/reply — a rep marks that the person replied
export const POST = route({ params: idParams, body: markRepliedBody }, async ({ user, params, body }) => markReplied(params.id, await eventIdFor(user), body, user));
