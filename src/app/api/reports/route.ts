import { route } from "@/server/http/route";
import { createReportBody, createReportDefinition, listReportDefinitions, listReportsQuery } from "@/server/reports/definitions";

// GET /api/reports — saved report definitions of the event
export const GET = route({ query: listReportsQuery }, ({ actor, query }) =>
  listReportDefinitions(actor, query));

// POST /api/reports — save a report definition
export const POST = route({ body: createReportBody, status: 201 }, ({ actor, body }) =>
  createReportDefinition(body, actor));
