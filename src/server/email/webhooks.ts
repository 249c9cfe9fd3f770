import { createHash, timingSafeEqual } from "node:crypto";
import { findTombstone } from "@/server/privacy/tombstones";
import { EventWebhook } from "@sendgrid/eventwebhook";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { toStorableDeep } from "@/lib/storable-text";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { applyEmailEvent, type EmailEventKind } from "@/server/tracking/events";

/**
 * Provider callbacks.
 * - SendGrid Event Webhook: the ECDSA (P-256) signature over timestamp + raw body must verify
 *   with SENDGRID_WEBHOOK_PUBLIC_KEY, and the timestamp must be within MAX_SKEW_MS of now, so a
 *   captured request cannot be replayed later; within that window a re-delivered batch is
 *   harmless because each event is stored once by its sg_event_id.
 * - SendGrid Inbound Parse (replies): the secret in the path is compared in constant time. A
 *   reply is matched to its message by In-Reply-To/References → Message-ID, else by the sender's
 *   address → the latest message sent to that person.
 */
export const MAX_SKEW_MS = 10 * 60_000;
/** Far above a SendGrid event batch (at most ~1,000 events); nothing larger is read. */
export const SENDGRID_EVENTS_MAX_BYTES = 5 * 1024 * 1024;
/** SendGrid's own limit for a parsed message with its attachments: no real reply is refused. */
export const INBOUND_PARSE_MAX_BYTES = 30 * 1024 * 1024;

const sendgridEvent = z.looseObject({
  event: z.string(),
  email: z.string().optional(),
  timestamp: z.number().optional(),
  sg_event_id: z.string().optional(),
  sg_message_id: z.string().optional(),
  outreachId: z.string().optional(),
  url: z.string().optional(),
  useragent: z.string().optional(),
  ip: z.string().optional(),
  reason: z.string().optional(),
  type: z.string().optional(),
});

const KIND: Record<string, EmailEventKind> = {
  delivered: "delivered", open: "open", click: "click", bounce: "bounce", dropped: "dropped",
  spamreport: "spamreport", unsubscribe: "unsubscribe", group_unsubscribe: "unsubscribe",
};

function toPem(key: string): string {
  if (key.includes("BEGIN PUBLIC KEY")) return key;
  const body = key.replace(/\s+/g, "").match(/.{1,64}/g)?.join("\n") ?? "";
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`;
}

export function verifySendgridSignature(input: { publicKey: string; rawBody: string; signature: string; timestamp: string }): boolean {
  try {
    const webhook = new EventWebhook();
    return webhook.verifySignature(webhook.convertPublicKeyToECDSA(toPem(input.publicKey)), input.rawBody, input.signature, input.timestamp);
  } catch {
    return false;
  }
}

export async function handleSendgridEvents(input: { rawBody: string; signature: string | null; timestamp: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  if (!input.signature || !input.timestamp) throw new AppError("unauthorized", "Missing SendGrid signature headers");
  const publicKey = env().SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (!publicKey) throw new AppError("service_unavailable", "SENDGRID_WEBHOOK_PUBLIC_KEY is not configured");
  const seconds = Number(input.timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now.getTime() - seconds * 1000) > MAX_SKEW_MS) {
    throw new AppError("unauthorized", "The webhook timestamp is too old or in the future");
  }
  if (!verifySendgridSignature({ publicKey, rawBody: input.rawBody, signature: input.signature, timestamp: input.timestamp })) {
    throw new AppError("unauthorized", "The webhook signature does not verify");
  }
  let parsed: unknown;
  try {
    // A provider's text is cleaned (NUL and broken characters), never refused: it is not a form.
    parsed = toStorableDeep(JSON.parse(input.rawBody));
  } catch {
    throw new AppError("invalid_json", "The webhook body is not JSON");
  }
  const events = z.array(sendgridEvent).max(5000).safeParse(parsed);
  if (!events.success) throw new AppError("validation_error", "The webhook body is not a list of SendGrid events");

  const summary = { received: events.data.length, applied: 0, duplicates: 0, unmatched: 0, ignored: 0 };
  for (const ev of events.data) {
    const kind = KIND[ev.event];
    if (!kind) {
      summary.ignored++;
      continue;
    }
    const outreachId = await matchSendgridEvent(ev);
    if (!outreachId) {
      summary.unmatched++;
      continue;
    }
    const metadata: Prisma.InputJsonValue = { provider: "sendgrid", event: ev.event, ...(ev.reason ? { reason: ev.reason } : {}), ...(ev.type ? { type: ev.type } : {}) };
    const result = await applyEmailEvent({
      outreachId, kind, at: ev.timestamp ? new Date(ev.timestamp * 1000) : now,
      dedupeKey: ev.sg_event_id ? `sg:${ev.sg_event_id}` : null,
      url: ev.url, userAgent: ev.useragent, ip: ev.ip, metadata, source: "sendgrid",
    });
    if (result.duplicate) summary.duplicates++;
    else summary.applied++;
  }
  return summary;
}

async function matchSendgridEvent(ev: z.infer<typeof sendgridEvent>): Promise<string | null> {
  if (ev.outreachId) {
    const byArg = await prisma.outreach.findUnique({ where: { id: ev.outreachId }, select: { id: true } });
    if (byArg) return byArg.id;
  }
  if (ev.sg_message_id) {
    const prefix = ev.sg_message_id.split(".")[0];
    const byId = await prisma.outreach.findFirst({ where: { messageId: { in: [ev.sg_message_id, prefix, `<${prefix}>`] } }, select: { id: true } });
    if (byId) return byId.id;
  }
  return null;
}

// ───────────────────────────── inbound parse ─────────────────────────────

export const inboundParams = z.object({ secret: z.string().max(200) });

export function inboundSecretMatches(given: string): boolean {
  const secret = env().INBOUND_PARSE_SECRET;
  if (!secret) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/** Raw header block → lower-cased name → value (folded lines joined). */
export function parseHeaderBlock(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | null = null;
  for (const line of raw.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const idx = line.indexOf(":");
    if (idx <= 0) continue;
    last = line.slice(0, idx).trim().toLowerCase();
    headers[last] = line.slice(idx + 1).trim();
  }
  return headers;
}

/**
 * The address in a From-style header: the first <…> holding "x@y", else the first bare word
 * holding "x@y". Anyone can email the reply address, so this is scanned in linear time (the
 * regular expressions used before were cubic on a crafted header).
 */
export function addressOf(value: string | undefined | null): string | null {
  if (!value) return null;
  const hasInnerAt = (text: string) => {
    const at = text.indexOf("@", 1);
    return at > 0 && at < text.length - 1;
  };
  for (let open = value.indexOf("<"); open >= 0; ) {
    const close = value.indexOf(">", open + 1);
    if (close < 0) break;
    const inside = value.slice(open + 1, close);
    if (hasInnerAt(inside)) return inside.trim().toLowerCase();
    // Any "<" before this ">" would enclose a shorter part of the same text: skip past it.
    open = value.indexOf("<", close + 1);
  }
  const word = value.split(/[\s<>"]+/).find(hasInnerAt);
  return word ? word.toLowerCase() : null;
}

export type InboundMail = { headers: string; from?: string; subject?: string; text?: string; envelope?: string };

export async function handleInboundReply(mail: InboundMail, now = new Date()) {
  const headers = parseHeaderBlock(mail.headers ?? "");
  const referenced = `${headers["in-reply-to"] ?? ""} ${headers["references"] ?? ""}`.match(/<[^<>\s]+>/g) ?? [];
  let outreachId: string | null = null;
  let matchedBy: "message-id" | "sender" | null = null;
  if (referenced.length > 0) {
    const byRef = await prisma.outreach.findFirst({ where: { messageId: { in: referenced } }, select: { id: true } });
    if (byRef) {
      outreachId = byRef.id;
      matchedBy = "message-id";
    }
  }
  let envelopeFrom: string | null = null;
  try {
    envelopeFrom = mail.envelope ? addressOf((JSON.parse(mail.envelope) as { from?: string }).from) : null;
  } catch {
    envelopeFrom = null;
  }
  const sender = addressOf(mail.from) ?? addressOf(headers.from) ?? envelopeFrom;
  if (!outreachId && sender) {
    const latest = await prisma.outreach.findFirst({
      where: { sentAt: { not: null }, OR: [{ toEmail: { equals: sender, mode: "insensitive" } }, { person: { email: { equals: sender, mode: "insensitive" } } }] },
      orderBy: { sentAt: "desc" },
      select: { id: true },
    });
    if (latest) {
      outreachId = latest.id;
      matchedBy = "sender";
    }
  }
  // A reply from (or to a message of) someone who was erased is not stored: it would bring their
  // address and words back. The mailbox keeps it; EventOps does not.
  if (outreachId && (await isErasedRecipient(outreachId, sender))) {
    logger.info({ outreachId }, "inbound reply from an erased person dropped");
    return { matched: false as const, erased: true as const };
  }
  if (!outreachId) {
    logger.info({ sender }, "inbound reply matched no outreach");
    return { matched: false as const };
  }
  const replyMessageId = headers["message-id"]?.match(/<[^<>\s]+>/)?.[0];
  const result = await applyEmailEvent({
    outreachId, kind: "reply", at: now, source: "inbound",
    dedupeKey: replyMessageId ? `reply:${replyMessageId}` : null,
    metadata: { via: "inbound", matchedBy, from: sender, subject: (mail.subject ?? headers.subject ?? "").slice(0, 300), snippet: (mail.text ?? "").slice(0, 1000) },
  });
  return { matched: true as const, outreachId, matchedBy, duplicate: result.duplicate };
}

async function isErasedRecipient(outreachId: string, sender: string | null): Promise<boolean> {
  const outreach = await prisma.outreach.findUnique({ where: { id: outreachId }, select: { person: { select: { erasedAt: true } } } });
  if (outreach?.person.erasedAt) return true;
  return sender ? Boolean(await findTombstone({ email: sender })) : false;
}
