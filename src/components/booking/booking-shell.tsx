import type { ReactNode } from "react";
import { formatDay } from "@/components/meetings/format";

type PublicEvent = { name: string; venue: string | null; city: string | null; boothNumber: string | null; days: string[] };

/** The public pages' frame: who is inviting, where, when — no app chrome, little JavaScript. */
export function BookingShell({ event, title, children }: { event: PublicEvent; title: string; children: ReactNode }) {
  const first = event.days[0];
  const last = event.days[event.days.length - 1];
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col gap-6 px-4 py-8">
      <header className="flex flex-col gap-1">
        <p className="text-sm font-medium text-primary">{event.name}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">
          {[event.boothNumber ? `Booth ${event.boothNumber}` : null, event.venue, event.city].filter(Boolean).join(" · ")}
          {first ? ` · ${formatDay(first)}${last && last !== first ? ` – ${formatDay(last)}` : ""}` : ""}
        </p>
      </header>
      {children}
    </main>
  );
}
