import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { NextRequest } from "next/server";

/** Fills a fixture of tests/fixtures/inbound (see its README) and gives it CRLF line ends, as mail has. */
export function fixture(name: string, values: Record<string, string>): string {
  const raw = readFileSync(path.join(import.meta.dirname, "..", "fixtures", "inbound", name), "utf8");
  const unique = randomUUID().replace(/-/g, "").slice(0, 16);
  const filled = raw.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    if (key === "UNIQUE") return unique;
    const value = values[key];
    if (value === undefined) throw new Error(`fixture ${name}: no value for {{${key}}}`);
    return value;
  });
  return filled.replace(/\r?\n/g, "\r\n");
}

/** The form SendGrid Inbound Parse posts with "POST the raw, full MIME message" ticked. */
export function sendgridRawForm(raw: string, envelopeTo: string[] = []): FormData {
  const form = new FormData();
  form.set("email", raw);
  form.set("envelope", JSON.stringify({ to: envelopeTo, from: "sender@example.test" }));
  form.set("charsets", JSON.stringify({ to: "UTF-8", subject: "UTF-8", from: "UTF-8" }));
  return form;
}

/** The form SendGrid Inbound Parse posts by default: headers, text, html, envelope, attachments as files. */
export async function sendgridSplitForm(raw: string, envelopeTo: string[] = []): Promise<FormData> {
  const parsed = await simpleParser(raw, { keepDeliveryStatus: true });
  const form = new FormData();
  form.set("headers", raw.split(/\r?\n\r?\n/)[0]);
  form.set("text", parsed.text ?? "");
  if (parsed.html) form.set("html", parsed.html);
  form.set("from", parsed.from?.text ?? "");
  form.set("subject", parsed.subject ?? "");
  form.set("envelope", JSON.stringify({ to: envelopeTo, from: parsed.from?.value[0]?.address ?? "" }));
  form.set("attachments", String(parsed.attachments.length));
  parsed.attachments.forEach((a, i) => form.set(`attachment${i + 1}`, new File([new Uint8Array(a.content)], a.filename ?? `part${i + 1}`, { type: a.contentType })));
  return form;
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Posts to an inbound route handler as the provider would (no browser headers, no session). */
export async function postInbound(handler: Handler, url: string, secret: string, body: FormData | string | Buffer | ReadableStream<Uint8Array>, contentType?: string) {
  const headers: Record<string, string> = { host: "127.0.0.1:3000" };
  if (contentType) headers["content-type"] = contentType;
  const payload: BodyInit = Buffer.isBuffer(body) ? new Uint8Array(body) : (body as BodyInit);
  const init: ConstructorParameters<typeof NextRequest>[1] & { duplex?: "half" } = { method: "POST", headers, body: payload };
  if (body instanceof ReadableStream) init.duplex = "half";
  const req = new NextRequest(new URL(url, "http://127.0.0.1:3000"), init);
  const res = await handler(req, { params: Promise.resolve({ secret }) });
  const text = await res.text();
  return { status: res.status, text, json: (text ? JSON.parse(text) : undefined) as { success: boolean; data?: Record<string, unknown>; code?: string; error?: string } };
}
