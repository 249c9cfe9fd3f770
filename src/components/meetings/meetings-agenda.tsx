import { CalendarDays } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { MeetingActions } from "./meeting-actions";
import { STATUS_LABELS, STATUS_VARIANT, describeLocation, formatDay, type MeetingItem } from "./format";
import { formatInZone } from "@/lib/time";

/** One event day, one column per rep (stacked on a phone), meetings in time order. */
export function MeetingsAgenda({ meetings, timeZone, members, day }: {
  meetings: MeetingItem[];
  timeZone: string;
  members: { id: string; name: string }[];
  day: string;
}) {
  if (meetings.length === 0) {
    return <EmptyState icon={CalendarDays} title={`Nothing booked on ${formatDay(day)}`}>Pick another day, clear a filter, or book a meeting.</EmptyState>;
  }
  const byRep = new Map<string, MeetingItem[]>();
  for (const m of meetings) {
    const key = m.ownerId ?? "none";
    byRep.set(key, [...(byRep.get(key) ?? []), m]);
  }
  const names = new Map(members.map((m) => [m.id, m.name]));
  const columns = [...byRep.entries()].sort((a, b) => (names.get(a[0]) ?? "~").localeCompare(names.get(b[0]) ?? "~"));
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="meetings-agenda">
      {columns.map(([repId, items]) => (
        <section key={repId} className="rounded-lg border bg-card shadow-sm" aria-label={names.get(repId) ?? "Unassigned"}>
          <header className="flex items-center justify-between border-b px-4 py-2.5">
            <h2 className="text-sm font-semibold">{names.get(repId) ?? "Unassigned"}</h2>
            <span className="text-xs text-muted-foreground">{items.filter((m) => m.status !== "CANCELLED").length} meetings</span>
          </header>
          <ol className="divide-y">
            {items.map((m) => (
              <li key={m.id} className={`flex gap-3 px-4 py-2.5 ${m.status === "CANCELLED" ? "opacity-60" : ""}`}>
                <div className="w-24 shrink-0 text-sm font-medium tabular-nums">{formatInZone(m.scheduledAt, timeZone, "time")}</div>
                <div className="min-w-0 flex-1">
                  <div className="truncate text-sm font-medium">{m.person.name}</div>
                  <div className="truncate text-xs text-muted-foreground">{[m.account?.name, describeLocation(m), `${m.durationMinutes} min`].filter(Boolean).join(" · ")}</div>
                  <Badge className="mt-1" variant={STATUS_VARIANT[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                </div>
                <MeetingActions meeting={m} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
