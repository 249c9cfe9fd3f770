import { route } from "@/server/http/route";
import { createOutreachBody, listOutreachQuery } from "@/server/outreach/schemas";
import { createOutreach, listOutreach } from "@/server/outreach/service";

// GET /api/outreach — list messages with filters (status, channel, rep, campaign, dates)
export const GET = route({ query: listOutreachQuery }, ({ actor, query }) => listOutreach(query, actor));

// POST /api/outreach — save a draft for a person
export const POST = route({ body: createOutreachBody, status: 201 }, ({ actor, body }) => createOutreach(body, actor));
