import { route } from "@/server/http/route";
import { listOutreachQuery } from "@/server/outreach/schemas";
import { outreachStats } from "@/server/outreach/service";

// GET /api/outreach/stats — sent/open/click/reply rates (fractions of sent) for the filtered messages, overall and per rep
export const GET = route({ query: listOutreachQuery }, ({ actor, query }) => outreachStats(query, actor));
