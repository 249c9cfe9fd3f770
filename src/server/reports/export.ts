import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { buildReport } from "@/server/reports/build";
import { reportConfig } from "@/server/reports/config";
import { renderReportHtml } from "@/server/reports/html";
import { renderReportPdf } from "@/server/reports/pdf";

/**
 * POST /api/reports/pdf body: a report config plus `eventId` (default: current event) and
 * `format`: "pdf" (default; application/pdf download), "html" (the printable page) or "json"
 * (the numbers the two render, for previews and scripts).
 */
export const reportRenderBody = reportConfig.extend({
  eventId: z.string().min(1).max(64).optional(),
  format: z.enum(["pdf", "html", "json"]).default("pdf"),
});
export type ReportRenderBody = z.infer<typeof reportRenderBody>;

export async function renderReport(eventId: string, body: ReportRenderBody, db: DbTx = prisma): Promise<Response | object> {
  const { format, eventId: _ignored, ...config } = body;
  void _ignored;
  const data = await buildReport(eventId, config, db);
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
