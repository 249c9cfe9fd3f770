import { route } from "@/server/http/route";
import { addEventCost, createCostBody, listCostsQuery, listEventCosts } from "@/server/roi/show-pnl";

// GET /api/event-costs?eventId=… — what the show cost, line by line
export const GET = route({ query: listCostsQuery }, ({ actor }) => listEventCosts(actor.eventId));

// POST /api/event-costs — admins add a cost line (booth space, build, travel, sponsorship, other)
export const POST = route({ access: "admin", body: createCostBody, status: 201 }, ({ actor, body }) => addEventCost({ ...body, eventId: actor.eventId }, actor));
