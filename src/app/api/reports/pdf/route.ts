import { route } from "@/server/http/route";
import { renderReport, reportRenderBody } from "@/server/reports/export";

// POST /api/reports/pdf — render a report as PDF (default), printable HTML or JSON
export const POST = route({ body: reportRenderBody }, ({ actor, body }) => renderReport(body, actor));
