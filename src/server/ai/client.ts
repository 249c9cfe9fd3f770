import { z, type ZodType } from "zod";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";

/**
 * The one way the app talks to a language model: any OpenAI-compatible Chat Completions
 * endpoint (OPENAI_BASE_URL + OPENAI_API_KEY + OPENAI_MODEL). Callers always have a
 * deterministic built-in fallback and check `isAiConfigured()` first. Answers are requested as
 * JSON and validated with the caller's zod schema; anything else is an error, never trusted.
 */
export function isAiConfigured(): boolean {
  return Boolean(env().OPENAI_API_KEY);
}

export function aiProviderName(): string {
  return isAiConfigured() ? `openai-compatible:${env().OPENAI_MODEL}` : "built-in";
}

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

const completionResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export async function completeJson<T>(options: {
  messages: ChatMessage[];
  schema: ZodType<T>;
  temperature?: number;
  timeoutMs?: number;
}): Promise<T> {
  const config = env();
  if (!isAiConfigured()) throw new AppError("service_unavailable", "No AI endpoint is configured");
  const baseUrl = (config.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/$/, "");
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${config.OPENAI_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: config.OPENAI_MODEL,
        messages: options.messages,
        temperature: options.temperature ?? 0.2,
        response_format: { type: "json_object" },
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    logger.warn({ err: error }, "AI endpoint unreachable");
    throw new AppError("service_unavailable", "The AI endpoint could not be reached");
  }
  if (!response.ok) {
    logger.warn({ status: response.status }, "AI endpoint answered with an error");
    throw new AppError("service_unavailable", `The AI endpoint answered ${response.status}`);
  }
  const parsed = completionResponse.safeParse(await response.json().catch(() => null));
  const content = parsed.success ? parsed.data.choices[0].message.content : null;
  if (!content) throw new AppError("service_unavailable", "The AI endpoint returned no content");
  let data: unknown;
  try {
    data = JSON.parse(stripFence(content));
  } catch {
    throw new AppError("service_unavailable", "The AI endpoint returned something that is not JSON");
  }
  const result = options.schema.safeParse(data);
  if (!result.success) throw new AppError("service_unavailable", "The AI answer did not have the expected shape");
  return result.data;
}

// Some models wrap JSON in a ```json fence even when asked not to.
// String scans, not one expression: /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/ is cubic on whitespace.
function stripFence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("```") || !trimmed.endsWith("```") || trimmed.length < 6) return text;
  const inner = trimmed.slice(3, -3);
  return (inner.startsWith("json") ? inner.slice(4) : inner).trim();
}
