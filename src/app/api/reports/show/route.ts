import { route } from "@/server/http/route";
import { getShowPnl, showPnlQuery } from "@/server/roi/show-pnl";

// GET /api/reports/show?eventId=… — "Was the show worth it?": cost per lead/meeting/opportunity, pipeline, won revenue, ROI, by rep and tier, vs the previous show
export const GET = route({ query: showPnlQuery }, ({ actor }) => getShowPnl(actor.eventId));
