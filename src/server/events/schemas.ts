import { z } from "zod";
import { isValidTimeZone } from "@/server/calendar/time";
import { calendarDay } from "@/lib/calendar-range";

const timeZone = z.string().trim().min(1).max(64).refine(isValidTimeZone, "Use an IANA time zone such as America/Los_Angeles");
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));

/** PATCH /api/me: the event the user switched to. */
export const updateMeBody = z.strictObject({ lastEventId: z.string().min(1).max(64) });

export const createEventBody = z.strictObject({
  name: z.string().trim().min(2, "Name the event").max(120),
  startDate: calendarDay,
  endDate: calendarDay,
  venue: optionalText(200),
  city: optionalText(120),
  timeZone,
  boothNumber: optionalText(40),
  description: optionalText(2000),
  /** Copy the target list (accounts, people, dossiers) of this event. */
  copyFromEventId: z.string().min(1).max(64).optional(),
}).refine((v) => v.endDate >= v.startDate, { path: ["endDate"], message: "The event cannot end before it starts" })
  .refine((v) => Date.parse(v.endDate) - Date.parse(v.startDate) <= 30 * 86_400_000, { path: ["endDate"], message: "An event lasts at most 31 days" });

export const updateEventBody = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  startDate: calendarDay.optional(),
  endDate: calendarDay.optional(),
  venue: optionalText(200),
  city: optionalText(120),
  timeZone: timeZone.optional(),
  boothNumber: optionalText(40),
  description: optionalText(2000),
  /** The footer's "why you hear from us" sentence for this event's outreach. */
  outreachReason: optionalText(300),
  archived: z.boolean().optional(),
});

export type CreateEventBody = z.infer<typeof createEventBody>;
export type UpdateEventBody = z.infer<typeof updateEventBody>;
