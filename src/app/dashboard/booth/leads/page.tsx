import type { Metadata } from "next";
import Link from "next/link";
import { Camera, Flame, QrCode } from "lucide-react";
import { EnrollCaptures } from "@/components/booth/enroll-captures";
import { formatDay } from "@/components/meetings/format";
import { formatInZone } from "@/lib/time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import { listCaptures, listCapturesQuery } from "@/server/booth/captures";
import { localDay } from "@/server/calendar/time";
import { activeSequenceOptions } from "@/server/sequences/service";
import { requireEvent } from "@/server/access/actor";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Leads from the show" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const RATING_VARIANT = { hot: "destructive", warm: "warning", cold: "secondary" } as const;

export default async function BoothLeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const teamActor = await getActor();
  if (!teamActor.event) return <EmptyState icon={Flame} title="No event yet">Captures appear here once the booth is running.</EmptyState>;
  const actor = requireEvent(teamActor);
  const { event } = actor;
  const sp = await searchParams;
  const parsed = listCapturesQuery.safeParse({ rating: sp.rating === "all" ? undefined : (sp.rating ?? "hot"), day: sp.day });
  const query = parsed.success ? parsed.data : { rating: "hot" as const };
  const [captures, sequences] = await Promise.all([listCaptures(actor, query), activeSequenceOptions(actor)]);
  const { days, timeZone } = captures;
  const today = localDay(new Date(), timeZone);
  const href = (over: { rating?: string; day?: string | null }) => {
    const params = new URLSearchParams();
    const rating = over.rating ?? query.rating ?? "all";
    params.set("rating", rating);
    const day = over.day === null ? undefined : (over.day ?? query.day);
    if (day) params.set("day", day);
    return `/dashboard/booth/leads?${params}`;
  };
  const chip = (active: boolean) => cn("inline-flex h-10 shrink-0 items-center rounded-full border px-4 text-sm", active ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card");

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 pb-16">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{query.rating === "hot" ? "Hot leads from the show" : "Leads from the show"}</h1>
        <p className="text-sm text-muted-foreground">Everyone the team captured at {event.name}. Times in {timeZone.replace(/_/g, " ")}.</p>
      </div>
      <nav className="flex gap-2 overflow-x-auto pb-1" aria-label="Rating">
        {["hot", "warm", "cold", "all"].map((r) => (
          <Link key={r} href={href({ rating: r })} aria-current={(query.rating ?? "all") === r ? "page" : undefined} className={chip((query.rating ?? "all") === r)}>
            {r === "all" ? "All" : r[0].toUpperCase() + r.slice(1)}
          </Link>
        ))}
      </nav>
      <nav className="flex gap-2 overflow-x-auto pb-1" aria-label="Show day">
        <Link href={href({ day: null })} aria-current={!query.day ? "page" : undefined} className={chip(!query.day)}>All days</Link>
        {days.map((d) => (
          <Link key={d} href={href({ day: d })} aria-current={query.day === d ? "page" : undefined} className={chip(query.day === d)}>{formatDay(d)}</Link>
        ))}
      </nav>

      {captures.items.length === 0 ? (
        <p className="rounded-lg border border-dashed bg-card px-4 py-10 text-center text-sm text-muted-foreground">No {query.rating ?? ""} captures {query.day ? `on ${formatDay(query.day)}` : "yet"}.</p>
      ) : (
        <ul className="divide-y rounded-lg border bg-card" aria-label="Captures" data-testid="captures">
          {captures.items.map((c) => (
            <li key={c.id} className="flex flex-col gap-1.5 px-4 py-3 text-sm">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={`/dashboard/people/${c.person.id}`} className="font-medium hover:underline">{c.person.name}</Link>
                  <div className="truncate text-muted-foreground">{[c.person.title, c.account?.name, c.person.email].filter(Boolean).join(" · ")}</div>
                </div>
                <Badge variant={RATING_VARIANT[c.rating as keyof typeof RATING_VARIANT] ?? "secondary"}>{c.rating}</Badge>
              </div>
              {c.note ? <p>{c.note}</p> : null}
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                {c.tags.map((t) => <span key={t} className="rounded-full border px-2 py-0.5">{t}</span>)}
                <span>{c.capturedBy?.name ?? c.capturedBy?.email ?? "Someone"} · {formatInZone(c.capturedAt, captures.timeZone)}</span>
                {c.source === "badge" ? <span className="inline-flex items-center gap-1"><QrCode className="size-3" aria-hidden /> badge scan</span> : null}
                {c.hasCardPhoto ? <a href={`/api/booth/captures/${c.id}/card`} className="inline-flex items-center gap-1 text-primary hover:underline"><Camera className="size-3" aria-hidden /> card photo</a> : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      <EnrollCaptures days={days} defaultDay={query.day ?? (days.includes(today) ? today : (days[0] ?? today))} sequences={sequences} rating={query.rating} />
    </div>
  );
}
