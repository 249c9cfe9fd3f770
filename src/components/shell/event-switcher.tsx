"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CalendarRange, ChevronsUpDown, Loader2 } from "lucide-react";
import { useDeferredMenu } from "@/components/ui/deferred-menu";
import { apiFetch } from "@/lib/api-client";
import type { EventOption } from "./types";

const loadMenu = () => import("./event-menu");


export function EventSwitcher({ events, currentEventId }: { events: EventOption[]; currentEventId: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const current = events.find((e) => e.id === currentEventId);
  const menu = useDeferredMenu(loadMenu);

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

  const triggerProps = {
    className: "flex max-w-[60vw] items-center gap-2 rounded-md border bg-card px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-muted sm:max-w-xs",
    "aria-label": "Switch event",
    "data-testid": "event-switcher",
  };
  const trigger = (
    <>
      {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <CalendarRange className="size-4 text-primary" aria-hidden />}
      <span className="truncate">{current?.name ?? "Choose an event"}</span>
      <ChevronsUpDown className="size-3.5 text-muted-foreground" aria-hidden />
    </>
  );

  if (events.length === 0) {
    return <span className="text-sm text-muted-foreground">No events yet</span>;
  }

  return (
    <div className="flex items-center gap-2">
      {menu.module ? (
        <menu.module.EventMenu events={events} currentEventId={currentEventId} defaultOpen={menu.openOnMount} trigger={trigger} triggerProps={triggerProps} choose={(id) => void choose(id)} />
      ) : (
        <button {...menu.standInProps} {...triggerProps}>{trigger}</button>
      )}
      {error ? <span role="alert" className="text-xs text-destructive">{error}</span> : null}
    </div>
  );
}
