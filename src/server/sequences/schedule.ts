import { TZDate } from "@date-fns/tz";

/**
 * When a sequence step is due. A step's delay counts from the PREVIOUS step (step 1 from the
 * enrollment): a 0/3/7 sequence sends on day 0, day 3 and day 10. With `businessDays` the
 * delay skips Saturdays and Sundays in the event's time zone, keeping the local time of day;
 * a business-day step that would start on a weekend moves to the Monday. The sending window
 * itself is applied later by sendOutreach, which queues anything outside it.
 */
export function addStepDelay(from: Date, delayDays: number, businessDays: boolean, timeZone = "UTC"): Date {
  if (!businessDays) return new Date(from.getTime() + delayDays * 86_400_000);
  let local = new TZDate(from.getTime(), timeZone);
  const step = (d: TZDate) =>
    new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + 1, d.getHours(), d.getMinutes(), d.getSeconds(), timeZone);
  const weekend = (d: TZDate) => d.getDay() === 0 || d.getDay() === 6;
  let remaining = delayDays;
  while (remaining > 0) {
    local = step(local);
    if (!weekend(local)) remaining--;
  }
  while (weekend(local)) local = step(local);
  return new Date(local.getTime());
}

/** Retry delay after the n-th consecutive failure: 5, 10, 20, 40 … minutes, at most 6 hours. */
export function failureBackoffMs(failureCount: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, failureCount - 1), 6 * 3_600_000);
}

export const MAX_STEP_FAILURES = 5;
