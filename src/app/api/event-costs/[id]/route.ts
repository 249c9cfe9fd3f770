import { idParams, route } from "@/server/http/route";
import { deleteEventCost, updateCostBody, updateEventCost } from "@/server/roi/show-pnl";

// PATCH /api/event-costs/:id — admins correct a cost line
export const PATCH = route({ access: "admin", params: idParams, body: updateCostBody }, ({ actor, params, body }) => updateEventCost(params.id, body, actor));

// DELETE /api/event-costs/:id — admins remove a cost line (kept, no longer counted)
export const DELETE = route({ access: "admin", params: idParams }, ({ actor, params }) => deleteEventCost(params.id, actor));
