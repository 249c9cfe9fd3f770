import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { changeSequenceStatus, sequenceStatusBody } from "@/server/sequences/service";

// POST /api/sequences/:id/status — activate, pause or archive
export const POST = route({ params: idParams, body: sequenceStatusBody }, async ({ user, params, body }) => changeSequenceStatus(params.id, body.action, await eventIdFor(user), user));
