"use client";
import { useEffect } from "react";

/** Changes made from this page say which event it shows (apiFetch sends it as x-event-id). */
export function usePageEvent(eventId: string | null) {
  useEffect(() => {
    document.body.dataset.eventId = eventId ?? "";
  }, [eventId]);
}
