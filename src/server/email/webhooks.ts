import { EventWebhook } from "@sendgrid/eventwebhook";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { toStorableDeep } from "@/lib/storable-text";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { applyEmailEvent, type EmailEventKind } from "@/server/tracking/events";

/**
 * Provider callbacks.
 * - SendGrid Event Webhook: the ECDSA (P-256) signature over timestamp + raw body must verify
 *   with SENDGRID_WEBHOOK_PUBLIC_KEY, and the timestamp must be within MAX_SKEW_MS of now, so a
 *   captured request cannot be replayed later; within that window a re-delivered batch is
 *   harmless because each event is stored once by its sg_event_id.
 * Replies, out-of-office notes and bounces that come back by mail: src/server/inbound/.
 */
const MAX_SKEW_MS = 10 * 60_000;
/** Far above a SendGrid event batch (at most ~1,000 events); nothing larger is read. */
export const SENDGRID_EVENTS_MAX_BYTES = 5 * 1024 * 1024;

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

function verifySendgridSignature(input: { publicKey: string; rawBody: string; signature: string; timestamp: string }): boolean {
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
    const byId = await prisma.outreach.findFirst({ where: { providerMessageId: { in: [ev.sg_message_id, prefix] } }, select: { id: true } });
    if (byId) return byId.id;
  }
  return null;
}
