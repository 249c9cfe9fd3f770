import { archiveCampaign, getCampaignOrThrow, updateCampaign, updateCampaignBody } from "@/server/campaigns/service";
import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";

// GET /api/campaigns/:id — one campaign with its rates
export const GET = route({ params: idParams }, async ({ user, params }) => getCampaignOrThrow(params.id, await eventIdFor(user)));

// PATCH /api/campaigns/:id — rename or describe a campaign
export const PATCH = route({ params: idParams, body: updateCampaignBody }, async ({ user, params, body }) => updateCampaign(params.id, body, await eventIdFor(user), user));

// DELETE /api/campaigns/:id — archive a campaign (its messages stay)
export const DELETE = route({ params: idParams }, async ({ user, params }) => archiveCampaign(params.id, await eventIdFor(user), user));
