import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { createOutreachBody, listOutreachQuery } from "@/server/outreach/schemas";
import { createOutreach, listOutreach } from "@/server/outreach/service";

// GET /api/outreach — list messages with filters (status, channel, rep, campaign, dates)
export const GET = route({ query: listOutreachQuery }, async ({ user, query }) => listOutreach(await eventIdFor(user, query.eventId), query));

// POST /api/outreach — save a draft for a person
export const POST = route({ body: createOutreachBody, status: 201 }, async ({ user, body }) => createOutreach(body, await eventIdFor(user), user));
