import nodemailer from "nodemailer";
import { prisma } from "@/server/db";
import { env, isDemoMode } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";

/**
 * How mail leaves the app: SMTP when SMTP_URL is set, the SendGrid v3 API when
 * SENDGRID_API_KEY is set, otherwise (development / demo) the dev outbox, which stores each
 * message so it can be read at /dev/mailbox. Every message is also recorded in the outbox table
 * by the caller that owns it (outreach), so the transport only delivers.
 */
export type MailMessage = {
  to: string;
  from?: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  kind?: string;
  outreachId?: string;
  /** A calendar invite (RFC 5545 text) sent as the text/calendar alternative plus an .ics file. */
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string; filename?: string };
  /** Our own Message-ID (`<id@domain>`), so replies can be matched by In-Reply-To. SMTP and the dev outbox use it; SendGrid assigns its own. */
  messageId?: string;
  replyTo?: string;
  /** Envelope sender (Return-Path) for bounces, e.g. bounces+TOKEN@INBOUND_DOMAIN. SMTP only: SendGrid handles bounces itself. */
  returnPath?: string;
};

/**
 * A delivery that did not succeed. `uncertain` is true when the message may still have been
 * accepted (the connection dropped or timed out after the message was handed over, with no answer
 * from the server): such a send must never be retried automatically.
 */
export class MailDeliveryError extends Error {
  constructor(message: string, readonly uncertain: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MailDeliveryError";
  }
}

/** Errors that prove the SMTP server did not take the message: it answered with a refusal, or we never got as far as sending it. */
function smtpOutcomeUncertain(error: unknown): boolean {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown };
  if (typeof e.responseCode === "number") return false;
  if (typeof e.code === "string" && ["EAUTH", "EDNS", "ETLS", "EENVELOPE", "EMESSAGE", "EPROTOCOL", "ENOAUTH", "EOAUTH2"].includes(e.code)) return false;
  const message = typeof e.message === "string" ? e.message : "";
  return !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|Greeting never received|Connection timeout/.test(message);
}

export type SendResult = { transport: "smtp" | "sendgrid" | "dev-outbox" | "capture"; messageId: string };

export type MailTransportName = SendResult["transport"];

/** Transports that put mail in someone's real inbox (the demo-data guard applies to these). */
export function deliversRealMail(transport: MailTransportName): boolean {
  return transport === "smtp" || transport === "sendgrid";
}

/**
 * The capturing transport, for tests and the benchmark only: messages are handed to an
 * in-process callback and go nowhere. It can only be installed by code running in the same
 * process (no environment variable turns it on) and never when NODE_ENV is "production".
 */
// Awaited when it returns a promise: a test can hold a send part-way, as a slow server would.
let captureSink: ((message: MailMessage & { from: string }) => unknown) | null = null;

export function installCaptureTransport(sink: (message: MailMessage & { from: string }) => unknown): () => void {
  if (env().NODE_ENV === "production") throw new Error("The capturing mail transport is for tests and benchmarks, never production");
  captureSink = sink;
  return () => {
    if (captureSink === sink) captureSink = null;
  };
}

export function activeTransport(): MailTransportName | null {
  if (captureSink) return "capture";
  const config = env();
  if (config.SMTP_URL) return "smtp";
  if (config.SENDGRID_API_KEY) return "sendgrid";
  if (isDemoMode(config)) return "dev-outbox";
  return null;
}

let smtpTransport: { url: string; transport: nodemailer.Transporter } | undefined;

function smtp(url: string) {
  if (!smtpTransport || smtpTransport.url !== url) {
    // A pooled transport (SMTP_URL with ?pool=true) keeps its connections open until closed.
    smtpTransport?.transport.close();
    smtpTransport = { url, transport: nodemailer.createTransport(url) };
  }
  return smtpTransport.transport;
}

export async function sendMail(message: MailMessage): Promise<SendResult> {
  const config = env();
  const from = message.from ?? config.EMAIL_FROM;
  const transport = activeTransport();
  if (transport === "capture" && captureSink) {
    await captureSink({ ...message, from });
    return { transport, messageId: message.messageId ?? "" };
  }
  if (transport === "smtp") {
    const info = await smtp(config.SMTP_URL!).sendMail({
      from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      // Our own Message-ID, so replies can be matched by In-Reply-To/References (SendGrid keeps it).
      headers: { ...(message.headers ?? {}), ...(message.messageId ? { "Message-ID": message.messageId } : {}) },
      ...(message.icalEvent
        ? { icalEvent: { method: message.icalEvent.method, content: message.icalEvent.content, filename: message.icalEvent.filename ?? "invite.ics" } }
        : {}),
      messageId: message.messageId,
      replyTo: message.replyTo,
      ...(message.returnPath ? { envelope: { from: message.returnPath, to: message.to } } : {}),
    }).catch((error: unknown) => {
      throw new MailDeliveryError(error instanceof Error ? error.message : "The mail server did not accept the message", smtpOutcomeUncertain(error), { cause: error });
    });
    return { transport, messageId: String(info.messageId ?? message.messageId ?? "") };
  }
  if (transport === "sendgrid") {
    return { transport, messageId: await sendViaSendGrid({ ...message, from }) };
  }
  if (transport === "dev-outbox") {
    const data = {
      kind: message.kind ?? "mail",
      toEmail: message.to,
      fromEmail: from,
      subject: message.subject,
      html: message.html,
      text: message.text,
      // The dev outbox has no column for the calendar part: it is kept with the headers.
      headers: {
        ...(message.headers ?? {}),
        ...(message.messageId ? { "Message-ID": message.messageId } : {}),
        ...(message.replyTo ? { "Reply-To": message.replyTo } : {}),
        ...(message.icalEvent ? { "X-iCal-Method": message.icalEvent.method, "X-iCal-Content": message.icalEvent.content } : {}),
      },
      transport,
      outreachId: message.outreachId,
    };
    // A message sent again (a retry after a temporary bounce) replaces its earlier copy.
    const stored = message.outreachId
      ? await prisma.outboxMessage.upsert({ where: { outreachId: message.outreachId }, create: data, update: { ...data, createdAt: new Date() }, select: { id: true } })
      : await prisma.outboxMessage.create({ data, select: { id: true } });
    logger.info({ to: message.to, kind: message.kind, outboxId: stored.id }, "dev outbox: message stored (see /dev/mailbox)");
    return { transport, messageId: message.messageId ?? `<${stored.id}@dev-outbox.eventops>` };
  }
  throw new AppError("service_unavailable", "Email is not configured: set SMTP_URL or SENDGRID_API_KEY");
}

/** `"Name" <a@b>` → SendGrid's { name, email }. */
function sendgridAddress(value: string): { name?: string; email: string } {
  const match = /^(.*)<(.+)>$/.exec(value.trim());
  return match ? { name: match[1].trim().replace(/^"|"$/g, "") || undefined, email: match[2].trim() } : { email: value.trim() };
}

async function sendViaSendGrid(message: MailMessage & { from: string }): Promise<string> {
  const config = env();
  const from = sendgridAddress(message.from);
  const request = fetch(`${config.SENDGRID_API_URL}/v3/mail/send`, {
    method: "POST",
    headers: { authorization: `Bearer ${config.SENDGRID_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({
      personalizations: [{ to: [{ email: message.to }], custom_args: message.outreachId ? { outreachId: message.outreachId } : undefined }],
      from,
      reply_to: message.replyTo ? sendgridAddress(message.replyTo) : undefined,
      subject: message.subject,
      content: [
        { type: "text/plain", value: message.text },
        { type: "text/html", value: message.html },
      ],
      // Our own Message-ID, so replies can be matched by In-Reply-To/References (SendGrid keeps it).
      headers: { ...(message.headers ?? {}), ...(message.messageId ? { "Message-ID": message.messageId } : {}) },
      ...(message.icalEvent
        ? {
            attachments: [{
              content: Buffer.from(message.icalEvent.content, "utf8").toString("base64"),
              filename: message.icalEvent.filename ?? "invite.ics",
              type: `text/calendar; charset=utf-8; method=${message.icalEvent.method}`,
              disposition: "attachment",
            }],
          }
        : {}),
    }),
    signal: AbortSignal.timeout(15_000),
  });
  // No answer (timeout, dropped connection) after the request went out: SendGrid may have taken it.
  const response = await request.catch((error: unknown) => {
    const cause = (error as { cause?: { code?: string } }).cause;
    const neverSent = cause?.code === "ECONNREFUSED" || cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN";
    throw new MailDeliveryError("SendGrid did not answer", !neverSent, { cause: error });
  });
  if (!response.ok) {
    throw new MailDeliveryError(`SendGrid answered ${response.status}`, false);
  }
  return response.headers.get("x-message-id") ?? "";
}
