import type { Metadata } from "next";
import Link from "next/link";
import { CalendarX2 } from "lucide-react";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { TeamOnline } from "@/components/presence/team-online";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NoEvent } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listActivities, listActivitiesQuery, listActivityTypes } from "@/server/activity/feed";
import { listTeam } from "@/server/team/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ListError } from "@/components/data-table/list-error";
import { parseListParams, type SearchParams } from "@/lib/list-params";
import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  const { event } = actor;
  if (!event) return <NoEvent title="Activity" icon={CalendarX2}>The activity log fills up as the team works an event.</NoEvent>;
  const parsed = parseListParams(await searchParams, listActivitiesQuery);
  if (!parsed.ok) return <ListError title="Activity" issues={parsed.problems} href="/dashboard/activity" />;
  const { query, raw } = parsed;
  const [feed, types, team] = await Promise.all([listActivities(event.id, query), listActivityTypes(event.id), listTeam()]);
  const scopeName = query.accountId ? feed.items[0]?.account?.name : query.personId ? feed.items[0]?.person?.name : null;
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
              <ActivityFilters
                types={types}
                members={team.members.map((m) => ({ id: m.id, name: m.name ?? m.email }))}
                scopeLabel={query.accountId || query.personId ? `One ${query.accountId ? "account" : "person"}'s history${scopeName ? `: ${scopeName}` : ""}` : null}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{formatCount(feed.total)} {filtered ? "matching " : ""}activities</CardTitle>
              {feed.total > 0 ? <CardDescription>Showing {formatCount(first)}–{formatCount(first + feed.items.length - 1)}, newest first</CardDescription> : null}
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
