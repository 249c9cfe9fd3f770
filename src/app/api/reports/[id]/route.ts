import { idParams, route } from "@/server/http/route";
import { deleteReportDefinition, getReportDefinition, updateReportBody, updateReportDefinition } from "@/server/reports/definitions";

// GET /api/reports/:id — one saved report definition
export const GET = route({ params: idParams }, ({ actor, params }) => getReportDefinition(params.id, actor));

// PATCH /api/reports/:id — rename or change a definition (owner or admin)
export const PATCH = route({ params: idParams, body: updateReportBody }, ({ actor, params, body }) => updateReportDefinition(params.id, body, actor));

// DELETE /api/reports/:id — delete a definition (owner or admin)
export const DELETE = route({ params: idParams }, ({ actor, params }) => deleteReportDefinition(params.id, actor));
