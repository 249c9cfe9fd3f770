/**
 * Where the demo sits in time.
 *
 * Manifest 2026 really runs Mon 9 – Wed 11 Feb 2026 at the Venetian Expo, Las Vegas. The seed
 * keeps those dates as long as the event has not ended yet in Las Vegas (before it, or during it:
 * a "live show" demo with some meetings done and some to come). Once it is over, a demo with
 * only past meetings looks dead, so the event moves: it starts on the first Monday at least 18
 * days after `now` (18–24 days ahead, "about three weeks") and keeps its Mon–Wed shape and name.
 * Manifest 2025 keeps its real dates (10–12 Feb 2025) unless they are less than 30 days in the
 * past (only for a `now` before mid-March 2025); then it moves to ~4 months before `now`.
 * Everything else (outreach, activities) is dated relative to `now`.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { DEMO_EVENT_SLUG } from "../../src/lib/demo-team";

export const EVENT_TIME_ZONE = "America/Los_Angeles";
export const MANIFEST_2026 = { start: "2026-02-09", end: "2026-02-11" } as const;
const MANIFEST_2025 = { start: "2025-02-10", end: "2025-02-12" } as const;
const DAY_MS = 86_400_000;

export interface EventPlan {
  name: string;
  slug: string;
  /** Local calendar dates (YYYY-MM-DD) in EVENT_TIME_ZONE. */
  startDate: string;
  endDate: string;
  days: string[];
  relocated: boolean;
}

export interface Timeline {
  now: Date;
  main: EventPlan;
  past: EventPlan;
  /** The "now" used for the past event's data: two weeks after it ended (never after `now`). */
  pastAsOf: Date;
}

function addDaysYmd(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: string): number {
  return new Date(`${ymd}T00:00:00Z`).getUTCDay();
}

/** The calendar date of an instant in a time zone. */
function localDateOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/** The instant of a wall-clock time on a local date in a time zone (DST-correct). */
export function zonedTime(ymd: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, 0, timeZone).getTime());
}

/** A @db.Date value: Prisma and PostgreSQL read the UTC calendar date of this instant. */
export function dateOnly(ymd: string): Date {
  return new Date(`${ymd}T00:00:00.000Z`);
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Tue, Feb 10, 10:30 AM" in the given time zone, for activity descriptions. A cached Intl
 * formatter: the large scale formats thousands of these and TZDate + format is ~20x slower.
 */
export function formatLocal(instant: Date, timeZone: string): string {
  let f = localFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    localFormats.set(timeZone, f);
  }
  return f.format(instant).replace(/\u202f/g, " ");
}

function eventDays(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDaysYmd(start, i));
}

function mondayOnOrAfter(ymd: string): string {
  return addDaysYmd(ymd, (8 - weekdayOf(ymd)) % 7);
}

function mondayOnOrBefore(ymd: string): string {
  return addDaysYmd(ymd, -((weekdayOf(ymd) + 6) % 7));
}

export function planTimeline(now: Date): Timeline {
  const tz = EVENT_TIME_ZONE;
  const realEnd = zonedTime(addDaysYmd(MANIFEST_2026.end, 1), 0, 0, tz);
  const relocated = now.getTime() >= realEnd.getTime();
  const mainStart = relocated ? mondayOnOrAfter(addDaysYmd(localDateOf(now, tz), 18)) : MANIFEST_2026.start;
  const mainDays = eventDays(mainStart, 3);
  const main: EventPlan = {
    name: "Manifest 2026",
    slug: DEMO_EVENT_SLUG,
    startDate: mainStart,
    endDate: mainDays[2]!,
    days: mainDays,
    relocated,
  };

  const pastEndInstant = (start: string) => zonedTime(addDaysYmd(start, 3), 0, 0, tz);
  let pastStart: string = MANIFEST_2025.start;
  const pastRelocated = pastEndInstant(pastStart).getTime() > now.getTime() - 30 * DAY_MS;
  if (pastRelocated) pastStart = mondayOnOrBefore(addDaysYmd(localDateOf(now, tz), -120));
  const pastDays = eventDays(pastStart, 3);
  const past: EventPlan = {
    name: "Manifest 2025",
    slug: "manifest-2025",
    startDate: pastStart,
    endDate: pastDays[2]!,
    days: pastDays,
    relocated: pastRelocated,
  };
  const pastAsOf = new Date(Math.min(now.getTime(), pastEndInstant(pastStart).getTime() + 14 * DAY_MS));
  return { now, main, past, pastAsOf };
}
