import type { Metadata } from "next";
import Link from "next/link";
import { CalendarX2 } from "lucide-react";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { TeamOnline } from "@/components/presence/team-online";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { listActivities, listActivitiesQuery, listActivityTypes } from "@/server/activity/feed";
import { listTeam } from "@/server/team/service";
import { getWorkspace } from "@/server/users/workspace";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Activity" };

const selectClass = "h-9 w-full rounded-md border border-input bg-card px-2 text-sm";

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { event, viewerTimeZone } = await getWorkspace();
  if (!event) return <EmptyState icon={CalendarX2} title="No event yet">The activity log fills up as the team works an event.</EmptyState>;
  const sp = await searchParams;
  const raw = Object.fromEntries(Object.entries(sp).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  const parsed = listActivitiesQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : listActivitiesQuery.parse({});
  const [feed, types, team] = await Promise.all([listActivities(event.id, query), listActivityTypes(event.id), listTeam()]);
  const domains = [...new Set(types.map((t) => t.type.split(".")[0]))];
  const filtered = Boolean(query.type || query.actorId || query.accountId || query.personId || query.q);
  const pageHref = (page: number) => `/dashboard/activity?${new URLSearchParams({ ...raw, page: String(page) }).toString()}`;
  const first = (query.page - 1) * query.pageSize + 1;

  return (
    <>
      <PageHeader title="Activity" description={`Everything the team and your prospects did in ${event.name} — the audit log.`} />
      <div className="grid gap-6 lg:grid-cols-[1fr_280px] [&>*]:min-w-0">
        <div className="grid content-start gap-4 [&>*]:min-w-0">
          <Card>
            <CardContent className="pt-5">
              <form method="get" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4 [&>*]:min-w-0" aria-label="Filter activity">
                <div className="grid gap-1.5">
                  <Label htmlFor="type">Type</Label>
                  <select id="type" name="type" defaultValue={query.type ?? ""} className={selectClass}>
                    <option value="">All types</option>
                    {domains.map((d) => (
                      <optgroup key={d} label={d}>
                        <option value={`${d}.`}>All {d} activity</option>
                        {types.filter((t) => t.type.startsWith(`${d}.`) || t.type === d).map((t) => (
                          <option key={t.type} value={t.type}>{t.type} ({t.count.toLocaleString("en-US")})</option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="actorId">Who</Label>
                  <select id="actorId" name="actorId" defaultValue={query.actorId ?? ""} className={selectClass}>
                    <option value="">Anyone</option>
                    <option value="system">Prospects and system</option>
                    {team.members.map((m) => <option key={m.id} value={m.id}>{m.name ?? m.email}</option>)}
                  </select>
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="q">Account or person</Label>
                  <Input id="q" name="q" defaultValue={query.q ?? ""} placeholder="e.g. Acme" />
                </div>
                {query.accountId ? <input type="hidden" name="accountId" value={query.accountId} /> : null}
                {query.personId ? <input type="hidden" name="personId" value={query.personId} /> : null}
                <div className="flex items-end gap-2">
                  <Button type="submit">Filter</Button>
                  {filtered ? <Link href="/dashboard/activity" className={buttonVariants({ variant: "ghost" })}>Clear</Link> : null}
                </div>
              </form>
              {!parsed.success ? <p role="alert" className="mt-2 text-sm text-destructive">Some filters were not valid and were ignored.</p> : null}
              {query.accountId || query.personId ? (
                <p className="mt-3 text-sm text-muted-foreground">
                  Showing one {query.accountId ? "account" : "person"}&apos;s history{feed.items[0] ? ` (${(query.accountId ? feed.items[0].account?.name : feed.items[0].person?.name) ?? ""})` : ""}.
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{feed.total.toLocaleString("en-US")} {filtered ? "matching " : ""}activities</CardTitle>
              {feed.total > 0 ? <CardDescription>Showing {first.toLocaleString("en-US")}–{(first + feed.items.length - 1).toLocaleString("en-US")}, newest first</CardDescription> : null}
            </CardHeader>
            <CardContent>
              <ActivityFeed items={feed.items} timeZone={viewerTimeZone} emptyText={filtered ? "No activity matches these filters." : undefined} />
              {feed.total > feed.pageSize ? (
                <nav className="mt-4 flex items-center justify-between" aria-label="Pagination">
                  <Link aria-disabled={query.page <= 1} className={cn(buttonVariants({ variant: "outline", size: "sm" }), query.page <= 1 && "pointer-events-none opacity-50")} href={pageHref(Math.max(1, query.page - 1))}>Newer</Link>
                  <span className="text-xs text-muted-foreground">Page {query.page} of {Math.ceil(feed.total / feed.pageSize)}</span>
                  <Link aria-disabled={!feed.hasMore} className={cn(buttonVariants({ variant: "outline", size: "sm" }), !feed.hasMore && "pointer-events-none opacity-50")} href={pageHref(query.page + 1)}>Older</Link>
                </nav>
              ) : null}
            </CardContent>
          </Card>
        </div>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>Online now</CardTitle>
            <CardDescription>Teammates active in the last 2 minutes, and where</CardDescription>
          </CardHeader>
          <CardContent><TeamOnline /></CardContent>
        </Card>
      </div>
    </>
  );
}
