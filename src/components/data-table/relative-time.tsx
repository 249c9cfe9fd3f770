"use client";
import type { PointerEvent } from "react";
import { formatAgo } from "@/components/data-table/format";
import { formatInZone } from "@/lib/time";

/**
 * "5 minutes ago" as a <time> whose tooltip is the exact time in the viewer's zone: the server and
 * the browser render it a moment apart, so a differing text is expected and not a hydration error.
 *
 * The tooltip is written by the server, and in the browser only when the pointer first reaches
 * it: building the page's first `Intl.DateTimeFormat` (with its zone data) during hydration cost
 * 113 ms of a phone's main thread at 4× CPU slowdown on the accounts list (PERFORMANCE.md,
 * "Lighthouse, round 9"), for a tooltip no phone shows. Hydration keeps the server's attribute
 * (the mismatch is expected, hence suppressHydrationWarning); rows rendered later in the browser
 * get theirs on hover. A client component, so server components that use it get the same.
 */
export function RelativeTime({ value, timeZone, prefix = "" }: { value: string | Date | null | undefined; timeZone: string; prefix?: string }) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  const onServer = typeof window === "undefined";
  const fillTitle = (event: PointerEvent<HTMLTimeElement>) => {
    if (!event.currentTarget.title) event.currentTarget.title = formatInZone(date, timeZone);
  };
  return (
    <time dateTime={date.toISOString()} title={onServer ? formatInZone(date, timeZone) : undefined} onPointerEnter={fillTitle} suppressHydrationWarning>
      {prefix}
      {formatAgo(date)}
    </time>
  );
}
