import { z } from "zod";
import { calendarDay, CALENDAR_RANGE_MESSAGE, isInCalendarRange } from "@/server/calendar/time";
import { paginationQuery } from "@/server/http/route";
import { eventScopeField } from "@/server/access/actor";
import { MEETING_STATUSES } from "@/lib/vocabulary";
import { MEETING_LOCATION_TYPES as LOCATION_TYPES } from "@/lib/fields/meeting";

;

/** `?early=true`: the rep confirmed recording a meeting before its day (see assertMeetingDay). */
export const meetingOutcomeQuery = z.object({ early: z.enum(["true"]).optional() });
;
export { completeMeetingBody, noShowBody,  type CompleteMeetingBody } from "@/lib/meetings/schemas";

/**
 * A start time is either an instant with an offset ("2026-12-14T17:30:00Z") or a wall-clock time
 * without one ("2026-12-14T09:30"), which is read in the event's time zone — what a rep means
 * when they pick "9:30" for a show in Las Vegas, wherever their laptop is.
 */
const startTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, "Use an ISO date-time such as 2026-12-14T09:30")
  .refine((v) => !Number.isNaN(Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`)), "Not a real date and time")
  .refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE);

export const bookingContextQuery = z.object({ personId: z.string().min(1).max(64).optional() });

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional().nullable().transform((v) => (v ? v : null));

export const createMeetingBody = z.strictObject({
  personId: z.string().min(1).max(64),
  ownerId: z.string().min(1).max(64).optional(),
  title: optionalText(200),
  scheduledAt: startTime,
  durationMinutes: z.number().int().min(5).max(480).default(30),
  locationType: z.enum(LOCATION_TYPES).default("BOOTH"),
  location: optionalText(200),
  address: optionalText(300),
  agenda: optionalText(4000),
  sendInvite: z.boolean().default(true),
  allowConflicts: z.boolean().default(false),
}).superRefine(requireAddressOffsite);

export const updateMeetingBody = z.strictObject({
  ownerId: z.string().min(1).max(64).optional(),
  title: optionalText(200),
  scheduledAt: startTime.optional(),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  locationType: z.enum(LOCATION_TYPES).optional(),
  location: optionalText(200),
  address: optionalText(300),
  agenda: optionalText(4000),
  outcome: optionalText(4000),
  nextStep: optionalText(1000),
  sendInvite: z.boolean().default(true),
  allowConflicts: z.boolean().default(false),
});

export const cancelMeetingQuery = z.object({
  notify: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  reason: z.string().trim().max(500).optional(),
});

export const listMeetingsQuery = paginationQuery.extend({
  ...eventScopeField,
  status: z.enum(MEETING_STATUSES).optional(),
  ownerId: z.string().min(1).max(64).optional(),
  personId: z.string().min(1).max(64).optional(),
  accountId: z.string().min(1).max(64).optional(),
  /** A local calendar day of the event (YYYY-MM-DD, in the event's time zone). */
  day: calendarDay.optional(),
  q: z.string().trim().max(100).optional(),
});

export const attendeeSearchQuery = z.object({ q: z.string().trim().min(1).max(100), ...eventScopeField });

export type CreateMeetingBody = z.infer<typeof createMeetingBody>;
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;

function requireAddressOffsite(value: { locationType: string; address: string | null }, ctx: z.RefinementCtx) {
  if (value.locationType === "OFFSITE" && !value.address) {
    ctx.addIssue({ code: "custom", path: ["address"], message: "An off-site meeting needs an address" });
  }
}
