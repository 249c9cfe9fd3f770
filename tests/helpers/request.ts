import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
};

/** Calls an exported route handler with a real Request, as Next.js would. */
export async function callRoute(handler: Handler, path: string, options: CallOptions = {}) {
  const url = new URL(path, "http://127.0.0.1:3000");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { host: "127.0.0.1:3000", ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new NextRequest(url, { method: options.method ?? "GET", headers, body });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // Tests read arbitrary response shapes.
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}
