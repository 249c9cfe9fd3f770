import { SECTION_LABELS } from "@/server/reports/config";
import { sectionTables, type ReportData } from "@/server/reports/build";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function dateRange(data: ReportData) {
  const fmt = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return `${fmt(data.event.startDate)} – ${fmt(data.event.endDate)}`;
}

/** A self-contained printable page (inline CSS, no scripts): prints cleanly from any browser. */
export function renderReportHtml(data: ReportData): string {
  const tables = sectionTables(data);
  const body = data.sections.map((section) => {
    const t = tables[section];
    if (!t) return "";
    const rows = t.rows.length
      ? t.rows.map((r) => `<tr>${r.map((c, i) => `<td${i ? ' class="num"' : ""}>${esc(c)}</td>`).join("")}</tr>`).join("")
      : `<tr><td colspan="${t.head.length}">No data for these filters.</td></tr>`;
    return `<section><h2>${esc(SECTION_LABELS[section])}</h2><table><thead><tr>${t.head.map((h, i) => `<th${i ? ' class="num"' : ""}>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table></section>`;
  }).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(data.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;margin:32px auto;max-width:820px;padding:0 16px;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:15px;margin:28px 0 8px;border-bottom:2px solid #4f46e5;padding-bottom:4px}
.meta{color:#475569;margin:0 0 2px}table{width:100%;border-collapse:collapse}th,td{padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:left}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#475569}.num{text-align:right;font-variant-numeric:tabular-nums}
footer{margin-top:32px;color:#64748b;font-size:12px}@media print{body{margin:0}section{break-inside:avoid}}
</style></head><body>
<h1>${esc(data.title)}</h1>
<p class="meta">${esc(data.event.name)}${data.event.city ? ` · ${esc(data.event.city)}` : ""} · ${esc(dateRange(data))}</p>
<p class="meta">Filters: ${data.filterSummary.length ? esc(data.filterSummary.join(" · ")) : "none (whole event)"}</p>
${body}
<footer>Generated ${esc(data.generatedAt.toISOString().replace("T", " ").slice(0, 16))} UTC by EventOps. Rates are over sent messages; opens exclude machine (privacy-proxy) opens.</footer>
</body></html>`;
}
