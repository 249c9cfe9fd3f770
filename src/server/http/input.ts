import { NextRequest } from "next/server";
import { unstorableReason } from "@/lib/storable-text";
import { AppError, fieldIssuesError, type FieldIssue } from "@/server/http/errors";

/**
 * Reading request input safely, for the route wrapper and the public webhooks.
 *
 * Bodies: a declared Content-Length above the cap is refused before anything is read; otherwise
 * the body is streamed with a byte counter and reading stops (the stream is cancelled) as soon as
 * it passes the cap, so a client cannot make us buffer more than the cap. Caps count bytes.
 *
 * Text: a NUL character or a lone surrogate anywhere in the body, the query or the path — in a
 * value or an object key — is REFUSED with a field-level 422, not stripped. Stripping would store
 * something other than what was sent (an id or email with a NUL removed can name a different
 * record, a filter can be bypassed), and no real form or client produces them, so a refusal
 * tells a buggy client exactly which field to fix. JSON nested deeper than MAX_JSON_DEPTH is
 * refused the same way, so nothing downstream (Prisma's JSON serialisation, our walkers) can
 * overflow the stack.
 */

const MAX_JSON_DEPTH = 32;
const MAX_REPORTED_ISSUES = 20;

const REASON_MESSAGES = {
  nul: "Contains a NUL character (\\u0000), which text cannot hold; remove it",
  lone_surrogate: "Contains a broken character (half of an emoji or symbol); type or paste the text again",
} as const;

/** Every string, key and nesting problem in parsed input, walked iteratively (deep input cannot overflow). */
export function inputIssues(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && issues.length < MAX_REPORTED_ISSUES) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const reason = unstorableReason(current);
      if (reason) issues.push({ path: pathText(path), message: REASON_MESSAGES[reason], code: reason });
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (path.length >= maxDepth) {
      // The first steps of the path say which field is too deep; all 32 would be noise.
      issues.push({ path: `${pathText(path.slice(0, 3))}${path.length > 3 ? "…" : ""}`, message: `Nested more than ${maxDepth} levels deep`, code: "too_deep" });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof key === "string") {
        const reason = unstorableReason(key);
        if (reason) {
          issues.push({ path: pathText([...path, printableKey(key)]), message: `The field name ${REASON_MESSAGES[reason].charAt(0).toLowerCase()}${REASON_MESSAGES[reason].slice(1)}`, code: reason });
          continue;
        }
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return issues;
}

/** Throws a 422 naming each offending field when the input holds text PostgreSQL cannot store. */
export function assertStorableInput(value: unknown, where: string): void {
  const issues = inputIssues(value);
  if (issues.length > 0) throw fieldIssuesError(issues, where);
}

function pathText(path: (string | number)[]): string {
  const text = path.map(String).join(".");
  return text === "" ? "(root)" : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function printableKey(key: string): string {
  return key.replaceAll("\u0000", "\\u0000").toWellFormed();
}

/** The body's bytes, never more than maxBytes of them read (413 beyond). */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (a page closed while posting): not a server fault, and
      // nobody is left to read the answer; a 400 keeps it out of the error log.
      throw new AppError("bad_request", "The request was cut off before its body arrived; send it again");
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${formatBytes(maxBytes)}; send less at once`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  if (bytes >= 1_000_000 && bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The body as text (invalid UTF-8 becomes U+FFFD, as Request.text() does), capped. */
export async function readTextBody(req: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, maxBytes));
}

/** A JSON body: 415 for another media type, 413 past the cap, 400 when empty, not UTF-8 or not JSON. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)");
  }
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid UTF-8 text");
  }
  if (text.trim() === "") throw new AppError("invalid_json", "The request body is empty; expected JSON");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
}

/** A multipart or urlencoded form body, capped before it is parsed. */
async function readFormBody(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  const bytes = await readBodyBytes(req, maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("unsupported_media_type", "Send the body as multipart/form-data or a URL-encoded form");
  }
}

/**
 * Auth.js's own endpoints do not go through route(). Auth.js answers 500 ("server configuration")
 * when its callback-url cookie or a `callbackUrl` query parameter is not an http(s) URL or a path,
 * and hands undecodable cookie values to the database. Its handlers get the request without
 * those: a cookie that does not decode or holds NUL / a lone surrogate is dropped, and so is a
 * callback URL Auth.js would refuse, which then falls back to its default.
 */
export function withReadableAuthInput(req: NextRequest): NextRequest {
  const url = new URL(req.url);
  const callbackParam = url.searchParams.get("callbackUrl");
  if (callbackParam !== null && !isHttpUrlOrPath(callbackParam, url.origin)) url.searchParams.delete("callbackUrl");
  const kept = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => {
      const eq = part.indexOf("=");
      if (eq <= 0) return false;
      let value: string;
      try {
        value = decodeURIComponent(part.slice(eq + 1));
      } catch {
        return false;
      }
      if (unstorableReason(value)) return false;
      return !part.slice(0, eq).endsWith("authjs.callback-url") || isHttpUrlOrPath(value, url.origin);
    });
  const headers = new Headers(req.headers);
  if (kept.length > 0) headers.set("cookie", kept.join("; "));
  else headers.delete("cookie");
  const init = { method: req.method, headers, body: req.body, duplex: "half" };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

function isHttpUrlOrPath(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
