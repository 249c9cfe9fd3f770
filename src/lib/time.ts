/**
 * The one way times are shown: every time names its zone ("Mar 4, 7:15 AM PST"), and the zone is
 * chosen by what the time is about, never the server's clock:
 * - show logistics (meetings, the booth, the agenda, "today") — the event's zone;
 * - activity (sent, written, the feed, timelines, imports) — the viewer's zone;
 * - the prospect's local time, beside the rep's, where it helps (queued sends, calls).
 * Calendar dates without a time (research date, "due Mar 4") are computed in the given zone and
 * shown without a zone name. Pure and isomorphic: server and client components render the same.
 */

export type TimeStyle = "dateTime" | "weekdayTime" | "time" | "date" | "shortDate";

const OPTIONS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  weekdayTime: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  time: { hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  date: { year: "numeric", month: "short", day: "numeric" },
  shortDate: { month: "short", day: "numeric" },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(style: TimeStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...OPTIONS[style], timeZone: safeZone(timeZone) });
    formats.set(key, f);
  }
  return f;
}

/** A zone the runtime knows; anything else (a typo in a person's record) falls back to UTC, which is then named. */
export function safeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** "Mar 4, 2026, 7:15 AM PST" (dateTime), "Wed, Mar 4, 7:15 AM PST", "7:15 AM PST", "Mar 4, 2026", "Mar 4". */
export function formatInZone(value: Date | string | null | undefined, timeZone: string, style: TimeStyle = "dateTime"): string {
  if (value === null || value === undefined || value === "") return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return formatter(style, timeZone).format(date).replace(/\u202f/g, " ");
}

/** "PST" / "PDT" / "GMT+1" for a zone at an instant. */
export function zoneAbbreviation(timeZone: string, at: Date | string = new Date()): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return formatter("time", timeZone).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** The browser's own zone (client components); UTC where there is none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The cookie the app shell writes with the browser's zone, so server pages show the viewer's time. */
export const VIEWER_ZONE_COOKIE = "eventops-tz";
