import { idParams, route } from "@/server/http/route";
import { resendInterrupted } from "@/server/outreach/actions";

// POST /api/outreach/:id/resend — send again a message whose send was interrupted (after checking the outbox)
export const POST = route({ params: idParams }, ({ actor, params }) => resendInterrupted(params.id, actor));
