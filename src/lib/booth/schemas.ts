import { z } from "zod";
import { completeMeetingBody, noShowBody } from "@/lib/meetings/schemas";

/**
 * What the booth writes, shared by the API and the phone's offline queue: the phone validates a
 * capture with these schemas before it stores it, so a missing company shows while the visitor
 * is still there, and the server validates the same shape again when the queue syncs.
 */
export const LEAD_RATINGS = ["hot", "warm", "cold"] as const;
const CAPTURE_SOURCES = ["form", "badge", "card"] as const;
const SCAN_FORMATS = ["vcard", "mecard", "url", "text"] as const;

/** A card photo as a data URL: JPEG/PNG/WebP, downscaled on the phone (about 100–300 kB). */
export const CARD_IMAGE_MAX_CHARS = 1_400_000;
const cardImage = z
  .string()
  .max(CARD_IMAGE_MAX_CHARS, "The card photo is too large; take it again")
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, "The card photo must be a JPEG, PNG or WebP image");

const interestTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, "A tag has at most 40 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &/+.-]*$/u, "A tag has letters, digits, spaces and & / + . - only");

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** An instant with an offset, not in the future by more than a clock's drift. */
const pastInstant = z.iso
  .datetime({ offset: true, message: "Use an ISO date-time with an offset" })
  .refine((v) => Date.parse(v) <= Date.now() + 5 * 60_000, "The capture time is in the future");

export const captureLeadBody = z
  .strictObject({
    name: z.string().trim().min(2, "Enter the visitor's name").max(120),
    company: optionalText(160),
    email: z
      .union([z.literal(""), z.email("Enter a valid email or leave it empty").max(254)])
      .optional()
      .transform((v) => (v ? v.trim() : undefined)),
    title: optionalText(160),
    phone: optionalText(50),
    linkedin: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "Enter a full LinkedIn URL" }).max(500)]).optional().transform((v) => (v ? v : undefined)),
    note: optionalText(2000),
    rating: z.enum(LEAD_RATINGS, "Pick hot, warm or cold"),
    tags: z.array(interestTag).max(12, "At most 12 tags").default([]),
    source: z.enum(CAPTURE_SOURCES).default("form"),
    scanFormat: z.enum(SCAN_FORMATS).optional(),
    cardImage: cardImage.optional(),
    /** When the rep captured it (the phone may sync hours later); defaults to now. */
    capturedAt: pastInstant.optional(),
  })
  .refine((v) => v.company || v.email, { path: ["company"], message: "Enter the company or an email so the lead lands on an account" });

export type CaptureLeadBody = z.infer<typeof captureLeadBody>;
export type CaptureLeadInput = z.input<typeof captureLeadBody>;

/** One queued booth write. The key is the phone's idempotency key: a repeat is answered, not redone. */
const operationKey = z.uuid("The operation key must be a UUID");
const meetingId = z.string().min(1).max(64);

export const boothOperation = z.discriminatedUnion("kind", [
  z.strictObject({ key: operationKey, kind: z.literal("capture"), lead: captureLeadBody }),
  z.strictObject({ key: operationKey, kind: z.literal("check_in"), meetingId, at: pastInstant.optional() }),
  z.strictObject({ key: operationKey, kind: z.literal("complete"), meetingId, outcome: completeMeetingBody }),
  z.strictObject({ key: operationKey, kind: z.literal("no_show"), meetingId, outcome: noShowBody }),
]);

const BOOTH_SYNC_MAX_OPERATIONS = 100;
export const boothSyncBody = z.strictObject({
  operations: z.array(boothOperation).min(1, "Send at least one operation").max(BOOTH_SYNC_MAX_OPERATIONS, `Send at most ${BOOTH_SYNC_MAX_OPERATIONS} operations at once`),
});

export type BoothOperation = z.infer<typeof boothOperation>;
export type BoothOperationInput = z.input<typeof boothOperation>;
type BoothOperationKind = BoothOperation["kind"];

/** The answer for one operation: done (first time or a repeat), or refused with the reason. */
export type BoothOperationResult =
  | { key: string; ok: true; replayed: boolean; data: unknown }
  | { key: string; ok: false; status: number; code: string; error: string; details?: unknown };
