import { z } from "zod";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { parseMime, parseSendgridForm, type InboundMail } from "./parse";
import { receiveInboundMail, type ReceiveResult } from "./receive";

/**
 * The two inbound endpoints' doors. Both are authenticated by the secret in their path
 * (INBOUND_PARSE_SECRET, compared in constant time; the request log masks it), refuse a body
 * over MAX_INBOUND_BYTES before parsing it, and answer a payload they cannot read with a 4xx
 * that changes nothing.
 * - SendGrid Inbound Parse posts multipart/form-data (the raw message in `email`, or its split
 *   fields).
 * - The raw-MIME endpoint takes the message itself (message/rfc822, text/plain or
 *   application/octet-stream) as posted by Postmark's or Mailgun's raw forwarding or a team's
 *   own MTA, or a form with the message in `body-mime` (Mailgun) or `email`.
 */
/** SendGrid's own limit for a parsed message with its attachments: no real reply is refused. */
export const MAX_INBOUND_BYTES = 30 * 1024 * 1024;

export const inboundParams = z.object({ secret: z.string().max(200) });

export function assertInboundSecret(given: string) {
  const secret = env().INBOUND_PARSE_SECRET;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret ?? "").digest();
  if (!secret || !timingSafeEqual(a, b)) throw new AppError("unauthorized", "Unknown inbound address");
}

async function formOf(contentType: string, body: Buffer): Promise<FormData> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The form could not be read (multipart/form-data expected)");
  }
}

export type InboundAnswer = { matched: boolean; duplicate: boolean; kind: string | null; outreachId: string | null; matchedBy: string | null; ignored?: string };

function answer(result: ReceiveResult): InboundAnswer {
  switch (result.status) {
    case "recorded":
      return { matched: true, duplicate: false, kind: result.kind, outreachId: result.outreachId, matchedBy: result.matchedBy };
    case "duplicate":
      return { matched: true, duplicate: true, kind: null, outreachId: null, matchedBy: null };
    case "unmatched":
      return { matched: false, duplicate: false, kind: null, outreachId: null, matchedBy: null };
    case "ignored":
      return { matched: false, duplicate: false, kind: null, outreachId: null, matchedBy: null, ignored: result.reason };
  }
}

export async function receiveSendgridParse(contentType: string, body: Buffer): Promise<InboundAnswer> {
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the message as multipart/form-data (SendGrid Inbound Parse)");
  }
  const mail = await parseSendgridForm(await formOf(contentType, body));
  return answer(await receiveInboundMail(mail, { source: "sendgrid" }));
}

export async function receiveRawMime(contentType: string, body: Buffer): Promise<InboundAnswer> {
  let mail: InboundMail;
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await formOf(contentType, body);
    const raw = form.get("body-mime") ?? form.get("email");
    if (raw === null) throw new AppError("validation_error", "The form has no body-mime or email field with the raw message");
    mail = await parseMime(typeof raw === "string" ? raw : Buffer.from(await raw.arrayBuffer()));
  } else if (/^(message\/rfc822|text\/plain|application\/octet-stream)/i.test(contentType)) {
    mail = await parseMime(body);
  } else {
    throw new AppError("unsupported_media_type", "Post the raw message as message/rfc822 (or text/plain, application/octet-stream)");
  }
  return answer(await receiveInboundMail(mail, { source: "mime" }));
}
