import { TZDate } from "@date-fns/tz";

/**
 * When an email may go out. Two rules, both must hold:
 * - The sending window: weekdays (Mon–Fri), 09:00–17:00 in the recipient's time zone when we
 *   know it (Person.timeZone), else the event's. Outside it the message waits for the next
 *   window opening, computed in that zone so a DST change moves it with local time.
 * - The per-sender daily cap (User.dailySendCap) over a rolling 24 hours: with `cap` messages
 *   sent in the last 24 h the next one waits until the oldest of them is 24 h old.
 * Pure functions: callers pass `now` and the sender's recent send times.
 */
export type SendingWindow = { days: number[]; startHour: number; endHour: number };

export const DEFAULT_WINDOW: SendingWindow = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };
const DAY_MS = 86_400_000;

function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The recipient's zone when valid, else the event's, else UTC. */
export function recipientTimeZone(personZone: string | null | undefined, eventZone: string | null | undefined): string {
  if (isValidTimeZone(personZone)) return personZone;
  if (isValidTimeZone(eventZone)) return eventZone;
  return "UTC";
}

/** `now` when it is inside the window, else the start of the next window in `timeZone`. */
export function nextWindowStart(now: Date, timeZone: string, window: SendingWindow = DEFAULT_WINDOW): Date {
  let local = new TZDate(now.getTime(), timeZone);
  for (let i = 0; i < 14; i++) {
    if (window.days.includes(local.getDay())) {
      const minutes = local.getHours() * 60 + local.getMinutes();
      if (minutes < window.startHour * 60) {
        return toDate(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), window.startHour, 0, 0, timeZone));
      }
      if (minutes < window.endHour * 60) return i === 0 ? now : toDate(local);
    }
    local = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone);
  }
  throw new Error("The sending window has no open day");
}

export function isInsideWindow(at: Date, timeZone: string, window: SendingWindow = DEFAULT_WINDOW): boolean {
  return nextWindowStart(at, timeZone, window).getTime() === at.getTime();
}

/** The earliest moment at or after `now` when fewer than `cap` sends fall in the previous 24 h. */
export function nextCapSlot(now: Date, recentSends: Date[], cap: number): Date {
  const since = now.getTime() - DAY_MS;
  const inWindow = recentSends.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => a - b);
  if (inWindow.length < cap) return now;
  if (cap <= 0) throw new Error("The daily send cap is zero");
  // Once the (n - cap)-th oldest send is 24 h old, cap - 1 remain inside the window.
  return new Date(inWindow[inWindow.length - cap] + DAY_MS);
}

export type SlotDecision = { at: Date; reason: "now" | "window" | "cap" };

/** Both rules together: first the cap, then the next window opening from there. */
export function nextSendSlot(input: {
  now: Date;
  timeZone: string;
  recentSends: Date[];
  cap: number;
  window?: SendingWindow;
}): SlotDecision {
  const afterCap = nextCapSlot(input.now, input.recentSends, input.cap);
  const at = nextWindowStart(afterCap, input.timeZone, input.window);
  if (at.getTime() === input.now.getTime()) return { at, reason: "now" };
  return { at, reason: afterCap.getTime() > input.now.getTime() ? "cap" : "window" };
}

function toDate(value: Date): Date {
  return new Date(value.getTime());
}
