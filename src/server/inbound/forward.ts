import { prisma } from "@/server/db";
import { fromHeader } from "@/server/email/compose";
import { sendMail } from "@/server/email/transport";
import { appUrl } from "@/server/env";
import { logger } from "@/server/logger";

/**
 * A reply that came through the inbound domain is forwarded to the rep's own mailbox, so they
 * answer from their mail client as before: From is the prospect's name through our sender,
 * Reply-To the prospect, and In-Reply-To/References thread it under the message the rep sent.
 * The forward is marked (X-EventOps-Forwarded, Auto-Submitted: auto-forwarded) so a synced
 * mailbox does not record it again and the rep's own auto-responder leaves it alone.
 * It is sent after the reply is recorded; a failure is kept on the message and retried by the
 * mailbox cron (retryReplyForwards), a claim per attempt so no forward goes out twice.
 */
export const FORWARD_MARKER_HEADER = "x-eventops-forwarded";
const MAX_ATTEMPTS = 3;
/** How long an attempt holds its claim before its process is presumed dead (a send takes seconds). */
const FORWARD_CLAIM_MS = 10 * 60_000;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export async function forwardReplyToRep(inboundMessageId: string, now = new Date()): Promise<boolean> {
  const row = await prisma.inboundMessage.findUnique({
    where: { id: inboundMessageId },
    select: {
      id: true, forwardedAt: true, forwardAttempts: true, fromEmail: true, fromName: true, subject: true, fullText: true, text: true, messageId: true,
      outreach: { select: { id: true, subject: true, messageId: true, owner: { select: { email: true, disabledAt: true } } } },
    },
  });
  if (!row || row.forwardedAt || !row.outreach) return false;
  // Claim this attempt. A retry that read the old count sees it moved; one that reads the row
  // after the claim finds it held until the attempt ends. Wall-clock time, whatever `now` says.
  const claimedAt = new Date();
  const claimed = await prisma.inboundMessage.updateMany({
    where: {
      id: row.id, forwardedAt: null, forwardAttempts: row.forwardAttempts,
      OR: [{ forwardClaimedAt: null }, { forwardClaimedAt: { lt: new Date(claimedAt.getTime() - FORWARD_CLAIM_MS) } }],
    },
    data: { forwardAttempts: { increment: 1 }, forwardClaimedAt: claimedAt },
  });
  if (claimed.count === 0) return false;

  const owner = row.outreach.owner;
  if (!owner || owner.disabledAt) {
    await prisma.inboundMessage.update({ where: { id: row.id }, data: { forwardError: "The message has no active owner to forward the reply to", forwardAttempts: MAX_ATTEMPTS, forwardClaimedAt: null } });
    return false;
  }
  const sender = row.fromName || row.fromEmail || "The prospect";
  const link = `${appUrl()}/dashboard/outreach/${row.outreach.id}`;
  const body = row.fullText || row.text;
  const thread = [row.outreach.messageId, row.messageId].filter((id): id is string => Boolean(id));
  try {
    await sendMail({
      to: owner.email,
      from: fromHeader(`${sender} via EventOps`),
      replyTo: row.fromEmail ? (row.fromName ? `"${row.fromName.replace(/["\r\n<>]/g, "")}" <${row.fromEmail}>` : row.fromEmail) : undefined,
      subject: row.subject || `Re: ${row.outreach.subject ?? "your message"}`,
      text: `${sender}${row.fromEmail ? ` <${row.fromEmail}>` : ""} replied. Answer this email to write back to them.\n\n${body}\n\n--\nThe thread in EventOps: ${link}\n`,
      html: `<p style="color:#666;font-size:12px">${escapeHtml(sender)}${row.fromEmail ? ` &lt;${escapeHtml(row.fromEmail)}&gt;` : ""} replied. Answer this email to write back to them.</p>`
        + `<div style="white-space:pre-wrap;font-family:Arial,Helvetica,sans-serif;font-size:14px">${escapeHtml(body)}</div>`
        + `<p style="color:#666;font-size:12px"><a href="${escapeHtml(link)}">The thread in EventOps</a></p>`,
      headers: {
        "X-EventOps-Forwarded": row.id,
        "Auto-Submitted": "auto-forwarded",
        ...(thread.length ? { "In-Reply-To": thread[thread.length - 1], References: thread.join(" ") } : {}),
      },
      kind: "reply-forward",
    });
    await prisma.inboundMessage.update({ where: { id: row.id }, data: { forwardedAt: now, forwardError: null, forwardClaimedAt: null } });
    return true;
  } catch (error) {
    logger.warn({ err: error, inboundMessageId: row.id }, "could not forward a reply to the rep");
    await prisma.inboundMessage.update({ where: { id: row.id }, data: { forwardError: (error instanceof Error ? error.message : "Unknown error").slice(0, 500), forwardClaimedAt: null } });
    return false;
  }
}

/** Forwards that failed (mail server down …), tried again by the mailbox cron for two days. */
export async function retryReplyForwards(now = new Date(), limit = 50) {
  const pending = await prisma.inboundMessage.findMany({
    where: {
      forwardedAt: null, forwardAttempts: { gt: 0, lt: MAX_ATTEMPTS }, kind: { in: ["REPLY", "REMOVAL_REQUEST"] }, source: { not: "imap" },
      createdAt: { gt: new Date(now.getTime() - 2 * 86_400_000) },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let forwarded = 0;
  for (const { id } of pending) if (await forwardReplyToRep(id, now)) forwarded++;
  return { retried: pending.length, forwarded };
}
