import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { buildReport } from "@/server/reports/build";
import { reportConfig } from "@/server/reports/config";
import { renderReportHtml } from "@/server/reports/html";
import { renderReportPdf } from "@/server/reports/pdf";
import { eventScopeField, type Actor } from "@/server/access/actor";

/**
 * POST /api/reports/pdf body: a report config plus `eventId` (default: current event) and
 * `format`: "pdf" (default; application/pdf download), "html" (the printable page) or "json"
 * (the numbers the two render, for previews and scripts).
 */
export const reportRenderBody = reportConfig.extend({
  ...eventScopeField,
  format: z.enum(["pdf", "html", "json"]).default("pdf"),
});
export type ReportRenderBody = z.infer<typeof reportRenderBody>;

export async function renderReport(body: ReportRenderBody, actor: Actor, db: DbTx = prisma): Promise<Response | object> {
  const { format, eventId: _named, ...config } = body;
  void _named; // the route wrapper made the named event the actor's
  const data = await buildReport(actor.eventId, config, db);
  const slug = data.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "report";
  if (format === "json") return data;
  if (format === "html") {
    return new Response(renderReportHtml(data), { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
  const pdf = await renderReportPdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${slug}.pdf"`,
      "cache-control": "no-store",
    },
  });
}
