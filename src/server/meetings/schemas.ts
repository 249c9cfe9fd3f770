import { z } from "zod";
import { calendarDay } from "@/lib/calendar-range";
import { paginationQuery } from "@/server/http/route";
import { eventScopeField } from "@/server/access/actor";
import { MEETING } from "@/lib/fields/meeting";
import { createShape, updateShape } from "@/lib/fields/define";
import { filterShape } from "@/server/lists/filters";

/** `?early=true`: the rep confirmed recording a meeting before its day (see assertMeetingDay). */
export const meetingOutcomeQuery = z.object({ early: z.enum(["true"]).optional() });
export { completeMeetingBody, noShowBody,  type CompleteMeetingBody } from "@/lib/meetings/schemas";

export const bookingContextQuery = z.object({ personId: z.string().min(1).max(64).optional() });

/** What to do besides storing: email the invite (or its update), and save despite clashes. */
const sendOptions = { sendInvite: z.boolean().default(true), allowConflicts: z.boolean().default(false) };

export const createMeetingBody = z.strictObject({ ...createShape(MEETING.fields), ...sendOptions }).superRefine(requireAddressOffsite);
export const updateMeetingBody = z.strictObject({ ...updateShape(MEETING.fields), ...sendOptions });

export const cancelMeetingQuery = z.object({
  notify: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  reason: z.string().trim().max(500).optional(),
});

export const listMeetingsQuery = paginationQuery.extend({
  ...eventScopeField,
  ...filterShape(MEETING.fields),
  /** A local calendar day of the event (YYYY-MM-DD, in the event's time zone). */
  day: calendarDay.optional(),
  q: z.string().trim().max(100).optional(),
});

export const attendeeSearchQuery = z.object({ q: z.string().trim().min(1).max(100), ...eventScopeField });

export type CreateMeetingBody = z.infer<typeof createMeetingBody>;
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;

function requireAddressOffsite(value: { locationType: string; address?: string | null }, ctx: z.RefinementCtx) {
  if (value.locationType === "OFFSITE" && !value.address) {
    ctx.addIssue({ code: "custom", path: ["address"], message: "An off-site meeting needs an address" });
  }
}
