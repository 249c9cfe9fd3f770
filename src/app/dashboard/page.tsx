import type { Metadata } from "next";
import { Suspense } from "react";
import { formatRate } from "@/lib/rates";
import { IntentLink } from "@/components/ui/intent-link";
import { Building2, CalendarCheck, CalendarDays, CalendarX2, Mail, Reply, Trophy, Users } from "lucide-react";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { DashboardCharts, type ChartsData } from "@/components/dashboard/dashboard-charts";
import { MyDay } from "@/components/dashboard/my-day";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatInZone } from "@/lib/time";
import { cn } from "@/lib/utils";
import { getMyDay } from "@/server/dashboard/my-day";
import { getShowPnl, type ShowPnl } from "@/server/roi/show-pnl";
import { ShowHeadline, ShowHeadlineLoading } from "@/components/reports/show-pnl-view";
import { getDashboardStats } from "@/server/dashboard/overview";
import { ACCOUNT_STATUSES } from "@/server/dashboard/stats";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { formatCount } from "@/lib/numbers";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS: Record<(typeof ACCOUNT_STATUSES)[number], string> = {
  PROSPECTING: "Prospecting", ENGAGED: "Engaged", MEETING_SCHEDULED: "Meeting scheduled", WON: "Won", LOST: "Lost",
};
// Each funnel bar opens the accounts that reached that stage (the same rule as the count).
const FUNNEL_LINKS: Record<string, string> = {
  targeted: "/dashboard/accounts", contacted: "/dashboard/accounts?stage=contacted", engaged: "/dashboard/accounts?stage=replied",
  meeting: "/dashboard/accounts?stage=meeting", won: "/dashboard/accounts?stage=won",
};

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ feed?: string }> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event to start building a target list. Run <code>npm run db:seed</code> for the Manifest 2026 demo.
      </EmptyState>
    );
  }
  const { event } = actor;
  const team = (await searchParams).feed === "team";
  // The P&L is started now but streamed in its own boundary: it reads every account of this show
  // and the previous one (~80 ms at 5,000 accounts, against ≤ 20 ms for the stats from the
  // rollups), and the rest of the page need not wait for it.
  const pnl = getShowPnl(event.id);
  pnl.catch(() => {}); // its error, if any, reaches the boundary that awaits it; not "unhandled" before then
  const [{ metrics: m, recentActivity }, myDay] = await Promise.all([getDashboardStats(event.id, {}, team ? {} : { mineFor: actor.id }), getMyDay(actor.id, event)]);
  const cards = [
    { label: "Target accounts", value: formatCount(m.accounts.total), hint: `${formatCount(m.accounts.byTier.A)} tier A`, icon: Building2, href: "/dashboard/accounts" },
    { label: "People", value: formatCount(m.people), hint: "contacts at target accounts", icon: Users, href: "/dashboard/people" },
    { label: "Emails sent", value: formatCount(m.outreach.sent), hint: `${formatRate(m.outreach.openRate)} opened · ${formatRate(m.outreach.clickRate)} clicked`, icon: Mail, href: "/dashboard/outreach?status=SENT" },
    { label: "Reply rate", value: formatRate(m.outreach.replyRate), hint: `${formatCount(m.outreach.replied)} replies`, icon: Reply, href: "/dashboard/outreach?engagement=replied" },
    { label: "Meetings booked", value: formatCount(m.meetings.booked), hint: `${formatCount(m.meetings.scheduled)} upcoming`, icon: CalendarDays, href: "/dashboard/meetings" },
    { label: "Meetings held", value: formatCount(m.meetings.completed), hint: `${formatCount(m.meetings.noShow)} no-shows`, icon: CalendarCheck, href: "/dashboard/meetings?status=COMPLETED" },
    { label: "Won accounts", value: formatCount(m.accounts.won), hint: `of ${formatCount(m.accounts.total)} targeted`, icon: Trophy, href: "/dashboard/accounts?status=WON" },
  ];
  const charts: ChartsData = {
    funnel: m.funnel.map((f) => ({ label: f.stage, count: f.count, href: FUNNEL_LINKS[f.key] })),
    byTier: Object.entries(m.accounts.byTier).map(([t, count]) => ({ label: `Tier ${t}`, count, href: `/dashboard/accounts?tier=${t}` })),
    byStatus: ACCOUNT_STATUSES.map((s) => ({ label: STATUS_LABELS[s], count: m.accounts.byStatus[s], href: `/dashboard/accounts?status=${s}` })),
    rates: [
      { label: "Opened", rate: m.outreach.openRate, count: m.outreach.opened, href: "/dashboard/outreach?engagement=opened" },
      { label: "Clicked", rate: m.outreach.clickRate, count: m.outreach.clicked, href: "/dashboard/outreach?engagement=clicked" },
      { label: "Replied", rate: m.outreach.replyRate, count: m.outreach.replied, href: "/dashboard/outreach?engagement=replied" },
    ],
    sent: m.outreach.sent,
  };
  return (
    <>
      <PageHeader
        title={`Welcome back${actor.name ? `, ${actor.name.split(" ")[0]}` : ""}`}
        description={`${event.name}${event.city ? ` · ${event.city}` : ""} · ${formatInZone(event.startDate, "UTC", "date")} – ${formatInZone(event.endDate, "UTC", "date")}`}
      />
      <MyDay day={myDay} eventTimeZone={event.timeZone} viewerTimeZone={viewerTimeZone} />
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-7 [&>*]:min-w-0">
        {cards.map(({ label, value, hint, icon: Icon, href }) => (
          <IntentLink key={label} href={href} className="rounded-lg border bg-card p-4 shadow-sm transition-colors hover:border-primary/40" data-testid="kpi-card">
            <div className="flex items-center justify-between gap-2 text-xs font-medium text-muted-foreground">
              {label}
              <Icon className="size-4 shrink-0" aria-hidden />
            </div>
            <div className="mt-2 text-2xl font-semibold tabular-nums" data-testid={`stat-${label}`}>{value}</div>
            <div className="mt-1 text-xs leading-snug text-muted-foreground" data-testid="kpi-hint">{hint}</div>
          </IntentLink>
        ))}
      </div>
      <Card className="mt-6" data-testid="dashboard-show-pnl">
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>Was the show worth it?</CardTitle>
          <IntentLink href="/dashboard/reports/show" className="text-sm font-medium text-primary hover:underline">Costs, pipeline and ROI by rep and tier</IntentLink>
        </CardHeader>
        <CardContent>
          <Suspense fallback={<ShowHeadlineLoading />}>
            <DashboardShowHeadline pnl={pnl} />
          </Suspense>
        </CardContent>
      </Card>
      <div className="mt-6">
        <DashboardCharts data={charts} />
      </div>
      <Card className="mt-6">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>{team ? "Everything the team did in this event" : "On your accounts and people, and what you did"}</CardDescription>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <div className="inline-flex rounded-md border bg-card p-0.5" role="group" aria-label="Whose activity">
              <IntentLink href="/dashboard" aria-current={team ? undefined : "page"} className={cn("rounded px-3 py-1", team ? "hover:bg-muted" : "bg-primary text-primary-foreground")}>Mine</IntentLink>
              <IntentLink href="/dashboard?feed=team" aria-current={team ? "page" : undefined} className={cn("rounded px-3 py-1", team ? "bg-primary text-primary-foreground" : "hover:bg-muted")}>Team</IntentLink>
            </div>
            <IntentLink href="/dashboard/activity" className="font-medium text-primary hover:underline">View all</IntentLink>
          </div>
        </CardHeader>
        <CardContent>
          <ActivityFeed items={recentActivity} timeZone={viewerTimeZone} emptyText={team ? undefined : "Nothing on your accounts yet. Switch to Team to see what everyone did."} />
        </CardContent>
      </Card>
    </>
  );
}

async function DashboardShowHeadline({ pnl }: { pnl: Promise<ShowPnl> }) {
  return <ShowHeadline pnl={await pnl} compact />;
}
