/** What a report can contain: plain constants, safe to import from client components. */
export const REPORT_SECTIONS = ["summary", "funnel", "accounts", "outreach", "meetings", "reps", "roi"] as const;
export const REPORT_METRICS = ["accounts", "people", "sent", "openRate", "clickRate", "replyRate", "meetingsBooked", "meetingsCompleted", "won"] as const;

export type ReportSection = (typeof REPORT_SECTIONS)[number];
export type ReportMetric = (typeof REPORT_METRICS)[number];

export const SECTION_LABELS: Record<ReportSection, string> = {
  summary: "Key metrics",
  funnel: "Account funnel",
  accounts: "Accounts by tier and status",
  outreach: "Outreach performance",
  meetings: "Meetings",
  reps: "By rep",
  roi: "Was the show worth it? (vs the previous show)",
};

export const METRIC_LABELS: Record<ReportMetric, string> = {
  accounts: "Target accounts",
  people: "People",
  sent: "Emails sent",
  openRate: "Open rate",
  clickRate: "Click rate",
  replyRate: "Reply rate",
  meetingsBooked: "Meetings booked",
  meetingsCompleted: "Meetings held",
  won: "Won accounts",
};

