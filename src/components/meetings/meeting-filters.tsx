"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { CalendarRange, List, Loader2, Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { STATUS_LABELS, formatDay, type MeetingStatus } from "./format";

const selectClass = "h-9 rounded-md border border-input bg-card px-2 text-sm";

/** Filters live in the URL so a view can be shared and survives a reload. */
export function MeetingFilters({ view, days, day, status, ownerId, q, members }: {
  view: "list" | "agenda";
  days: string[];
  day?: string;
  status?: string;
  ownerId?: string;
  q?: string;
  members: { id: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(q ?? "");

  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("page");
    startTransition(() => router.replace(`${pathname}?${next.toString()}`));
  }

  useEffect(() => {
    if ((q ?? "") === search) return;
    const timer = setTimeout(() => update({ q: search || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text triggers a search
  }, [search]);

  return (
    <div className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="inline-flex rounded-md border bg-card p-0.5" role="group" aria-label="View">
          {([["list", "List", List], ["agenda", "Agenda", CalendarRange]] as const).map(([v, label, Icon]) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => update({ view: v === "list" ? undefined : v, day: v === "list" ? undefined : day })}
              className={cn("inline-flex h-8 items-center gap-1.5 rounded px-3 text-sm", view === v ? "bg-primary text-primary-foreground" : "hover:bg-muted")}
            >
              <Icon className="size-4" aria-hidden /> {label}
            </button>
          ))}
        </div>
        {pending ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Loading" /> : null}
      </div>
      {view === "agenda" && days.length > 0 ? (
        <div className="flex gap-2 overflow-x-auto pb-1" role="tablist" aria-label="Event day">
          {days.map((d) => (
            <button
              key={d}
              type="button"
              role="tab"
              aria-selected={day === d}
              onClick={() => update({ day: d })}
              className={cn("h-9 shrink-0 rounded-full border px-4 text-sm", day === d ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card hover:bg-muted")}
            >
              {formatDay(d)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <div className="relative col-span-2 sm:w-64">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input aria-label="Search meetings" placeholder="Person or company" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-8" />
        </div>
        <select aria-label="Status" className={selectClass} value={status ?? ""} onChange={(e) => update({ status: e.target.value || undefined })}>
          <option value="">All statuses</option>
          {(Object.keys(STATUS_LABELS) as MeetingStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </select>
        <select aria-label="Rep" className={selectClass} value={ownerId ?? ""} onChange={(e) => update({ owner: e.target.value || undefined })}>
          <option value="">All reps</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
        {view === "list" ? (
          <select aria-label="Day" className={selectClass} value={day ?? ""} onChange={(e) => update({ day: e.target.value || undefined })}>
            <option value="">All days</option>
            {days.map((d) => <option key={d} value={d}>{formatDay(d)}</option>)}
          </select>
        ) : null}
      </div>
    </div>
  );
}
