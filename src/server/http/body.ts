import { AppError } from "@/server/http/errors";

/**
 * Reads a request body as bytes, refusing it as soon as it passes `maxBytes` — by its
 * Content-Length before reading anything, else by counting while it streams — so an oversized
 * post is never held in memory or handed to a parser.
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${Math.floor(maxBytes / 1_000_000)} MB`);
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new AppError("bad_request", "The body could not be read");
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks, total);
}
