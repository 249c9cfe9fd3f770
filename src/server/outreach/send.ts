import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { composeEmail } from "@/server/email/compose";
import { nextSendSlot, recipientTimeZone } from "@/server/email/sending-window";
import { activeTransport, deliversRealMail, sendMail } from "@/server/email/transport";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { getSendingWindow } from "@/server/outreach/settings";
import { findSuppression } from "@/server/suppressions/service";

/**
 * Sending one outreach, exactly once.
 * - The message is claimed with a conditional update (DRAFT/QUEUED/FAILED → SENDING); only the
 *   request that wins the claim talks to the mail transport, so repeated or racing send
 *   requests deliver it once. A message already SENT answers "sent" again without resending.
 * - Before the claim: the suppression list, the demo-data guard (a real transport never
 *   delivers to seeded people), the sender's rolling 24-hour cap and the recipient's sending
 *   window. The cap is counted under a per-sender advisory lock, so two messages from the same
 *   rep cannot both take the last slot. Outside the window or over the cap the message becomes
 *   QUEUED with scheduledAt = the next slot; processQueuedOutreach sends it then.
 * - LINKEDIN and CALL messages are not delivered by us: "sending" logs them as done.
 */
export type SendOutcome =
  | { outcome: "sent"; outreachId: string; messageId: string | null; sentAt: Date; transport: string; alreadySent: boolean }
  | { outcome: "queued"; outreachId: string; at: Date; reason: "window" | "cap" | "scheduled" }
  | { outcome: "suppressed"; outreachId: string; reason: string }
  | { outcome: "failed"; outreachId: string; error: string }
  | { outcome: "busy"; outreachId: string };

const CLAIMABLE = ["DRAFT", "QUEUED", "FAILED"] as const;
const DAY_MS = 86_400_000;

function senderDomain(): string {
  const match = /@([^>\s]+)>?\s*$/.exec(env().EMAIL_FROM);
  return match ? match[1] : "eventops.dev";
}

function fromAddress(): string {
  const match = /<([^>]+)>/.exec(env().EMAIL_FROM);
  return match ? match[1] : env().EMAIL_FROM.trim();
}

async function loadForSend(outreachId: string) {
  const outreach = await prisma.outreach.findUnique({
    where: { id: outreachId },
    select: {
      id: true, eventId: true, status: true, channel: true, subject: true, message: true, messageId: true, sentAt: true, transport: true,
      personId: true, accountId: true, scheduledAt: true,
      person: { select: { name: true, email: true, source: true, timeZone: true } },
      event: { select: { timeZone: true } },
      owner: { select: { id: true, name: true, email: true, dailySendCap: true, signature: true } },
    },
  });
  if (!outreach) throw new AppError("not_found", "Message not found");
  return outreach;
}

type Loaded = Awaited<ReturnType<typeof loadForSend>>;

function stateOutcome(o: Pick<Loaded, "id" | "status" | "messageId" | "sentAt" | "transport">): SendOutcome | null {
  if (o.status === "SENT") return { outcome: "sent", outreachId: o.id, messageId: o.messageId, sentAt: o.sentAt ?? new Date(0), transport: o.transport ?? "unknown", alreadySent: true };
  if (o.status === "SENDING") return { outcome: "busy", outreachId: o.id };
  if (o.status === "CANCELLED") throw new AppError("conflict", "This message was cancelled; write a new one to send it");
  return null;
}

export async function sendOutreach(
  outreachId: string,
  options: {
    now?: Date;
    actor?: { id: string } | null;
    /** Runs inside the transaction that records the send (the sequence engine advances the enrollment there). */
    onSent?: (tx: Prisma.TransactionClient, sentAt: Date) => Promise<void>;
  } = {},
): Promise<SendOutcome> {
  const now = options.now ?? new Date();
  const actorId = options.actor?.id ?? null;
  const o = await loadForSend(outreachId);
  const settled = stateOutcome(o);
  if (settled) return settled;

  if (o.channel !== "EMAIL") return logManualTouch(o, now, actorId);

  if (!o.person.email) throw new AppError("validation_error", `${o.person.name} has no email address`);
  if (!o.subject) throw new AppError("validation_error", "An email needs a subject");
  const transport = activeTransport();
  if (!transport) throw new AppError("service_unavailable", "Email is not configured: set SMTP_URL or SENDGRID_API_KEY");
  if (deliversRealMail(transport) && o.person.source === "seed") {
    throw new AppError("conflict", `${o.person.name} is demo data (source "seed"): real email is never sent to demo people. Use the development outbox, or add real contacts.`);
  }

  const suppression = await findSuppression(o.person.email);
  if (suppression) {
    const reason = suppression.reason.toLowerCase();
    await prisma.$transaction(async (tx) => {
      const changed = await tx.outreach.updateMany({
        where: { id: o.id, status: { in: [...CLAIMABLE] } },
        data: { status: "CANCELLED", scheduledAt: null, failureReason: `Suppressed: ${reason}` },
      });
      if (changed.count > 0) {
        await recordActivity({
          type: "outreach.suppressed", description: `Message to ${o.person.name} not sent: ${o.person.email} is on the suppression list (${reason})`,
          actorId, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
        }, tx);
      }
    });
    return { outcome: "suppressed", outreachId: o.id, reason };
  }

  const senderKey = o.owner?.id ?? "system";
  const cap = o.owner?.dailySendCap ?? 200;
  const timeZone = recipientTimeZone(o.person.timeZone, o.event.timeZone);
  const sendingWindow = await getSendingWindow();

  const claim = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`outreach-sender:${senderKey}`}))`;
    const recent = await tx.outreach.findMany({
      where: {
        ownerId: o.owner?.id ?? null,
        OR: [{ sentAt: { gt: new Date(now.getTime() - DAY_MS) } }, { status: "SENDING" }],
        NOT: { id: o.id },
        channel: "EMAIL",
      },
      select: { sentAt: true },
    });
    const decision = nextSendSlot({ now, timeZone, recentSends: recent.map((r) => r.sentAt ?? now), cap, window: sendingWindow });
    if (decision.reason !== "now") {
      const changed = await tx.outreach.updateMany({
        where: { id: o.id, status: { in: [...CLAIMABLE] } },
        data: { status: "QUEUED", scheduledAt: decision.at, queuedAt: now },
      });
      if (changed.count === 0) return { kind: "lost" as const };
      if (o.status !== "QUEUED" || o.scheduledAt?.getTime() !== decision.at.getTime()) {
        await recordActivity({
          type: "outreach.queued",
          description: `Message to ${o.person.name} queued until ${decision.at.toISOString()} (${decision.reason === "cap" ? "daily send cap reached" : "outside the sending window"})`,
          actorId, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
          metadata: { at: decision.at.toISOString(), reason: decision.reason, timeZone },
        }, tx);
      }
      return { kind: "queued" as const, at: decision.at, reason: decision.reason };
    }
    const claimed = await tx.outreach.updateMany({
      where: { id: o.id, status: { in: [...CLAIMABLE] } },
      data: { status: "SENDING", attempts: { increment: 1 }, toEmail: o.person.email },
    });
    return claimed.count === 1 ? { kind: "claimed" as const } : { kind: "lost" as const };
  });

  if (claim.kind === "queued") return { outcome: "queued", outreachId: o.id, at: claim.at, reason: claim.reason };
  if (claim.kind === "lost") {
    const again = await loadForSend(o.id);
    return stateOutcome(again) ?? { outcome: "busy", outreachId: o.id };
  }

  const messageId = `<${o.id}.${randomBytes(6).toString("hex")}@${senderDomain()}>`;
  const composed = composeEmail({ outreachId: o.id, message: o.message, signature: o.owner?.signature });
  const from = o.owner?.name ? `"${o.owner.name.replace(/"/g, "")}" <${fromAddress()}>` : env().EMAIL_FROM;
  let result: Awaited<ReturnType<typeof sendMail>>;
  try {
    result = await sendMail({
      to: o.person.email, from, subject: o.subject, html: composed.html, text: composed.text, headers: composed.headers,
      kind: "outreach", outreachId: o.id, messageId, replyTo: o.owner?.email,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : "Unknown transport error";
    logger.warn({ err: error, outreachId: o.id }, "outreach send failed");
    await prisma.$transaction(async (tx) => {
      await tx.outreach.updateMany({ where: { id: o.id, status: "SENDING" }, data: { status: "FAILED", failureReason: reason } });
      await recordActivity({
        type: "outreach.failed", description: `Message to ${o.person.name} could not be sent: ${reason}`,
        actorId, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
      }, tx);
    });
    return { outcome: "failed", outreachId: o.id, error: reason };
  }

  const storedMessageId = result.messageId || messageId;
  await prisma.$transaction(async (tx) => {
    await tx.outreach.update({
      where: { id: o.id },
      data: { status: "SENT", sentAt: now, messageId: storedMessageId, transport: result.transport, failureReason: null, scheduledAt: null },
    });
    // The dev outbox already stored the message; real transports are recorded here.
    if (result.transport !== "dev-outbox") {
      await tx.outboxMessage.upsert({
        where: { outreachId: o.id },
        create: {
          outreachId: o.id, kind: "outreach", toEmail: o.person.email!, fromEmail: from, subject: o.subject!, html: composed.html, text: composed.text,
          headers: { ...composed.headers, "Message-ID": storedMessageId }, transport: result.transport,
        },
        update: {},
      });
    }
    await recordActivity({
      type: "outreach.sent", description: `Email "${o.subject}" sent to ${o.person.name}`,
      actorId, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
      metadata: { transport: result.transport },
    }, tx);
    await options.onSent?.(tx, now);
  });
  return { outcome: "sent", outreachId: o.id, messageId: storedMessageId, sentAt: now, transport: result.transport, alreadySent: false };
}

async function logManualTouch(o: Loaded, now: Date, actorId: string | null): Promise<SendOutcome> {
  const done = await prisma.$transaction(async (tx) => {
    const changed = await tx.outreach.updateMany({
      where: { id: o.id, status: { in: [...CLAIMABLE] } },
      data: { status: "SENT", sentAt: now, transport: "manual", scheduledAt: null },
    });
    if (changed.count === 0) return false;
    await recordActivity({
      type: "outreach.logged", description: `${o.channel === "CALL" ? "Call" : "LinkedIn message"} to ${o.person.name} logged`,
      actorId, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
    }, tx);
    return true;
  });
  if (!done) return stateOutcome(await loadForSend(o.id)) ?? { outcome: "busy", outreachId: o.id };
  return { outcome: "sent", outreachId: o.id, messageId: null, sentAt: now, transport: "manual", alreadySent: false };
}

/** Puts a message in the queue for `at` (default: as soon as possible). */
export async function queueOutreach(outreachId: string, options: { now?: Date; at?: Date; actor?: { id: string } | null } = {}) {
  const now = options.now ?? new Date();
  const at = options.at ?? now;
  const o = await loadForSend(outreachId);
  return prisma.$transaction(async (tx) => {
    const changed = await tx.outreach.updateMany({
      where: { id: o.id, status: { in: ["DRAFT", "QUEUED"] } },
      data: { status: "QUEUED", scheduledAt: at, queuedAt: now },
    });
    if (changed.count === 0) throw new AppError("conflict", `A ${o.status.toLowerCase()} message cannot be queued`);
    await recordActivity({
      type: "outreach.queued", description: `Message to ${o.person.name} scheduled for ${at.toISOString()}`,
      actorId: options.actor?.id ?? null, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
      metadata: { at: at.toISOString(), reason: "scheduled" },
    }, tx);
    return { outcome: "queued" as const, outreachId: o.id, at, reason: "scheduled" as const };
  });
}

/**
 * Sends queued messages whose slot has come, oldest first. Safe to run twice at once: each
 * message is claimed by sendOutreach, and one still outside its window or cap is re-queued
 * for its next slot rather than sent.
 */
export async function processQueuedOutreach(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const interrupted = await failInterruptedSends(now);
  const due = await prisma.outreach.findMany({
    where: { status: "QUEUED", scheduledAt: { lte: now } },
    orderBy: { scheduledAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  const summary = { processed: 0, sent: 0, queued: 0, suppressed: 0, failed: 0, busy: 0, errors: 0, interrupted };
  for (const { id } of due) {
    summary.processed++;
    try {
      const result = await sendOutreach(id, { now });
      summary[result.outcome === "sent" ? "sent" : result.outcome]++;
    } catch (error) {
      // A message that can no longer be sent (no address, demo data …) is marked failed so the
      // queue does not retry it forever.
      summary.errors++;
      const reason = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
      await prisma.$transaction(async (tx) => {
        const failed = await tx.outreach.updateMany({ where: { id, status: "QUEUED" }, data: { status: "FAILED", failureReason: reason } });
        if (failed.count === 0) return;
        const row = await tx.outreach.findUniqueOrThrow({ where: { id }, select: { eventId: true, personId: true, accountId: true } });
        await recordActivity({
          type: "outreach.failed", description: `Queued message could not be sent: ${reason}`,
          eventId: row.eventId, personId: row.personId, accountId: row.accountId, entityType: "outreach", entityId: id,
        }, tx);
      });
    }
  }
  return summary;
}

const STALE_SENDING_MS = 15 * 60_000;

/**
 * A message left in SENDING (the process died between the claim and the transport's answer)
 * may or may not have gone out, so it is never retried automatically: it becomes FAILED with a
 * reason asking the rep to check the outbox before sending again.
 */
async function failInterruptedSends(now: Date): Promise<number> {
  const stale = await prisma.outreach.findMany({
    where: { status: "SENDING", updatedAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } },
    select: { id: true, eventId: true, personId: true, accountId: true },
    take: 100,
  });
  let count = 0;
  for (const row of stale) {
    await prisma.$transaction(async (tx) => {
      const changed = await tx.outreach.updateMany({
        where: { id: row.id, status: "SENDING" },
        data: { status: "FAILED", failureReason: "Sending was interrupted; check the outbox before sending it again" },
      });
      if (changed.count === 0) return;
      count++;
      await recordActivity({
        type: "outreach.failed", description: "Sending was interrupted; the message was marked failed",
        eventId: row.eventId, personId: row.personId, accountId: row.accountId, entityType: "outreach", entityId: row.id,
      }, tx);
    });
  }
  return count;
}
