import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { extractJsonMiddleware, generateText, Output, streamText, wrapLanguageModel, type LanguageModelUsage } from "ai";
import { z, type ZodType } from "zod";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";

/**
 * The one way the app talks to a language model: the AI SDK (`ai`) with its OpenAI-compatible
 * provider, so any Chat Completions endpoint works (OPENAI_BASE_URL + OPENAI_API_KEY +
 * OPENAI_MODEL). Structured answers are validated by the caller's zod schema (the schema is
 * also written into the system prompt, because many compatible endpoints only offer a plain
 * JSON mode); the SDK retries rate limits and server errors (honouring Retry-After), and every
 * call logs its token usage. Callers always have a built-in path and check `isAiConfigured()`.
 */
export function isAiConfigured(): boolean {
  return Boolean(env().OPENAI_API_KEY);
}

export function aiProviderName(): string {
  return isAiConfigured() ? `openai-compatible:${env().OPENAI_MODEL}` : "built-in";
}

/** What a call was for: goes into the usage log line, so token spend can be told apart. */
export type AiPurpose = "draft" | "draft-stream" | "research" | "score-review" | "card-read";

function chatModel() {
  const config = env();
  if (!isAiConfigured()) throw new AppError("service_unavailable", "No AI endpoint is configured");
  const provider = createOpenAICompatible({
    name: "openai-compatible",
    baseURL: (config.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/$/, ""),
    apiKey: config.OPENAI_API_KEY,
    includeUsage: true,
  });
  return provider.chatModel(config.OPENAI_MODEL);
}

function logUsage(purpose: AiPurpose, usage: LanguageModelUsage | undefined, started: number, extra: Record<string, unknown> = {}) {
  logger.info(
    {
      purpose,
      model: env().OPENAI_MODEL,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      totalTokens: usage?.totalTokens ?? null,
      durationMs: Math.round(performance.now() - started),
      ...extra,
    },
    "ai call",
  );
}

/** A failure of the model call as the user should read it (never the endpoint's raw text). */
function aiFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "AI_NoObjectGeneratedError") return new AppError("service_unavailable", "The AI answer did not have the expected shape");
  const status = (error as { statusCode?: number; lastError?: { statusCode?: number } }).statusCode ?? (error as { lastError?: { statusCode?: number } }).lastError?.statusCode;
  if (status) return new AppError("service_unavailable", `The AI endpoint answered ${status}`);
  return new AppError("service_unavailable", "The AI endpoint could not be reached");
}

// The SDK's errors carry the whole request (prompts hold prospects' data): log only their name.
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

// The SDK prints a console warning on each JSON-mode call without a native schema; it is expected here.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

function withSchema(system: string, schema: ZodType): string {
  const jsonSchema = JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return `${system}\nAnswer with one JSON object only (no prose, no code fence) that matches this JSON Schema: ${jsonSchema}`;
}

/** One structured answer: JSON validated by `schema`, or an AppError the route maps to 503. */
export async function generateStructured<T>(options: {
  purpose: AiPurpose;
  system: string;
  prompt: string;
  schema: ZodType<T>;
  /** Pictures the model looks at with the prompt (data URLs), e.g. a business-card photo. */
  images?: string[];
  temperature?: number;
  timeoutMs?: number;
  maxRetries?: number;
}): Promise<T> {
  const started = performance.now();
  try {
    const input = options.images?.length
      ? { messages: [{ role: "user" as const, content: [{ type: "text" as const, text: options.prompt }, ...options.images.map((image) => ({ type: "image" as const, image }))] }] }
      : { prompt: options.prompt };
    const result = await generateText({
      model: wrapLanguageModel({ model: chatModel(), middleware: extractJsonMiddleware() }),
      output: Output.object({ schema: options.schema }),
      system: withSchema(options.system, options.schema),
      ...input,
      temperature: options.temperature ?? 0.2,
      maxRetries: options.maxRetries ?? 2,
      abortSignal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    logUsage(options.purpose, result.usage, started);
    return result.output as T;
  } catch (error) {
    const failure = aiFailure(error);
    logger.warn({ purpose: options.purpose, error: errorName(error), durationMs: Math.round(performance.now() - started) }, failure.message);
    throw failure;
  }
}

/**
 * Plain text streamed as the model writes it (the composer shows a draft growing). The caller
 * reads `textStream`; usage is logged when the stream ends, errors are logged and end the stream.
 */
export function streamPlainText(options: { purpose: AiPurpose; system: string; prompt: string; temperature?: number; timeoutMs?: number; onError?: (error: AppError) => void }) {
  const started = performance.now();
  return streamText({
    model: chatModel(),
    system: options.system,
    prompt: options.prompt,
    temperature: options.temperature ?? 0.4,
    maxRetries: 2,
    abortSignal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    onFinish: ({ totalUsage }) => logUsage(options.purpose, totalUsage, started),
    onError: ({ error }) => {
      const failure = aiFailure(error);
      logger.warn({ purpose: options.purpose, error: errorName(error) }, failure.message);
      options.onError?.(failure);
    },
  });
}
