import type { Metadata } from "next";
import { BarChart3, CalendarX2, Clock } from "lucide-react";
import { HeatmapGrid, type HeatRow } from "@/components/analytics/heatmap-grid";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { heatmapQuery, hourLabel, WEEKDAYS } from "@/server/analytics/heatmap";
import { cachedHeatmap } from "@/server/cache/event-metrics";
import { getActor } from "@/server/access/page-actor";
import { formatCount } from "@/lib/numbers";

export const metadata: Metadata = { title: "Analytics" };

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">Analytics appear once an event has outreach.</EmptyState>;
  const { event } = actor;
  const sp = await searchParams;
  const parsed = heatmapQuery.safeParse({ from: typeof sp.from === "string" && sp.from ? sp.from : undefined, to: typeof sp.to === "string" && sp.to ? sp.to : undefined });
  const range = parsed.success ? parsed.data : {};
  // The form's "to" is an inclusive calendar day; the service takes an exclusive bound.
  const heat = await cachedHeatmap(event, { from: range.from, to: range.to ? nextDay(range.to.slice(0, 10)) : undefined });
  const total = heat.totals.opens + heat.totals.clicks + heat.totals.replies;

  const hourColumns = Array.from({ length: 24 }, (_, h) => ({ key: String(h), label: hourLabel(h), short: h % 3 === 0 ? String(h) : "" }));
  const weekdayRows: HeatRow[] = WEEKDAYS.map((d, weekday) => ({
    key: d,
    label: d,
    cells: heat.weekdayHour.filter((c) => c.weekday === weekday).map((c) => ({
      key: String(c.hour),
      value: c.total,
      label: `${DAY_NAMES[weekday]} ${hourLabel(c.hour)}: ${c.opens} opens, ${c.clicks} clicks, ${c.replies} replies`,
    })),
  }));
  const weekLabel = (w: string) => new Date(`${w}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  const weekColumns = heat.weeks.map((w) => ({ key: w, label: `Week of ${weekLabel(w)}`, short: weekLabel(w) }));
  const accountRows: HeatRow[] = heat.accountWeek.map((a) => ({
    key: a.accountId,
    label: a.accountName,
    cells: heat.weeks.map((w) => ({ key: w, value: a.weeks[w] ?? 0, label: `${a.accountName}, week of ${weekLabel(w)}: ${a.weeks[w] ?? 0} engagements` })),
  }));

  return (
    <>
      <PageHeader
        title="Analytics"
        description={`When ${event.name} prospects engage · times in ${event.timeZone.replace("_", " ")} · machine opens excluded`}
      />
      <form className="mb-6 flex flex-wrap items-end gap-3" method="get">
        <div className="grid gap-1.5"><Label htmlFor="from">From</Label><Input id="from" name="from" type="date" defaultValue={range.from?.slice(0, 10) ?? ""} className="w-40" /></div>
        <div className="grid gap-1.5"><Label htmlFor="to">To (inclusive)</Label><Input id="to" name="to" type="date" defaultValue={range.to?.slice(0, 10) ?? ""} className="w-40" /></div>
        <Button type="submit" variant="outline">Apply</Button>
        {!parsed.success ? <p role="alert" className="text-sm text-destructive">Those dates are not valid; showing all time.</p> : null}
      </form>
      {total === 0 ? (
        <EmptyState icon={BarChart3} title="No engagement yet">
          Opens, clicks and replies show up here once outreach goes out. Machine opens from mail-privacy proxies are never counted.
        </EmptyState>
      ) : (
        <div className="grid gap-6 [&>*]:min-w-0">
          <Card data-testid="best-times">
            <CardHeader>
              <CardTitle className="flex items-center gap-2"><Clock className="size-4" aria-hidden /> Best times to send</CardTitle>
              <CardDescription>
                Hours with the most engagement ({formatCount(heat.totals.opens)} opens, {formatCount(heat.totals.clicks)} clicks,{" "}
                {formatCount(heat.totals.replies)} replies), weighting a reply 3× and a click 2× an open. Send just before these windows.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ol className="grid gap-2 sm:grid-cols-3">
                {heat.bestTimes.map((b, i) => (
                  <li key={b.label} className="rounded-lg border bg-accent/40 p-3">
                    <span className="text-xs text-muted-foreground">#{i + 1}</span>
                    <p className="font-semibold">{b.label}</p>
                    <p className="text-xs text-muted-foreground">score {b.score}</p>
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Engagement by weekday and hour</CardTitle>
              <CardDescription>Opens, clicks and replies by local hour of the event ({event.timeZone}). Hover a cell for the breakdown.</CardDescription>
            </CardHeader>
            <CardContent>
              <HeatmapGrid caption="Engagement by weekday and hour" rowHeader="Weekday" rows={weekdayRows} columns={hourColumns} testId="heatmap-weekday-hour" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Engagement by account and week</CardTitle>
              <CardDescription>The {accountRows.length} most engaged accounts, week by week (weeks start Monday).</CardDescription>
            </CardHeader>
            <CardContent>
              <HeatmapGrid caption="Engagement by account and week" rowHeader="Account" rows={accountRows} columns={weekColumns} testId="heatmap-account-week" />
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}

function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
