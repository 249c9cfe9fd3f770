import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { addManualSuppression, createSuppressionBody, listSuppressions, listSuppressionsQuery } from "@/server/suppressions/service";

// GET /api/suppressions — addresses we never email
export const GET = route({ query: listSuppressionsQuery }, ({ query }) => listSuppressions(query));

// POST /api/suppressions — add an address by hand
export const POST = route({ body: createSuppressionBody, status: 201 }, async ({ user, body }) => addManualSuppression(body, user, await eventIdFor(user)));
