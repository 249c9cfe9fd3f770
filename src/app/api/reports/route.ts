import { route } from "@/server/http/route";
import { createReportBody, createReportDefinition, listReportDefinitions, listReportsQuery } from "@/server/reports/definitions";
import { eventForRequest } from "@/server/insights/event-scope";

// GET /api/reports — saved report definitions of the event
export const GET = route({ query: listReportsQuery }, async ({ user, query }) =>
  listReportDefinitions((await eventForRequest(user, query.eventId)).id, query.page, query.pageSize));

// POST /api/reports — save a report definition
export const POST = route({ body: createReportBody, status: 201 }, async ({ user, body }) =>
  createReportDefinition((await eventForRequest(user, body.eventId)).id, body, user));
