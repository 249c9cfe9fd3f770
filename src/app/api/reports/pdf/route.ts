import { route } from "@/server/http/route";
import { renderReport, reportRenderBody } from "@/server/reports/export";
import { eventForRequest } from "@/server/insights/event-scope";

// POST /api/reports/pdf — render a report as PDF (default), printable HTML or JSON
export const POST = route({ body: reportRenderBody }, async ({ user, body }) => renderReport((await eventForRequest(user, body.eventId)).id, body));
