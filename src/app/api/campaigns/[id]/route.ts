import { archiveCampaign, getCampaignOrThrow, updateCampaign, updateCampaignBody } from "@/server/campaigns/service";
import { idParams, route } from "@/server/http/route";

// GET /api/campaigns/:id — one campaign with its rates
export const GET = route({ params: idParams }, ({ actor, params }) => getCampaignOrThrow(params.id, actor));

// PATCH /api/campaigns/:id — rename or describe a campaign
export const PATCH = route({ params: idParams, body: updateCampaignBody }, ({ actor, params, body }) => updateCampaign(params.id, body, actor));

// DELETE /api/campaigns/:id — archive a campaign (its messages stay)
export const DELETE = route({ params: idParams }, ({ actor, params }) => archiveCampaign(params.id, actor));
