import { idParams, route } from "@/server/http/route";
import { changeSequenceStatus, sequenceStatusBody } from "@/server/sequences/service";

// POST /api/sequences/:id/status — activate, pause or archive
export const POST = route({ params: idParams, body: sequenceStatusBody }, ({ actor, params, body }) => changeSequenceStatus(params.id, body.action, actor));
