"use client";
import { CalendarRange, List, Loader2 } from "lucide-react";
import { FilterSearch, FilterSelect, useListUrl } from "@/components/data-table/list-controls";
import { cn } from "@/lib/utils";
import { STATUS_LABELS, formatDay, type MeetingStatus } from "./format";

/** The meetings list's filters: the same controls and URL behaviour as every list. */
export function MeetingFilters({ view, days, day, members }: {
  view: "list" | "agenda";
  days: string[];
  day?: string;
  members: { id: string; name: string }[];
}) {
  const url = useListUrl();
  return (
    <div className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="inline-flex rounded-md border bg-card p-0.5" role="group" aria-label="View">
          {([["list", "List", List], ["agenda", "Agenda", CalendarRange]] as const).map(([v, label, Icon]) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => url.set({ view: v === "list" ? null : v, day: v === "list" ? null : day })}
              className={cn("inline-flex h-8 items-center gap-1.5 rounded px-3 text-sm", view === v ? "bg-primary text-primary-foreground" : "hover:bg-muted")}
            >
              <Icon className="size-4" aria-hidden /> {label}
            </button>
          ))}
        </div>
        {url.pending ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Loading" /> : null}
      </div>
      {view === "agenda" && days.length > 0 ? (
        <div className="flex gap-2 overflow-x-auto pb-1" role="tablist" aria-label="Event day">
          {days.map((d) => (
            <button
              key={d}
              type="button"
              role="tab"
              aria-selected={day === d}
              onClick={() => url.set({ day: d })}
              className={cn("h-9 shrink-0 rounded-full border px-4 text-sm", day === d ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card hover:bg-muted")}
            >
              {formatDay(d)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="grid grid-cols-2 items-end gap-2 sm:grid-cols-4">
        <div className="col-span-2 grid gap-1 sm:col-span-1">
          <span className="text-xs text-muted-foreground">Person or company</span>
          <FilterSearch url={url} label="Search meetings" placeholder="Person or company" />
        </div>
        <FilterSelect url={url} param="status" id="m-status" label="Status" anyLabel="All statuses" options={(Object.keys(STATUS_LABELS) as MeetingStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <FilterSelect url={url} param="owner" id="m-owner" label="Rep" anyLabel="All reps" options={members.map((m) => ({ value: m.id, label: m.name }))} />
        {view === "list" ? <FilterSelect url={url} param="day" id="m-day" label="Day" anyLabel="All days" options={days.map((d) => ({ value: d, label: formatDay(d) }))} /> : null}
      </div>
    </div>
  );
}
