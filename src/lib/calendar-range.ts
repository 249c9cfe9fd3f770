import { z } from "zod";

/**
 * Dates the product takes in: calendar years 1900–2999. PostgreSQL has no year 0 and JavaScript
 * dates run to the year 275760, so without a range "0000-01-01" answered 500; no show, meeting
 * or report a team plans lies outside it.
 */
export const CALENDAR_RANGE_MESSAGE = "Use a date between the years 1900 and 2999";

export function isInCalendarRange(value: string): boolean {
  const year = Number(/^(\d{4})-/.exec(value)?.[1]);
  return year >= 1900 && year <= 2999;
}

/**
 * A calendar day as YYYY-MM-DD that exists ("2026-02-30" and "9999-99-99" do not; day
 * arithmetic on them threw a RangeError, a 500) and lies in the calendar range.
 */
export const calendarDay = z.iso.date("Use a real date as YYYY-MM-DD").refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE);
