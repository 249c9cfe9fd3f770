"use client";
import type { ComponentProps, ReactNode } from "react";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { EventOption } from "./types";

/** The event switcher's menu (Radix), loaded when the switcher is first pointed at or pressed (EventSwitcher). */
export function EventMenu({ events, currentEventId, defaultOpen, trigger, triggerProps, choose }: {
  events: EventOption[];
  currentEventId: string | null;
  defaultOpen: boolean;
  trigger: ReactNode;
  triggerProps: ComponentProps<"button">;
  choose: (eventId: string) => void;
}) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger {...triggerProps}>{trigger}</DropdownMenuTrigger>
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
  );
}
