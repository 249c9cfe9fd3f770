// Meeting labels and calendar-day helpers; times are formatted by formatInZone (src/lib/time.ts) in the event's zone.

export type MeetingStatus = "SCHEDULED" | "COMPLETED" | "NO_SHOW" | "CANCELLED";
export type LocationType = "BOOTH" | "MEETING_ROOM" | "OFFSITE" | "VIRTUAL";

export type MeetingItem = {
  id: string;
  eventId: string;
  personId: string;
  accountId: string | null;
  ownerId: string | null;
  title: string | null;
  scheduledAt: string;
  durationMinutes: number;
  locationType: LocationType;
  location: string | null;
  address: string | null;
  status: MeetingStatus;
  agenda: string | null;
  outcome: string | null;
  nextStep: string | null;
  checkedInAt: string | null;
  icsSequence: number;
  person: { id: string; name: string; title: string | null; email: string | null; phone: string | null };
  account: { id: string; name: string; status: string; tier: string } | null;
  owner: { id: string; name: string | null; email: string } | null;
  /** Why the signed-in teammate may not change this meeting, per action (null: they may); from the permission matrix. */
  refusals?: Partial<Record<"edit" | "cancel" | "complete" | "checkIn" | "noShow", string | null>>;
};

export type ConflictItem = {
  id: string;
  reasons: ("rep" | "person" | "room")[];
  scheduledAt: string;
  durationMinutes: number;
  locationType: LocationType;
  location: string | null;
  personName: string;
  accountName: string | null;
  ownerName: string | null;
};

export const LOCATION_LABELS: Record<LocationType, string> = {
  BOOTH: "Booth",
  MEETING_ROOM: "Meeting room",
  OFFSITE: "Off-site",
  VIRTUAL: "Video call",
};

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  SCHEDULED: "Scheduled",
  COMPLETED: "Completed",
  NO_SHOW: "No-show",
  CANCELLED: "Cancelled",
};

export const STATUS_VARIANT: Record<MeetingStatus, "default" | "success" | "warning" | "secondary"> = {
  SCHEDULED: "default",
  COMPLETED: "success",
  NO_SHOW: "warning",
  CANCELLED: "secondary",
};

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/**
 * "Mon, Dec 14" for a YYYY-MM-DD calendar date — what Intl's en-US short format gives, written
 * out: a page's first Intl formatter loads the browser's locale data (~35 ms on a mid-range
 * phone), and the booth's first view names its day before anything else needs Intl
 * (docs/PERFORMANCE.md, "Lighthouse, round 9"). tests/unit/meetings-format.test.ts compares the two.
 */
export function formatDay(ymd: string): string {
  const date = new Date(`${ymd}T12:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

// Building an Intl.DateTimeFormat costs far more than using one, and the booth filters thousands
// of meetings by day on a phone: one formatter per zone.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time of an instant in a zone: { day: "2026-12-14", time: "09:30" }. */
export function wallClock(iso: string, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    wallClockFormat(timeZone)
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function todayIn(timeZone: string): string {
  return wallClock(new Date().toISOString(), timeZone).day;
}

export function describeLocation(m: Pick<MeetingItem, "locationType" | "location" | "address">): string {
  const label = LOCATION_LABELS[m.locationType];
  return [m.location ?? label, m.locationType === "OFFSITE" ? m.address : null].filter(Boolean).join(" · ");
}

/** The API's answer for recording a meeting before its day: the rep may confirm and resend with `?early=true`. */
export function isBeforeMeetingDay(failure: { success: false; details?: unknown }): boolean {
  return typeof failure.details === "object" && failure.details !== null && (failure.details as { reason?: unknown }).reason === "before_meeting_day";
}
