import { idParams, route } from "@/server/http/route";
import { deleteEventCost, updateCostBody, updateEventCost } from "@/server/roi/show-pnl";

// PATCH /api/event-costs/:id — admins correct a cost line
export const PATCH = route({ access: "admin", params: idParams, body: updateCostBody }, ({ user, params, body }) => updateEventCost(params.id, body, user));

// DELETE /api/event-costs/:id — admins remove a cost line (kept, no longer counted)
export const DELETE = route({ access: "admin", params: idParams }, ({ user, params }) => deleteEventCost(params.id, user));
