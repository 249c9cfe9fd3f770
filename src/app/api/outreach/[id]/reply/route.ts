import { idParams, route } from "@/server/http/route";
import { markRepliedBody } from "@/server/outreach/schemas";
import { markReplied } from "@/server/tracking/events";

// POST /api/outreach/:id/reply — a rep marks that the person replied
export const POST = route({ params: idParams, body: markRepliedBody }, ({ actor, params, body }) => markReplied(params.id, body, actor));
