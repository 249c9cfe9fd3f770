"use client";
import { useState, useSyncExternalStore } from "react";
import { formatDay, wallClock } from "@/components/meetings/format";
import { formatInZone, zoneAbbreviation } from "@/lib/time";
import { cn } from "@/lib/utils";

export type SlotDay = { day: string; starts: string[] };

const noSubscribe = () => () => {};

/** The visitor's own time zone, known only in the browser (null while rendering on the server). */
function useVisitorZone(): string | null {
  return useSyncExternalStore(noSubscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
}

/** "10:30 AM CST" and, when the visitor is elsewhere, "(9:30 AM MST your time)". */
export function SlotTime({ iso, timeZone, withDay = false }: { iso: string; timeZone: string; withDay?: boolean }) {
  const visitor = useVisitorZone();
  const other = visitor && visitor !== timeZone && zoneAbbreviation(visitor, iso) !== zoneAbbreviation(timeZone, iso) ? visitor : null;
  const day = wallClock(iso, timeZone).day;
  return (
    <>
      {withDay ? `${formatDay(day)}, ` : ""}
      {formatInZone(iso, timeZone, "time")}
      {other ? <span className="text-muted-foreground"> ({formatInZone(iso, other, "time")} your time)</span> : null}
    </>
  );
}

/** Show days as tabs, free start times as big buttons, in the event's zone. */
export function SlotPicker({ days, timeZone, value, onChange }: { days: SlotDay[]; timeZone: string; value: string | null; onChange: (iso: string) => void }) {
  const [day, setDay] = useState(days[0]?.day ?? "");
  const visitor = useVisitorZone();
  const current = days.find((d) => d.day === day) ?? days[0];
  if (!current) return <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No times are open right now. Please check back later, or reply to our email.</p>;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex gap-2 overflow-x-auto pb-1" role="group" aria-label="Show days">
        {days.map((d) => (
          <button key={d.day} type="button" aria-pressed={d.day === current.day} onClick={() => setDay(d.day)} className={cn("h-11 shrink-0 rounded-full border px-4 text-sm", d.day === current.day ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card")}>
            {formatDay(d.day)}
          </button>
        ))}
      </div>
      <p className="text-sm text-muted-foreground">
        Times in the show&apos;s time zone ({timeZone.replace(/_/g, " ")}){visitor && visitor !== timeZone ? `; yours is ${visitor.replace(/_/g, " ")}` : ""}.
      </p>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-4" role="radiogroup" aria-label={`Free times on ${formatDay(current.day)}`}>
        {current.starts.map((iso) => (
          <button key={iso} type="button" role="radio" aria-checked={value === iso} onClick={() => onChange(iso)} data-testid="slot" className={cn("h-12 rounded-md border text-sm font-medium tabular-nums", value === iso ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted")}>
            {formatInZone(iso, timeZone, "time")}
          </button>
        ))}
      </div>
    </div>
  );
}
