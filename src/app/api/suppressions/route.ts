import { route } from "@/server/http/route";
import { addManualSuppression, createSuppressionBody, listSuppressions, listSuppressionsQuery } from "@/server/suppressions/service";

// GET /api/suppressions — addresses we never email
export const GET = route({ event: "optional", query: listSuppressionsQuery }, ({ query }) => listSuppressions(query));

// POST /api/suppressions — add an address by hand
export const POST = route({ event: "optional", body: createSuppressionBody, status: 201 }, ({ actor, body }) => addManualSuppression(body, actor));
