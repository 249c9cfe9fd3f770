import { z } from "zod";

/**
 * Meeting outcome bodies, shared by the API and the booth's offline queue (which validates a
 * completion on the phone before it is stored, so a mistake shows while the rep is still there).
 */
const NEXT_ACCOUNT_STATUSES = ["ENGAGED", "WON", "LOST"] as const;

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));

export const completeMeetingBody = z.strictObject({
  outcome: optionalText(4000),
  nextStep: optionalText(1000),
  accountStatus: z.enum(NEXT_ACCOUNT_STATUSES).optional(),
  reason: optionalText(500),
});

export const noShowBody = z.strictObject({ note: optionalText(1000) });

export type CompleteMeetingBody = z.infer<typeof completeMeetingBody>;
