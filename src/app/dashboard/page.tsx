import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { Building2, CalendarCheck, CalendarDays, CalendarX2, Mail, Reply, Trophy, Users } from "lucide-react";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { DashboardCharts, type ChartsData } from "@/components/dashboard/dashboard-charts";
import { MyDay } from "@/components/dashboard/my-day";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getMyDay } from "@/server/dashboard/my-day";
import { getDashboardStats } from "@/server/dashboard/overview";
import { ACCOUNT_STATUSES } from "@/server/dashboard/stats";
import { getWorkspace } from "@/server/users/workspace";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS: Record<(typeof ACCOUNT_STATUSES)[number], string> = {
  PROSPECTING: "Prospecting", ENGAGED: "Engaged", MEETING_SCHEDULED: "Meeting scheduled", WON: "Won", LOST: "Lost",
};

export default async function DashboardPage() {
  const { user, event, viewerTimeZone } = await getWorkspace();
  if (!event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event to start building a target list. Run <code>npm run db:seed</code> for the Manifest 2026 demo.
      </EmptyState>
    );
  }
  const [{ metrics: m, recentActivity }, myDay] = await Promise.all([getDashboardStats(event.id), getMyDay(user.id, event)]);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const n = (v: number) => v.toLocaleString("en-US");
  const cards = [
    { label: "Target accounts", value: n(m.accounts.total), hint: `${n(m.accounts.byTier.A)} tier A`, icon: Building2, href: "/dashboard/accounts" },
    { label: "People", value: n(m.people), hint: "contacts at target accounts", icon: Users, href: "/dashboard/people" },
    { label: "Emails sent", value: n(m.outreach.sent), hint: `${pct(m.outreach.openRate)} opened · ${pct(m.outreach.clickRate)} clicked`, icon: Mail, href: "/dashboard/outreach" },
    { label: "Reply rate", value: pct(m.outreach.replyRate), hint: `${n(m.outreach.replied)} replies`, icon: Reply, href: "/dashboard/outreach" },
    { label: "Meetings booked", value: n(m.meetings.booked), hint: `${n(m.meetings.scheduled)} upcoming`, icon: CalendarDays, href: "/dashboard/meetings" },
    { label: "Meetings held", value: n(m.meetings.completed), hint: `${n(m.meetings.noShow)} no-shows`, icon: CalendarCheck, href: "/dashboard/meetings" },
    { label: "Won accounts", value: n(m.accounts.won), hint: `of ${n(m.accounts.total)} targeted`, icon: Trophy, href: "/dashboard/accounts" },
  ];
  const charts: ChartsData = {
    funnel: m.funnel.map((f) => ({ stage: f.stage, count: f.count })),
    byTier: Object.entries(m.accounts.byTier).map(([t, count]) => ({ label: `Tier ${t}`, count })),
    byStatus: ACCOUNT_STATUSES.map((s) => ({ label: STATUS_LABELS[s], count: m.accounts.byStatus[s] })),
    rates: [
      { label: "Opened", rate: m.outreach.openRate, count: m.outreach.opened },
      { label: "Clicked", rate: m.outreach.clickRate, count: m.outreach.clicked },
      { label: "Replied", rate: m.outreach.replyRate, count: m.outreach.replied },
    ],
    sent: m.outreach.sent,
  };
  return (
    <>
      <PageHeader
        title={`Welcome back${user.name ? `, ${user.name.split(" ")[0]}` : ""}`}
        description={`${event.name}${event.city ? ` · ${event.city}` : ""} · ${formatRange(event.startDate, event.endDate)}`}
      />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7 [&>*]:min-w-0">
        {cards.map(({ label, value, hint, icon: Icon, href }) => (
          <IntentLink key={label} href={href} className="rounded-lg border bg-card p-4 shadow-sm transition-colors hover:border-primary/40">
            <div className="flex items-center justify-between gap-2 text-xs font-medium text-muted-foreground">
              {label}
              <Icon className="size-4 shrink-0" aria-hidden />
            </div>
            <div className="mt-2 text-2xl font-semibold tabular-nums" data-testid={`stat-${label}`}>{value}</div>
            <div className="mt-1 truncate text-xs text-muted-foreground">{hint}</div>
          </IntentLink>
        ))}
      </div>
      <div className="mt-6">
        <DashboardCharts data={charts} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_380px] [&>*]:min-w-0">
        <Card>
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle>Recent activity</CardTitle>
            <IntentLink href="/dashboard/activity" className="text-sm font-medium text-primary hover:underline">View all</IntentLink>
          </CardHeader>
          <CardContent>
            <ActivityFeed items={recentActivity} timeZone={viewerTimeZone} />
          </CardContent>
        </Card>
        <MyDay meetings={myDay.meetings} tasks={myDay.tasks} timeZone={event.timeZone} />
      </div>
    </>
  );
}

function formatRange(start: Date, end: Date) {
  const fmt = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return `${fmt(start)} – ${fmt(end)}`;
}
