"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CalendarRange, ChevronsUpDown, Loader2 } from "lucide-react";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiFetch } from "@/lib/api-client";

export type EventOption = { id: string; name: string; city: string | null; startDate: string };

export function EventSwitcher({ events, currentEventId }: { events: EventOption[]; currentEventId: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const current = events.find((e) => e.id === currentEventId);

  async function choose(eventId: string) {
    if (eventId === currentEventId) return;
    setError(null);
    const result = await apiFetch("/api/me", { method: "PATCH", body: { lastEventId: eventId } });
    if (!result.success) {
      setError(result.error);
      return;
    }
    startTransition(() => router.refresh());
  }

  if (events.length === 0) {
    return <span className="text-sm text-muted-foreground">No events yet</span>;
  }

  return (
    <div className="flex items-center gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger
          className="flex max-w-[60vw] items-center gap-2 rounded-md border bg-card px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-muted sm:max-w-xs"
          aria-label="Switch event"
          data-testid="event-switcher"
        >
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <CalendarRange className="size-4 text-primary" aria-hidden />}
          <span className="truncate">{current?.name ?? "Choose an event"}</span>
          <ChevronsUpDown className="size-3.5 text-muted-foreground" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Events</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={currentEventId ?? ""} onValueChange={choose}>
            {events.map((event) => (
              <DropdownMenuRadioItem key={event.id} value={event.id}>
                <span className="flex flex-col">
                  <span>{event.name}</span>
                  <span className="text-xs text-muted-foreground">
                    {[event.city, new Date(event.startDate).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" })].filter(Boolean).join(" · ")}
                  </span>
                </span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? <span role="alert" className="text-xs text-destructive">{error}</span> : null}
    </div>
  );
}
