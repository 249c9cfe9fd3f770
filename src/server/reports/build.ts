import { prisma, type DbTx } from "@/server/db";
import { formatRate } from "@/lib/rates";
import { AppError } from "@/server/http/errors";
import { getEventOrThrow } from "@/server/events/service";
import type { EventMetrics } from "@/server/dashboard/stats";
import { cachedEventMetrics } from "@/server/cache/event-metrics";
import { getShowPnl, pnlTable, type ShowPnl } from "@/server/roi/show-pnl";
import { toMetricFilters, METRIC_LABELS, type ReportConfig, type ReportMetric, type ReportSection } from "@/server/reports/config";
import { formatCount } from "@/lib/numbers";

export type ReportData = {
  title: string;
  event: { id: string; name: string; city: string | null; timeZone: string; startDate: Date; endDate: Date };
  generatedAt: Date;
  filterSummary: string[];
  sections: ReportSection[];
  metricKeys: ReportMetric[];
  metrics: EventMetrics;
  /** The show P&L, when the report includes it (whole event: the filters do not apply to costs). */
  pnl: ShowPnl | null;
};

/** A report's numbers come from the dashboard's own service: the same filters, the same numbers. */
export async function buildReport(eventId: string, config: ReportConfig, db: DbTx = prisma): Promise<ReportData> {
  const event = await getEventOrThrow(eventId, db);
  const filters = config.filters ?? {};
  const summary: string[] = [];
  if (filters.tiers?.length) summary.push(`Tier ${filters.tiers.join(", ")}`);
  if (filters.ownerId) {
    const owner = await db.user.findUnique({ where: { id: filters.ownerId }, select: { name: true, email: true } });
    if (!owner) throw new AppError("validation_error", "The chosen rep does not exist", [{ path: "filters.ownerId", message: "Unknown user" }]);
    summary.push(`Rep: ${owner.name ?? owner.email}`);
  }
  if (filters.from || filters.to) summary.push(`${filters.from ?? "start"} to ${filters.to ?? "today"} (${event.timeZone})`);
  const [metrics, pnl] = await Promise.all([
    cachedEventMetrics(event.id, toMetricFilters(filters, event.timeZone)),
    config.sections.includes("roi") ? getShowPnl(event.id, db) : Promise.resolve(null),
  ]);
  return {
    title: config.title?.trim() || `${event.name} report`,
    event,
    generatedAt: new Date(),
    filterSummary: summary,
    sections: config.sections,
    metricKeys: config.metrics,
    metrics,
    pnl,
  };
}

/** The summary metric values as the report prints them. */
function metricValue(key: ReportMetric, m: EventMetrics): string {
  switch (key) {
    case "accounts": return formatCount(m.accounts.total);
    case "people": return formatCount(m.people);
    case "sent": return formatCount(m.outreach.sent);
    case "openRate": return formatRate(m.outreach.openRate);
    case "clickRate": return formatRate(m.outreach.clickRate);
    case "replyRate": return formatRate(m.outreach.replyRate);
    case "meetingsBooked": return formatCount(m.meetings.booked);
    case "meetingsCompleted": return formatCount(m.meetings.completed);
    case "won": return formatCount(m.accounts.won);
  }
}

function metricLabel(key: ReportMetric) {
  return METRIC_LABELS[key];
}

/** Rows of each table section, shared by the HTML and the PDF so both print the same thing. */
export function sectionTables(data: ReportData): Partial<Record<ReportSection, { head: string[]; rows: string[][] }>> {
  const m = data.metrics;
  return {
    summary: { head: ["Metric", "Value"], rows: data.metricKeys.map((k) => [metricLabel(k), metricValue(k, m)]) },
    funnel: {
      head: ["Stage", "Accounts", "Of previous"],
      rows: m.funnel.map((s, i) => [s.stage, formatCount(s.count), i === 0 ? "—" : formatRate(m.funnel[i - 1].count ? s.count / m.funnel[i - 1].count : 0)]),
    },
    accounts: {
      head: ["Group", "Accounts"],
      rows: [
        ...Object.entries(m.accounts.byTier).map(([t, c]) => [`Tier ${t}`, formatCount(c)]),
        ...Object.entries(m.accounts.byStatus).map(([s, c]) => [s.replaceAll("_", " ").toLowerCase().replace(/^\w/, (x) => x.toUpperCase()), formatCount(c)]),
      ],
    },
    outreach: {
      head: ["Measure", "Messages", "Rate (of sent)"],
      rows: [
        ["Sent", formatCount(m.outreach.sent), "—"],
        ["Opened (human)", formatCount(m.outreach.opened), formatRate(m.outreach.openRate)],
        ["Clicked", formatCount(m.outreach.clicked), formatRate(m.outreach.clickRate)],
        ["Replied", formatCount(m.outreach.replied), formatRate(m.outreach.replyRate)],
        ["Bounced", formatCount(m.outreach.bounced), formatRate(m.outreach.sent ? m.outreach.bounced / m.outreach.sent : 0)],
        ["Drafts (not sent)", formatCount(m.outreach.drafts), "—"],
      ],
    },
    meetings: {
      head: ["Status", "Meetings"],
      rows: [["Booked (not cancelled)", formatCount(m.meetings.booked)], ["Upcoming", formatCount(m.meetings.scheduled)], ["Held", formatCount(m.meetings.completed)], ["No-show", formatCount(m.meetings.noShow)], ["Cancelled", formatCount(m.meetings.cancelled)]],
    },
    reps: {
      head: ["Rep", "Sent", "Opened", "Replied", "Meetings booked", "Held"],
      rows: m.reps.map((r) => [r.name, formatCount(r.sent), formatCount(r.opened), formatCount(r.replied), formatCount(r.meetingsBooked), formatCount(r.meetingsCompleted)]),
    },
    ...(data.pnl ? { roi: pnlTable(data.pnl) } : {}),
  };
}
