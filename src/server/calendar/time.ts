import { TZDate } from "@date-fns/tz";

/** Is this an IANA zone name the runtime knows ("America/Los_Angeles", "UTC")? Offsets are refused. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant of a wall-clock time ("2026-12-14T09:30") in a zone; an input with an offset is taken as is. */
export function parseStartTime(value: string, timeZone: string): Date {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return new Date(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return new Date(Number.NaN);
  const [, y, mo, d, h, mi, s] = m;
  return new Date(new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), 0, timeZone).getTime());
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(instant: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(instant);
}

/** [start, end) of a local calendar day in a zone: 23 or 25 hours long on DST days. */
export function dayRange(ymd: string, timeZone: string): { start: Date; end: Date } {
  const start = parseStartTime(`${ymd}T00:00`, timeZone);
  const end = parseStartTime(`${addDays(ymd, 1)}T00:00`, timeZone);
  return { start, end };
}

function addDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The event's days as YYYY-MM-DD (its @db.Date columns hold the UTC calendar date). */
export function eventDays(event: { startDate: Date; endDate: Date }): string[] {
  const first = event.startDate.toISOString().slice(0, 10);
  const last = event.endDate.toISOString().slice(0, 10);
  const days: string[] = [];
  for (let d = first; d <= last && days.length < 60; d = addDays(d, 1)) days.push(d);
  return days;
}
