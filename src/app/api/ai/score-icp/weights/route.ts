import { route } from "@/server/http/route";
import { icpWeightsSchema } from "@/server/scoring/icp";
import { getIcpWeightsWithMeta, setIcpWeights } from "@/server/scoring/service";

// GET /api/ai/score-icp/weights — the ICP weights in force
export const GET = route({}, () => getIcpWeightsWithMeta());

// PUT /api/ai/score-icp/weights — change the ICP weights (admins)
export const PUT = route({ access: "admin", body: icpWeightsSchema }, ({ body, user }) => setIcpWeights(body, user));
