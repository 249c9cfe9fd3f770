import { z } from "zod";

export const tokenParams = z.object({ token: z.string().min(10).max(4096) });

// A transparent 1×1 GIF.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export function pixelResponse(): Response {
  return new Response(new Uint8Array(PIXEL), {
    status: 200,
    headers: { "content-type": "image/gif", "content-length": String(PIXEL.length), "cache-control": "no-store, no-cache, must-revalidate, private" },
  });
}

export function redirectResponse(url: string, status = 302): Response {
  return new Response(null, { status, headers: { location: url, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}
