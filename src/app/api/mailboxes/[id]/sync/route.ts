import { idParams, route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { syncMailboxNow } from "@/server/mailboxes/service";

export const maxDuration = 60;

// POST /api/mailboxes/:id/sync — look for replies in this mailbox now
export const POST = route({ event: "optional", params: idParams, rateLimit: RATE_LIMITS.mailbox }, ({ actor, params }) => syncMailboxNow(params.id, actor));
