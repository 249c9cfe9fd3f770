import { idParams, route } from "@/server/http/route";
import { sendMessageNow } from "@/server/outreach/actions";

// POST /api/outreach/:id/send — send now, or queue for the next slot in the sending window
export const POST = route({ params: idParams }, ({ actor, params }) => sendMessageNow(params.id, actor));
