import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { generateStructured, isAiConfigured, streamPlainText } from "@/server/ai/client";
import { startFakeOpenAI, type FakeAnswer } from "../helpers/fake-openai";

describe("AI client (AI SDK) against a fake OpenAI-compatible server", () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let restore: () => void;
  let answers: FakeAnswer[] = [];
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => answers.shift() ?? { status: 500 });
    restore = fake.configure();
  });
  afterAll(async () => {
    restore();
    await fake.close();
  });

  const schema = z.object({ score: z.number(), reason: z.string() });

  it("sends a chat completion in JSON mode with the schema in the prompt and validates the answer", async () => {
    expect(isAiConfigured()).toBe(true);
    answers = ["```json\n{\"score\": 72, \"reason\": \"fits\"}\n```"];
    const result = await generateStructured({ purpose: "score-review", system: "You score.", prompt: "score this", schema });
    expect(result).toEqual({ score: 72, reason: "fits" });
    const request = fake.requests.at(-1)!;
    expect(request.response_format).toEqual({ type: "json_object" });
    expect(request.messages[0].role).toBe("system");
    expect(request.messages[0].content).toContain('"score"');
    expect(request.messages.at(-1)?.content).toBe("score this");
  });

  it("retries a server error (honouring retry-after-ms) and then succeeds", async () => {
    const before = fake.requests.length;
    answers = [{ status: 500, retryAfterMs: 5 }, "{\"score\": 1, \"reason\": \"ok\"}"];
    await expect(generateStructured({ purpose: "score-review", system: "s", prompt: "p", schema })).resolves.toEqual({ score: 1, reason: "ok" });
    expect(fake.requests.length - before).toBe(2);
  });

  it("refuses answers of the wrong shape, and gives up after the retries with the status", async () => {
    answers = ["{\"score\": \"high\"}"];
    await expect(generateStructured({ purpose: "score-review", system: "s", prompt: "p", schema })).rejects.toThrow(/expected shape/);
    answers = [{ status: 503, retryAfterMs: 1 }, { status: 503, retryAfterMs: 1 }];
    await expect(generateStructured({ purpose: "score-review", system: "s", prompt: "p", schema, maxRetries: 1 })).rejects.toThrow(/answered 503/);
  });

  it("streams text piece by piece over server-sent events", async () => {
    answers = ["Subject: Hello there\n\nA body that arrives in several pieces."];
    const result = streamPlainText({ purpose: "draft-stream", system: "s", prompt: "p" });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe("Subject: Hello there\n\nA body that arrives in several pieces.");
    expect(fake.requests.at(-1)?.stream).toBe(true);
    expect((await result.totalUsage).totalTokens).toBe(18);
  });
});
