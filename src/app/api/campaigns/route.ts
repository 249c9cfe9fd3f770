import { createCampaign, createCampaignBody, listCampaigns, listCampaignsQuery } from "@/server/campaigns/service";
import { route } from "@/server/http/route";

// GET /api/campaigns — campaigns of the event with their rates
export const GET = route({ query: listCampaignsQuery }, ({ actor }) => listCampaigns(actor));

// POST /api/campaigns — create a campaign
export const POST = route({ body: createCampaignBody, status: 201 }, ({ actor, body }) => createCampaign(body, actor));
