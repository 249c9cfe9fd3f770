import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { sendMessageNow } from "@/server/outreach/actions";

// POST /api/outreach/:id/send — send now, or queue for the next slot in the sending window
export const POST = route({ params: idParams }, async ({ user, params }) => sendMessageNow(params.id, await eventIdFor(user), user));
