import { idParams, route } from "@/server/http/route";
import { calculateAccountRoi, saveAccountRoi, saveRoiBody } from "@/server/roi/service";

// GET /api/accounts/:id/roi — the account's ROI model with its saved assumptions
export const GET = route({ params: idParams }, ({ params }) => calculateAccountRoi({ accountId: params.id }));

// PUT /api/accounts/:id/roi — keep the assumptions changed for this account (an empty set resets them)
export const PUT = route({ params: idParams, body: saveRoiBody }, ({ user, params, body }) => saveAccountRoi(params.id, body.values, user));
