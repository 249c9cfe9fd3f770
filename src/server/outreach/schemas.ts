import { z } from "zod";
import { calendarDay, CALENDAR_RANGE_MESSAGE, isInCalendarRange } from "@/lib/calendar-range";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields } from "@/server/http/pagination";
import { OUTREACH, OUTREACH_CHANNELS } from "@/lib/fields/outreach";
import { createShape, updateShape } from "@/lib/fields/define";
import { filterShape } from "@/server/lists/filters";

const outreachChannel = z.enum(OUTREACH_CHANNELS);

export const listOutreachQuery = z.object({
  ...eventScopeField,
  ...filterShape(OUTREACH.fields),
  engagement: z.enum(["opened", "clicked", "replied", "bounced"]).optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationFields({ pageSize: 25, maxPageSize: 200 }),
});
export type ListOutreachQuery = z.infer<typeof listOutreachQuery>;

export const createOutreachBody = z.strictObject(createShape(OUTREACH.fields));
export const updateOutreachBody = z.strictObject(updateShape(OUTREACH.fields));

const MAX_DRAFTS_NOW = 3;
const MAX_BULK_DRAFTS = 500;

/** One draft streamed into the composer as the model writes it. */
export const streamDraftBody = z.strictObject({
  personId: z.string().min(1).max(64),
  templateId: z.string().max(64).nullish(),
  channel: outreachChannel.default("EMAIL"),
});

export const generateDraftsBody = z.strictObject({
  personIds: z.array(z.string().min(1).max(64)).min(1, "Pick at least one person").max(MAX_DRAFTS_NOW, `Generate at most ${MAX_DRAFTS_NOW} drafts here; larger selections run in the background (POST /api/outreach/generate/bulk)`),
  templateId: z.string().max(64).nullish(),
  campaignId: z.string().max(64).nullish(),
  channel: outreachChannel.default("EMAIL"),
  /** false: return the text only (the compose dialog saves after the rep edits it). */
  save: z.boolean().default(true),
});

export const bulkDraftsBody = z.strictObject({
  personIds: z.array(z.string().min(1).max(64)).min(1, "Pick at least one person").max(MAX_BULK_DRAFTS, `Generate at most ${MAX_BULK_DRAFTS} drafts at a time`),
  templateId: z.string().max(64).nullish(),
  campaignId: z.string().max(64).nullish(),
  channel: outreachChannel.default("EMAIL"),
});

export const markRepliedBody = z.strictObject({
  note: z.string().trim().max(2000).optional(),
  repliedAt: z.iso.datetime().refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE).optional(),
});

export const recipientsQuery = z.object({
  q: z.string().trim().max(200).default(""),
  ...eventScopeField,
});
