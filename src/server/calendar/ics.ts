/**
 * RFC 5545 calendar invites, written by hand.
 *
 * Why not the `ics` package: it writes DTSTART either in UTC or as floating local time and has no
 * way to emit TZID parameters or a VTIMEZONE, so an invite could not carry the event's time zone.
 * Here DTSTART/DTEND are wall-clock times with `TZID=<IANA name>` and the calendar carries a
 * VTIMEZONE whose observances are the real UTC-offset transitions of that zone (computed from the
 * platform's tz database) for the year before, of and after the meeting — so a client that does
 * not know the IANA name still places a meeting across a DST change correctly.
 *
 * Identity: one UID per meeting for its whole life; every change that is sent raises SEQUENCE.
 * A booking or a reschedule is METHOD:REQUEST, a cancellation METHOD:CANCEL with STATUS:CANCELLED.
 * Lines end with CRLF and are folded at 75 octets; TEXT values are escaped.
 */

export type IcsMethod = "REQUEST" | "CANCEL";

type IcsParty = { name?: string | null; email: string };

export type MeetingIcsInput = {
  method: IcsMethod;
  uid: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  organizer: IcsParty;
  attendee?: IcsParty | null;
  /** When the invite was produced (DTSTAMP); defaults to now. */
  stamp?: Date;
  productId?: string;
};

const MINUTE_MS = 60_000;

export function buildMeetingIcs(input: MeetingIcsInput): string {
  const end = new Date(input.start.getTime() + input.durationMinutes * MINUTE_MS);
  const cancelled = input.method === "CANCEL";
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${input.productId ?? "-//EventOps//Meetings//EN"}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method}`,
    ...buildVTimezone(input.timeZone, input.start),
    "BEGIN:VEVENT",
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcStamp(input.stamp ?? new Date())}`,
    `DTSTART;TZID=${input.timeZone}:${localStamp(input.start, input.timeZone)}`,
    `DTEND;TZID=${input.timeZone}:${localStamp(end, input.timeZone)}`,
    `SUMMARY:${escapeText(input.summary)}`,
  ];
  if (input.description) lines.push(`DESCRIPTION:${escapeText(input.description)}`);
  if (input.location) lines.push(`LOCATION:${escapeText(input.location)}`);
  lines.push(`ORGANIZER${partyParams(input.organizer)}:mailto:${input.organizer.email}`);
  if (input.attendee) {
    const rsvp = cancelled ? "" : ";RSVP=TRUE";
    lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION${rsvp}${partyParams(input.attendee)}:mailto:${input.attendee.email}`);
  }
  lines.push(`STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

function partyParams(party: IcsParty): string {
  return party.name ? `;CN=${quoteParam(party.name)}` : "";
}

/** Parameter values with : ; , must be quoted; DQUOTE itself is not allowed at all. */
function quoteParam(value: string): string {
  const clean = value.replace(/["\r\n]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Fold at 75 octets (UTF-8), continuation lines start with one space; never split a character. */
export function foldLine(line: string): string {
  const bytes = Buffer.byteLength(line, "utf8");
  if (bytes <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (currentBytes + size > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, timeZone: string) {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    partFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** 20261108T093000 — the wall-clock time of an instant in a zone. */
function localStamp(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. -480 for PST). */
function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / MINUTE_MS);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

export type ZoneTransition = { at: Date; from: number; to: number };

/** Every UTC-offset change of a zone between two instants, found to the minute. */
export function zoneTransitions(timeZone: string, from: Date, to: Date): ZoneTransition[] {
  const found: ZoneTransition[] = [];
  const step = 6 * 60 * MINUTE_MS;
  let t = from.getTime();
  let offset = zoneOffsetMinutes(from, timeZone);
  while (t < to.getTime()) {
    const next = Math.min(t + step, to.getTime());
    const nextOffset = zoneOffsetMinutes(new Date(next), timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zoneOffsetMinutes(new Date(mid), timeZone) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return found;
}

/**
 * VTIMEZONE for the zone around an instant: one observance per real transition in the year
 * before, of and after it (DAYLIGHT when the offset grows, STANDARD when it shrinks), or a single
 * STANDARD observance for a zone without DST.
 */
function buildVTimezone(timeZone: string, around: Date): string[] {
  const year = around.getUTCFullYear();
  const from = new Date(Date.UTC(year - 1, 0, 1));
  const to = new Date(Date.UTC(year + 2, 0, 1));
  const transitions = zoneTransitions(timeZone, from, to);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = formatOffset(zoneOffsetMinutes(around, timeZone));
    lines.push("BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, "END:STANDARD");
  }
  for (const tr of transitions) {
    const kind = tr.to > tr.from ? "DAYLIGHT" : "STANDARD";
    // DTSTART of an observance is the local time *before* the change (RFC 5545 §3.6.5).
    const localBefore = new Date(tr.at.getTime() + tr.from * MINUTE_MS);
    const stamp = utcStamp(localBefore).replace("Z", "");
    lines.push(`BEGIN:${kind}`, `DTSTART:${stamp}`, `TZOFFSETFROM:${formatOffset(tr.from)}`, `TZOFFSETTO:${formatOffset(tr.to)}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
