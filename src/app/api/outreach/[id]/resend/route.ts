import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { resendInterrupted } from "@/server/outreach/actions";

// POST /api/outreach/:id/resend — send again a message whose send was interrupted (after checking the outbox)
export const POST = route({ params: idParams }, async ({ user, params }) => resendInterrupted(params.id, await eventIdFor(user), user));
