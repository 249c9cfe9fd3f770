import { createCampaign, createCampaignBody, listCampaigns, listCampaignsQuery } from "@/server/campaigns/service";
import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";

// GET /api/campaigns — campaigns of the event with their rates
export const GET = route({ query: listCampaignsQuery }, async ({ user, query }) => listCampaigns(await eventIdFor(user, query.eventId)));

// POST /api/campaigns — create a campaign
export const POST = route({ body: createCampaignBody, status: 201 }, async ({ user, body }) => createCampaign(body, await eventIdFor(user, body.eventId), user));
