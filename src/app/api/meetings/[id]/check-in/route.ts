import { idParams, route } from "@/server/http/route";
import { checkInMeeting } from "@/server/meetings/service";

// POST /api/meetings/:id/check-in — the visitor arrived
export const POST = route({ params: idParams }, ({ actor, params }) => checkInMeeting(params.id, actor));
