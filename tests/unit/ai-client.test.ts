import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { completeJson, isAiConfigured } from "@/server/ai/client";
import { startFakeOpenAI } from "../helpers/fake-openai";

process.env.DATABASE_URL ??= "postgres://unused";

describe("AI client against a fake OpenAI-compatible server", () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let restore: () => void;
  let answer: string | { status: number } = "{}";
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => answer);
    restore = fake.configure();
  });
  afterAll(async () => {
    restore();
    await fake.close();
  });

  it("sends a chat completion and validates the JSON answer", async () => {
    expect(isAiConfigured()).toBe(true);
    answer = "```json\n{\"score\": 72, \"reason\": \"fits\"}\n```";
    const result = await completeJson({ messages: [{ role: "user", content: "score" }], schema: z.object({ score: z.number(), reason: z.string() }) });
    expect(result).toEqual({ score: 72, reason: "fits" });
    expect(fake.requests.at(-1)?.messages[0].content).toBe("score");
  });

  it("refuses answers of the wrong shape and upstream errors", async () => {
    answer = "{\"score\": \"high\"}";
    await expect(completeJson({ messages: [], schema: z.object({ score: z.number() }) })).rejects.toThrow(/expected shape/);
    answer = { status: 500 };
    await expect(completeJson({ messages: [], schema: z.object({}) })).rejects.toThrow(/answered 500/);
  });
});
