import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, ChevronLeft, ChevronRight } from "lucide-react";
import { BookMeetingButton } from "@/components/meetings/book-meeting-button";
import { MeetingFilters } from "@/components/meetings/meeting-filters";
import { MeetingsAgenda } from "@/components/meetings/meetings-agenda";
import { MeetingsList } from "@/components/meetings/meetings-list";
import type { MeetingItem } from "@/components/meetings/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { eventSchedule } from "@/server/events/service";
import { listMeetingsQuery } from "@/server/meetings/schemas";
import { listMeetings } from "@/server/meetings/service";
import { listTeam } from "@/server/team/service";
import { getActor } from "@/server/access/page-actor";
import { ownedBy, refusalsFor } from "@/server/access/permissions";

export const metadata: Metadata = { title: "Meetings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v || undefined;
}

export default async function MeetingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (!actor.event) {
    return (
      <>
        <PageHeader title="Meetings" />
        <EmptyState icon={CalendarDays} title="No event yet">An admin creates the first event on the Events page; meetings belong to an event.</EmptyState>
      </>
    );
  }
  const { event } = actor;
  const sp = await searchParams;
  const view = one(sp.view) === "agenda" ? "agenda" : "list";
  const { days, defaultDay } = await eventSchedule(event.id);

  const parsed = listMeetingsQuery.safeParse({
    status: one(sp.status),
    ownerId: one(sp.owner),
    q: one(sp.q),
    day: view === "agenda" ? (one(sp.day) ?? defaultDay) : one(sp.day),
    page: one(sp.page),
    pageSize: view === "agenda" ? 200 : 50,
  });
  const query = parsed.success ? parsed.data : listMeetingsQuery.parse({ pageSize: 50 });
  const [result, team] = await Promise.all([listMeetings(query, actor), listTeam()]);
  const items = (JSON.parse(JSON.stringify(result.items)) as MeetingItem[]).map((m) => ({ ...m, refusals: refusalsFor(actor, "meeting", ownedBy(m.owner)) }));
  const tz = result.timeZone;
  const members = team.members.map((m) => ({ id: m.id, name: m.name ?? m.email }));

  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (typeof v === "string" && v && k !== "page") params.set(k, v);
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
      <MeetingFilters view={view} days={days} day={query.day} status={query.status} ownerId={query.ownerId} q={query.q} members={members} />
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
