import { route } from "@/server/http/route";
import { icpWeightsSchema } from "@/server/scoring/icp";
import { getIcpWeightsWithMeta, setIcpWeights } from "@/server/scoring/service";

// GET /api/ai/score-icp/weights — the ICP weights in force
export const GET = route({ event: "optional" }, () => getIcpWeightsWithMeta());

// PUT /api/ai/score-icp/weights — change the ICP weights (admins)
export const PUT = route({ event: "optional", access: "admin", body: icpWeightsSchema }, ({ body, actor }) => setIcpWeights(body, actor));
