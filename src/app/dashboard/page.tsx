import type { Metadata } from "next";
import Link from "next/link";
import { Building2, CalendarDays, CalendarX2, Mail, Users } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getEventOverview } from "@/server/dashboard/overview";
import { getWorkspace } from "@/server/users/workspace";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { user, event } = await getWorkspace();
  if (!event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event to start building a target list. Run <code>npm run db:seed</code> for the Manifest 2026 demo.
      </EmptyState>
    );
  }
  const overview = await getEventOverview(event.id);
  const cards = [
    { label: "Target accounts", value: overview.accounts, icon: Building2, href: "/dashboard/accounts" },
    { label: "People", value: overview.people, icon: Users, href: "/dashboard/people" },
    { label: "Emails sent", value: overview.sent, icon: Mail, href: "/dashboard/outreach" },
    { label: "Meetings", value: overview.meetings, icon: CalendarDays, href: "/dashboard/meetings" },
  ];
  return (
    <>
      <PageHeader
        title={`Welcome back${user.name ? `, ${user.name.split(" ")[0]}` : ""}`}
        description={`${event.name}${event.city ? ` · ${event.city}` : ""} · ${formatRange(event.startDate, event.endDate)}`}
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {cards.map(({ label, value, icon: Icon, href }) => (
          <Link key={label} href={href} className="rounded-lg border bg-card p-4 shadow-sm transition-colors hover:border-primary/40">
            <div className="flex items-center justify-between text-sm text-muted-foreground">
              {label}
              <Icon className="size-4" aria-hidden />
            </div>
            <div className="mt-2 text-3xl font-semibold tabular-nums" data-testid={`stat-${label}`}>{value.toLocaleString("en-US")}</div>
          </Link>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Recent activity</CardTitle>
        </CardHeader>
        <CardContent>
          {overview.recent.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing has happened in this event yet.</p>
          ) : (
            <ul className="divide-y" data-testid="activity-feed">
              {overview.recent.map((a) => (
                <li key={a.id} className="flex flex-col gap-0.5 py-2.5 sm:flex-row sm:items-baseline sm:justify-between">
                  <span className="text-sm">{a.description}</span>
                  <span className="shrink-0 text-xs text-muted-foreground">
                    {a.actor?.name ?? "System"} · {a.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}

function formatRange(start: Date, end: Date) {
  const fmt = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return `${fmt(start)} – ${fmt(end)}`;
}
