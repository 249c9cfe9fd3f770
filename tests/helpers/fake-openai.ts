import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./http-body";

/**
 * A fake OpenAI-compatible server on loopback: speaks the real Chat Completions wire format,
 * both the JSON answer and, when the request says `stream: true`, server-sent events with one
 * `chat.completion.chunk` per piece of text, a final usage chunk and `data: [DONE]` — what the
 * AI SDK's OpenAI-compatible provider reads. `respond` gets the parsed request body and returns
 * the assistant's content (a string, usually JSON) or an HTTP status to fail with (with
 * `retryAfterMs`, the `retry-after-ms` header OpenAI sends, so the SDK's retry waits that long).
 * Every request is recorded.
 */
export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  response_format?: { type: string };
  [key: string]: unknown;
};
export type FakeAnswer = string | { status: number; retryAfterMs?: number };

export const FAKE_USAGE = { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 };

export async function startFakeOpenAI(respond: (request: ChatRequest) => FakeAnswer | Promise<FakeAnswer>, options: { chunkSize?: number; chunkDelayMs?: number } = {}) {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(body);
    if (req.url !== "/v1/chat/completions" || req.headers.authorization !== "Bearer test-key") {
      res.writeHead(req.url !== "/v1/chat/completions" ? 404 : 401).end();
      return;
    }
    const answer = await respond(body);
    if (typeof answer !== "string") {
      const headers: Record<string, string> = { "content-type": "application/json" };
      // OpenAI tells clients how long to wait; a short wait keeps the SDK's retries fast in tests.
      headers["retry-after-ms"] = String(answer.retryAfterMs ?? 5);
      res.writeHead(answer.status, headers).end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
      return;
    }
    const id = `chatcmpl-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id, object: "chat.completion", created, model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
          usage: FAKE_USAGE,
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const chunk = (delta: Record<string, unknown>, finish: string | null, usage?: typeof FAKE_USAGE) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: finish === "usage" ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
    res.write(chunk({ role: "assistant", content: "" }, null));
    const size = options.chunkSize ?? 12;
    for (let i = 0; i < answer.length; i += size) {
      res.write(chunk({ content: answer.slice(i, i + size) }, null));
      if (options.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs));
    }
    res.write(chunk({}, "stop"));
    res.write(chunk({}, "usage", FAKE_USAGE));
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    /** Point the app at this server (restore with the returned function). */
    configure() {
      const saved = { base: process.env.OPENAI_BASE_URL, key: process.env.OPENAI_API_KEY };
      process.env.OPENAI_BASE_URL = `http://127.0.0.1:${port}/v1`;
      process.env.OPENAI_API_KEY = "test-key";
      return () => {
        restore("OPENAI_BASE_URL", saved.base);
        restore("OPENAI_API_KEY", saved.key);
      };
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function restore(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
