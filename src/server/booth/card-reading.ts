/**
 * A business-card photo read by the AI endpoint (any OpenAI-compatible model that takes images).
 * The answer is a suggestion: the phone shows it and the rep confirms it before it fills the form.
 * Without a configured endpoint the phone's button says card reading is off — there is no
 * built-in reader pretending to read a photo.
 */
import { z } from "zod";
import { completeJson, isAiConfigured } from "@/server/ai/client";
import { AppError } from "@/server/http/errors";
import { CARD_IMAGE_MAX_CHARS } from "@/lib/booth/schemas";
import type { BadgeFields } from "@/lib/booth/badge-payload";

export const cardReadBody = z.strictObject({
  image: z
    .string()
    .max(CARD_IMAGE_MAX_CHARS, "The card photo is too large; take it again")
    .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, "Send the card photo as a JPEG, PNG or WebP data URL"),
});

const text = z.string().trim().max(200).nullish().transform((v) => v || undefined);
const cardAnswer = z.object({ name: text, company: text, title: text, email: text, phone: text, linkedin: text });

const PROMPT =
  "This is a photo of a business card. Read it and answer with JSON only: " +
  '{"name": string|null, "company": string|null, "title": string|null, "email": string|null, "phone": string|null, "linkedin": string|null}. ' +
  "Use null for anything the card does not show; never guess.";

export async function readBusinessCard(image: string): Promise<BadgeFields> {
  if (!isAiConfigured()) throw new AppError("service_unavailable", "Card reading is off: no AI endpoint is connected.");
  const answer = await completeJson({
    messages: [{ role: "user", content: [{ type: "text", text: PROMPT }, { type: "image_url", image_url: { url: image } }] }],
    schema: cardAnswer,
    temperature: 0,
    timeoutMs: 20_000,
  });
  const email = answer.email && z.email().safeParse(answer.email).success ? answer.email.toLowerCase() : undefined;
  return Object.fromEntries(Object.entries({ ...answer, email }).filter(([, v]) => v)) as BadgeFields;
}
