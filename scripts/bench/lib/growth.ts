/**
 * The growth table: every service and HTTP figure at the large and the xl dataset side by side
 * (issue 17: "lists and details stay within 1.5× of their large-size numbers — index-bound, no
 * scan grows with the data"). Growth is how many times slower xl is: xl ÷ large for times,
 * large ÷ xl for throughput. The limit applies to the p50 of lists and details (p50 is the
 * stabler figure on a shared machine; p95 is shown beside it); aggregates (dashboard, report,
 * heatmap, P&L) are shown without a limit here — their budget is absolute at both sizes.
 */
import type { BenchReport } from "./report";

export const GROWTH_LIMIT = 1.5;

/**
 * Lists and details: reads of one page or one record, which must not grow with the data (what the
 * pages read besides their lists, service.page-*, too). Not the framework's floor: it reads no
 * data, and its change from one run to the next is the machine's noise.
 */
const BOUNDED = /^(service\.(accounts-list|accounts-search|account-detail|people-list|person-detail|global-search|page-)|http\.(api\.(?!floor)|page\.))/;
const FIGURES = ["p50Ms", "p95Ms", "rawP50Ms", "rps"] as const;
const THROUGHPUT = new Set<string>(["rps"]);

export interface GrowthRow {
  id: string;
  label: string;
  metric: string;
  large: number;
  xl: number;
  /** How many times slower at xl. */
  growth: number;
  /** Set on the figure the limit applies to. */
  limit?: number;
}

export function growthRows(large: BenchReport, xl: BenchReport): GrowthRow[] {
  const xlById = new Map(xl.results.map((r) => [r.id, r]));
  const rows: GrowthRow[] = [];
  for (const before of large.results) {
    if (!before.id.startsWith("service.") && !before.id.startsWith("http.")) continue;
    const after = xlById.get(before.id);
    if (!after) continue;
    for (const metric of FIGURES) {
      const a = before.metrics[metric];
      const b = after.metrics[metric];
      if (a === undefined || b === undefined || !(a > 0) || !(b > 0)) continue;
      const growth = Math.round((THROUGHPUT.has(metric) ? a / b : b / a) * 100) / 100;
      rows.push({ id: before.id, label: before.label, metric, large: a, xl: b, growth, ...(metric === "p50Ms" && BOUNDED.test(before.id) ? { limit: GROWTH_LIMIT } : {}) });
    }
  }
  return rows;
}

export function growthMisses(rows: readonly GrowthRow[]): GrowthRow[] {
  return rows.filter((r) => r.limit !== undefined && r.growth > r.limit);
}

function fmt(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString("en-US");
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function runFacts(report: BenchReport): string {
  const load = report.loadAverage ? `, load ${report.loadAverage.start.toFixed(1)} → ${report.loadAverage.end.toFixed(1)}` : "";
  const rows = report.dataset ? `, ${Object.entries(report.dataset).map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`).slice(0, 4).join(", ")}` : "";
  const changed = report.changedSinceSeed?.length ? `, CHANGED since its seed by ${report.changedSinceSeed.join(", ")}: not like for like` : "";
  return `${report.startedAt}${report.commit ? ` @ ${report.commit.slice(0, 8)}` : ""}${load}${rows}${changed}`;
}

export function renderGrowth(large: BenchReport, xl: BenchReport, rows: readonly GrowthRow[]): string {
  const table: string[][] = [["operation", "figure", "large", "xl", "growth", `limit`, "result"]];
  for (const r of rows) {
    table.push([r.id, r.metric, fmt(r.large), fmt(r.xl), `×${fmt(r.growth)}`, r.limit ? `≤ ×${r.limit}` : "–", r.limit ? (r.growth <= r.limit ? "pass" : "MISS") : "–"]);
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join("  ");
  return [
    `Growth, large → xl (large: ${runFacts(large)}; xl: ${runFacts(xl)})`,
    line(table[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...table.slice(1).map(line),
  ].join("\n");
}
