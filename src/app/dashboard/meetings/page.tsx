import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, ChevronLeft, ChevronRight } from "lucide-react";
import { BookMeetingButton } from "@/components/meetings/book-meeting-button";
import { MeetingFilters } from "@/components/meetings/meeting-filters";
import { MeetingsAgenda } from "@/components/meetings/meetings-agenda";
import { MeetingsList } from "@/components/meetings/meetings-list";
import type { MeetingItem } from "@/components/meetings/format";
import { EmptyState, NoEvent } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { eventSchedule } from "@/server/events/service";
import { listMeetingsQuery } from "@/server/meetings/schemas";
import { listMeetings } from "@/server/meetings/queries";
import { listTeam } from "@/server/team/service";
import { getActor } from "@/server/access/page-actor";
import { ListError } from "@/components/data-table/list-error";
import { flattenParams, parseListParams, type SearchParams } from "@/lib/list-params";
import { ownedBy, refusalsFor } from "@/server/access/permissions";

export const metadata: Metadata = { title: "Meetings" };

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await getActor();
  if (!actor.event) return <NoEvent title="Meetings" icon={CalendarDays}>An admin creates the first event on the Events page; meetings belong to an event.</NoEvent>;
  const { event } = actor;
  const sp = flattenParams(await searchParams);
  const view = sp.view === "agenda" ? "agenda" : "list";
  const { days, defaultDay } = await eventSchedule(event.id);
  // The URL says "owner" (as links into this page always have); the query calls it ownerId.
  const { owner, view: _view, ...rest } = sp;
  const parsed = parseListParams(rest, listMeetingsQuery, { ownerId: owner, day: view === "agenda" ? (sp.day ?? defaultDay) : sp.day, pageSize: view === "agenda" ? 200 : 50 });
  if (!parsed.ok) return <ListError title="Meetings" issues={parsed.problems} href="/dashboard/meetings" />;
  const query = parsed.query;
  const [result, team] = await Promise.all([listMeetings(query, actor), listTeam()]);
  const items = (JSON.parse(JSON.stringify(result.items)) as MeetingItem[]).map((m) => ({ ...m, refusals: refusalsFor(actor, "meeting", ownedBy(m.owner)) }));
  const tz = result.timeZone;
  const members = team.members.map((m) => ({ id: m.id, name: m.name ?? m.email }));

  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "page") params.set(k, v);
    params.set("page", String(page));
    return `/dashboard/meetings?${params.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Meetings"
        description={`${event.name} · times in ${tz.replace(/_/g, " ")}`}
        actions={<BookMeetingButton label="New meeting" />}
      />
      <MeetingFilters view={view} days={days} day={query.day} members={members} />
      {view === "agenda" ? (
        <MeetingsAgenda meetings={items} timeZone={tz} members={members} day={query.day ?? defaultDay ?? ""} />
      ) : items.length === 0 ? (
        <EmptyState icon={CalendarDays} title={query.status || query.ownerId || query.q || query.day ? "No meetings match these filters" : "No meetings booked yet"}>
          {query.status || query.ownerId || query.q || query.day
            ? "Clear a filter or pick another day."
            : "Book the first one with “New meeting”, or from a person's page."}
        </EmptyState>
      ) : (
        <>
          <MeetingsList meetings={items} timeZone={tz} />
          <div className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
            <span>
              {(result.page - 1) * result.pageSize + 1}–{(result.page - 1) * result.pageSize + items.length} of {result.total}
            </span>
            <div className="flex gap-2">
              {result.page > 1 ? (
                <Link className="inline-flex items-center gap-1 rounded-md border bg-card px-3 py-1.5 hover:bg-muted" href={pageHref(result.page - 1)}><ChevronLeft className="size-4" aria-hidden /> Previous</Link>
              ) : null}
              {result.hasMore ? (
                <Link className="inline-flex items-center gap-1 rounded-md border bg-card px-3 py-1.5 hover:bg-muted" href={pageHref(result.page + 1)}>Next <ChevronRight className="size-4" aria-hidden /></Link>
              ) : null}
            </div>
          </div>
        </>
      )}
    </>
  );
}
