import { idParams, route } from "@/server/http/route";
import { calculateAccountRoi, saveAccountRoi, saveRoiBody } from "@/server/roi/service";

// GET /api/accounts/:id/roi — the account's ROI model with its saved assumptions
export const GET = route({ params: idParams }, ({ actor, params }) => calculateAccountRoi({ accountId: params.id }, actor));

// PUT /api/accounts/:id/roi — keep the assumptions changed for this account (an empty set resets them)
export const PUT = route({ params: idParams, body: saveRoiBody }, ({ actor, params, body }) => saveAccountRoi(params.id, body.values, actor));
