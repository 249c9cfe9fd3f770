import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake OpenAI-compatible server on loopback: speaks the real Chat Completions wire format.
 * `respond` gets the parsed request body and returns the assistant's message content (a string,
 * usually JSON) or an HTTP status to fail with. Every request is recorded.
 */
export type ChatRequest = { model: string; messages: { role: string; content: string }[]; [key: string]: unknown };

export async function startFakeOpenAI(respond: (request: ChatRequest) => string | { status: number }, options: { delayMs?: number } = {}) {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(body);
    if (req.url !== "/v1/chat/completions" || req.headers.authorization !== "Bearer test-key") {
      res.writeHead(req.url !== "/v1/chat/completions" ? 404 : 401).end();
      return;
    }
    // A real model takes its time; the e2e server answers slowly so long jobs are visibly long.
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const answer = respond(body);
    if (typeof answer !== "string") {
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "fake failure" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function restore(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
