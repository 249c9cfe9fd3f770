import { route } from "@/server/http/route";
import { calculateAccountRoi, roiQuery } from "@/server/roi/service";

// GET /api/roi/calculate?accountId=…&facilities=… — the annual-savings model with every assumption
export const GET = route({ query: roiQuery }, ({ actor, query }) => calculateAccountRoi(query, actor));
