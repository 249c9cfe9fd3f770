import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { recipientsQuery } from "@/server/outreach/schemas";
import { searchRecipients } from "@/server/outreach/service";

// GET /api/outreach/recipients?q= — people to write to (compose dialog picker)
export const GET = route({ query: recipientsQuery }, async ({ user, query }) => searchRecipients(await eventIdFor(user, query.eventId), query.q));
