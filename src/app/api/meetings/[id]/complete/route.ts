import { idParams, route } from "@/server/http/route";
import { completeMeetingBody } from "@/server/meetings/schemas";
import { completeMeeting } from "@/server/meetings/service";

// POST /api/meetings/:id/complete — outcome, next step and optionally the account's next status
export const POST = route({ params: idParams, body: completeMeetingBody }, ({ actor, params, body }) => completeMeeting(params.id, body, actor));
