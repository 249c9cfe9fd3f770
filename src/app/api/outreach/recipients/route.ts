import { route } from "@/server/http/route";
import { recipientsQuery } from "@/server/outreach/schemas";
import { searchRecipients } from "@/server/outreach/service";

// GET /api/outreach/recipients?q= — people to write to (compose dialog picker)
export const GET = route({ query: recipientsQuery }, ({ actor, query }) => searchRecipients(query.q, actor));
