/**
 * A business-card photo read by the AI endpoint (any OpenAI-compatible model that takes images).
 * The answer is a suggestion: the phone shows it and the rep confirms it before it fills the form.
 * Without a configured endpoint the phone's button says card reading is off — there is no
 * built-in reader pretending to read a photo.
 */
import { z } from "zod";
import { generateStructured, isAiConfigured } from "@/server/ai/client";
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

const SYSTEM = "You read business cards from photos for a sales rep at a trade show. Use null for anything the card does not show; never guess.";
const PROMPT = "This is a photo of a business card: the person's name, company, job title, email, phone and LinkedIn URL.";

export async function readBusinessCard(image: string): Promise<BadgeFields> {
  if (!isAiConfigured()) throw new AppError("service_unavailable", "Card reading is off: no AI endpoint is connected.");
  const answer = await generateStructured({ purpose: "card-read", system: SYSTEM, prompt: PROMPT, images: [image], schema: cardAnswer, temperature: 0, timeoutMs: 20_000, maxRetries: 1 });
  const email = answer.email && z.email().safeParse(answer.email).success ? answer.email.toLowerCase() : undefined;
  return Object.fromEntries(Object.entries({ ...answer, email }).filter(([, v]) => v)) as BadgeFields;
}
