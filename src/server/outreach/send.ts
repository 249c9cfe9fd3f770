import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivities, recordActivity, type ActivityInput } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { composeEmail } from "@/server/email/compose";
import { nextSendSlot, recipientTimeZone } from "@/server/email/sending-window";
import { activeTransport, deliversRealMail, sendMail } from "@/server/email/transport";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { getSendingWindow } from "@/server/outreach/settings";
import { findSuppression, normalizeEmail } from "@/server/suppressions/service";
import { renderOutgoing } from "@/server/templates/service";
import { formatInZone } from "@/lib/time";

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

const sendSelect = {
  id: true, eventId: true, status: true, channel: true, subject: true, message: true, messageId: true, sentAt: true, transport: true,
  personId: true, accountId: true, scheduledAt: true,
  person: { select: { name: true, email: true, source: true, timeZone: true } },
  event: { select: { timeZone: true } },
  owner: { select: { id: true, name: true, email: true, dailySendCap: true, signature: true } },
} as const;

async function loadForSend(outreachId: string) {
  const outreach = await prisma.outreach.findUnique({ where: { id: outreachId }, select: sendSelect });
  if (!outreach) throw new AppError("not_found", "Message not found");
  return outreach;
}

type Loaded = Awaited<ReturnType<typeof loadForSend>>;

/**
 * Merge fields are filled here, at send time, for every message (composer, bulk drafts, sequence
 * steps): the loaded rows get their final subject and body in place, and that text is what is
 * delivered and recorded. Rows that cannot be rendered (an unknown field) come back with the error.
 */
async function renderForSending(rows: Loaded[]): Promise<Map<string, AppError>> {
  const rendered = await renderOutgoing(rows.filter((o) => (CLAIMABLE as readonly string[]).includes(o.status)), { id: "system", name: null, email: fromAddress() });
  const failed = new Map<string, AppError>();
  for (const o of rows) {
    const r = rendered.get(o.id);
    if (r instanceof AppError) failed.set(o.id, r);
    else if (r) Object.assign(o, { subject: r.subject, message: r.message });
  }
  return failed;
}

/** The refusals that come before anything is written: no address, no subject, no transport, demo data on a real transport. */
function assertSendable(o: Loaded): { email: string; subject: string } {
  if (!o.person.email) throw new AppError("validation_error", `${o.person.name} has no email address`);
  if (!o.subject) throw new AppError("validation_error", "An email needs a subject");
  const transport = activeTransport();
  if (!transport) throw new AppError("service_unavailable", "Email is not configured: set SMTP_URL or SENDGRID_API_KEY");
  if (deliversRealMail(transport) && o.person.source === "seed") {
    throw new AppError("conflict", `${o.person.name} is demo data (source "seed"): real email is never sent to demo people. Use the development outbox, or add real contacts.`);
  }
  return { email: o.person.email, subject: o.subject };
}

async function cancelSuppressed(o: Loaded, suppressionReason: string, actorId: string | null): Promise<SendOutcome> {
  const reason = suppressionReason.toLowerCase();
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

async function recordSendFailure(o: Loaded, error: unknown, actorId: string | null): Promise<SendOutcome> {
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
  const unrenderable = (await renderForSending([o])).get(o.id);
  if (unrenderable) throw unrenderable;

  if (o.channel !== "EMAIL") return logManualTouch(o, now, actorId);

  const { email, subject } = assertSendable(o);
  const suppression = await findSuppression(email);
  if (suppression) return cancelSuppressed(o, suppression.reason, actorId);

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
          description: `Message to ${o.person.name} queued until ${formatInZone(decision.at, timeZone, "weekdayTime")} their time (${decision.reason === "cap" ? "daily send cap reached" : "outside the sending window"})`,
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
  const composed = composeEmail({ outreachId: o.id, message: o.message, signature: o.owner?.signature ?? o.owner?.name });
  const from = o.owner?.name ? `"${o.owner.name.replace(/"/g, "")}" <${fromAddress()}>` : env().EMAIL_FROM;
  let result: Awaited<ReturnType<typeof sendMail>>;
  try {
    result = await sendMail({
      to: email, from, subject, html: composed.html, text: composed.text, headers: composed.headers,
      kind: "outreach", outreachId: o.id, messageId, replyTo: o.owner?.email,
    });
  } catch (error) {
    return recordSendFailure(o, error, actorId);
  }

  const storedMessageId = result.messageId || messageId;
  await prisma.$transaction(async (tx) => {
    await tx.outreach.update({
      where: { id: o.id },
      data: { status: "SENT", sentAt: now, messageId: storedMessageId, transport: result.transport, failureReason: null, scheduledAt: null, subject: o.subject, message: o.message },
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

export type BatchSendResult = SendOutcome | { outcome: "error"; outreachId: string; error: unknown };
export type BatchSent = { outreachId: string; sentAt: Date };

const SEND_CONCURRENCY = 8;

/**
 * sendOutreach for a batch of email messages (the sequence engine's path), with the same rules
 * in a bounded number of statements whatever the batch size: one read of the messages, one of
 * the suppression list, one claim transaction (the per-sender advisory locks, taken in one
 * order, then the senders' recent sends, then the claim and the queueing as set-based updates),
 * delivery with bounded concurrency, and one transaction recording every send (status,
 * outbox, activities, and `onSent` for the caller's writes that belong with them). Messages in
 * an unusual state (not email, already claimed, a lost claim, a failed delivery) take the
 * one-message path. Results come back per id, in the order given.
 */
export async function sendOutreachMany(
  outreachIds: readonly string[],
  /** `onSent` may return activities of its own: they are written with the sends' (one insert, one touch of the accounts and people). */
  options: { now?: Date; onSent?: (tx: Prisma.TransactionClient, sent: BatchSent[]) => Promise<ActivityInput[] | void> } = {},
): Promise<Map<string, BatchSendResult>> {
  const now = options.now ?? new Date();
  const results = new Map<string, BatchSendResult>();
  const loaded = new Map((await prisma.outreach.findMany({ where: { id: { in: [...outreachIds] } }, select: sendSelect })).map((o) => [o.id, o]));
  const unrenderable = await renderForSending([...loaded.values()].filter((o) => o.channel === "EMAIL"));

  const candidates: { o: Loaded; email: string; subject: string }[] = [];
  for (const id of outreachIds) {
    const o = loaded.get(id);
    try {
      if (!o) throw new AppError("not_found", "Message not found");
      const settled = stateOutcome(o);
      if (settled) results.set(id, settled);
      else if (unrenderable.has(id)) throw unrenderable.get(id);
      else if (o.channel !== "EMAIL") results.set(id, await sendOutreach(id, { now }));
      else candidates.push({ o, ...assertSendable(o) });
    } catch (error) {
      results.set(id, { outcome: "error", outreachId: id, error });
    }
  }
  if (candidates.length === 0) return results;

  const suppressed = new Map((await prisma.suppression.findMany({ where: { email: { in: candidates.map((c) => normalizeEmail(c.email)) } } })).map((x) => [x.email, x]));
  const open: typeof candidates = [];
  for (const c of candidates) {
    const hit = suppressed.get(normalizeEmail(c.email));
    if (hit) results.set(c.o.id, await cancelSuppressed(c.o, hit.reason, null));
    else open.push(c);
  }
  if (open.length === 0) return results;

  const sendingWindow = await getSendingWindow();
  const senderKey = (o: Loaded) => o.owner?.id ?? "system";
  const claim = await prisma.$transaction(async (tx) => {
    // One statement, locks in hash order: two batches never wait on each other crosswise.
    const keys = [...new Set(open.map((c) => `outreach-sender:${senderKey(c.o)}`))];
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${keys}::text[]) AS k ORDER BY 1) AS locks`;
    const ownerIds = [...new Set(open.flatMap((c) => (c.o.owner ? [c.o.owner.id] : [])))];
    const system = open.some((c) => !c.o.owner);
    const since = new Date(now.getTime() - DAY_MS);
    const batchIds = open.map((c) => c.o.id);
    // Counts first; the send times are only read for a sender this batch could take over the cap.
    const counts = await tx.$queryRaw<{ ownerId: string | null; n: number }[]>`
      SELECT "ownerId", count(*)::int AS n FROM outreach
       WHERE ("ownerId" = ANY(${ownerIds}::text[]) OR (${system} AND "ownerId" IS NULL)) AND channel = 'EMAIL'
         AND ("sentAt" > (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC') OR status = 'SENDING') AND NOT (id = ANY(${batchIds}::text[]))
       GROUP BY 1`;
    const planned = new Map<string, number>();
    for (const c of open) planned.set(senderKey(c.o), (planned.get(senderKey(c.o)) ?? 0) + 1);
    const capOf = new Map(open.map((c) => [senderKey(c.o), c.o.owner?.dailySendCap ?? 200]));
    const busy = counts.filter((r) => r.n + (planned.get(r.ownerId ?? "system") ?? 0) > (capOf.get(r.ownerId ?? "system") ?? 200)).map((r) => r.ownerId);
    const recent = busy.length === 0 ? [] : await tx.outreach.findMany({
      where: {
        OR: [...(busy.some((id) => id !== null) ? [{ ownerId: { in: busy.filter((id): id is string => id !== null) } }] : []), ...(busy.includes(null) ? [{ ownerId: null }] : [])],
        AND: [{ OR: [{ sentAt: { gt: since } }, { status: "SENDING" }] }],
        id: { notIn: batchIds },
        channel: "EMAIL",
      },
      select: { ownerId: true, sentAt: true },
    });
    const counted = new Map(counts.map((r) => [r.ownerId ?? "system", r.n]));
    const sends = new Map<string, Date[]>();
    const sendsOf = (key: string) => {
      let list = sends.get(key);
      if (!list) sends.set(key, (list = []));
      return list;
    };
    for (const r of recent) sendsOf(r.ownerId ?? "system").push(r.sentAt ?? now);
    // A sender under the cap for the whole batch only needs the count: stand-in times inside the last 24 h.
    for (const [key, n] of counted) if (!busy.includes(key === "system" ? null : key)) for (let i = 0; i < n; i++) sendsOf(key).push(now);
    // In the order given (the engine passes oldest due first), each message takes a slot or waits for the next one.
    const toClaim: typeof open = [];
    const toQueue: { c: (typeof open)[number]; at: Date; reason: "window" | "cap"; timeZone: string }[] = [];
    for (const c of open) {
      const key = senderKey(c.o);
      const timeZone = recipientTimeZone(c.o.person.timeZone, c.o.event.timeZone);
      const decision = nextSendSlot({ now, timeZone, recentSends: sendsOf(key), cap: c.o.owner?.dailySendCap ?? 200, window: sendingWindow });
      if (decision.reason === "now") {
        toClaim.push(c);
        sendsOf(key).push(now);
      } else {
        toQueue.push({ c, at: decision.at, reason: decision.reason, timeZone });
      }
    }
    const updatedAt = new Date().toISOString();
    const claimed = toClaim.length === 0 ? [] : await tx.$queryRaw<{ id: string }[]>`
      UPDATE outreach o SET status = 'SENDING', attempts = o.attempts + 1, "toEmail" = v.email, "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC')
        FROM unnest(${toClaim.map((c) => c.o.id)}::text[], ${toClaim.map((c) => c.email)}::text[]) AS v(id, email)
       WHERE o.id = v.id AND o.status IN ('DRAFT', 'QUEUED', 'FAILED')
      RETURNING o.id`;
    const queued = toQueue.length === 0 ? [] : await tx.$queryRaw<{ id: string }[]>`
      UPDATE outreach o SET status = 'QUEUED', "scheduledAt" = (v.at::timestamptz AT TIME ZONE 'UTC'), "queuedAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
             "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC')
        FROM unnest(${toQueue.map((q) => q.c.o.id)}::text[], ${toQueue.map((q) => q.at.toISOString())}::text[]) AS v(id, at)
       WHERE o.id = v.id AND o.status IN ('DRAFT', 'QUEUED', 'FAILED')
      RETURNING o.id`;
    const queuedIds = new Set(queued.map((r) => r.id));
    await recordActivities(toQueue
      .filter(({ c, at }) => queuedIds.has(c.o.id) && (c.o.status !== "QUEUED" || c.o.scheduledAt?.getTime() !== at.getTime()))
      .map(({ c: { o }, at, reason, timeZone }) => ({
        type: "outreach.queued",
        description: `Message to ${o.person.name} queued until ${formatInZone(at, timeZone, "weekdayTime")} their time (${reason === "cap" ? "daily send cap reached" : "outside the sending window"})`,
        eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
        metadata: { at: at.toISOString(), reason, timeZone },
      })), tx);
    return { claimed: new Set(claimed.map((r) => r.id)), toClaim, toQueue, queuedIds };
  });

  for (const { c, at, reason } of claim.toQueue) {
    if (claim.queuedIds.has(c.o.id)) results.set(c.o.id, { outcome: "queued", outreachId: c.o.id, at, reason });
  }
  const lost = [...claim.toQueue.map((q) => q.c), ...claim.toClaim].filter((c) => !claim.claimed.has(c.o.id) && !claim.queuedIds.has(c.o.id));
  for (const c of lost) results.set(c.o.id, stateOutcome(await loadForSend(c.o.id)) ?? { outcome: "busy", outreachId: c.o.id });

  // Deliver, a few at a time.
  const delivered: { c: (typeof open)[number]; from: string; composed: ReturnType<typeof composeEmail>; messageId: string; transport: string }[] = [];
  const claimedList = claim.toClaim.filter((c) => claim.claimed.has(c.o.id));
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimedList.length) }, async () => {
    while (next < claimedList.length) {
      const c = claimedList[next++];
      const { o } = c;
      const messageId = `<${o.id}.${randomBytes(6).toString("hex")}@${senderDomain()}>`;
      const composed = composeEmail({ outreachId: o.id, message: o.message, signature: o.owner?.signature ?? o.owner?.name });
      const from = o.owner?.name ? `"${o.owner.name.replace(/"/g, "")}" <${fromAddress()}>` : env().EMAIL_FROM;
      try {
        const result = await sendMail({
          to: c.email, from, subject: c.subject, html: composed.html, text: composed.text, headers: composed.headers,
          kind: "outreach", outreachId: o.id, messageId, replyTo: o.owner?.email,
        });
        delivered.push({ c, from, composed, messageId: result.messageId || messageId, transport: result.transport });
      } catch (error) {
        results.set(o.id, await recordSendFailure(o, error, null));
      }
    }
  }));
  if (delivered.length === 0) return results;

  await prisma.$transaction(async (tx) => {
    const updatedAt = new Date().toISOString();
    await tx.$executeRaw`
      UPDATE outreach o SET status = 'SENT', "sentAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "messageId" = v.mid, transport = v.transport,
             "failureReason" = NULL, "scheduledAt" = NULL, "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC'), subject = v.subject, message = v.message
        FROM unnest(${delivered.map((d) => d.c.o.id)}::text[], ${delivered.map((d) => d.messageId)}::text[], ${delivered.map((d) => d.transport)}::text[],
                    ${delivered.map((d) => d.c.subject)}::text[], ${delivered.map((d) => d.c.o.message)}::text[]) AS v(id, mid, transport, subject, message)
       WHERE o.id = v.id`;
    // The dev outbox already stored its messages; the others are recorded here.
    const outbox = delivered.filter((d) => d.transport !== "dev-outbox");
    if (outbox.length) {
      await tx.outboxMessage.createMany({
        data: outbox.map(({ c, from, composed, messageId, transport }) => ({
          outreachId: c.o.id, kind: "outreach", toEmail: c.email, fromEmail: from, subject: c.subject, html: composed.html, text: composed.text,
          headers: { ...composed.headers, "Message-ID": messageId }, transport,
        })),
        skipDuplicates: true,
      });
    }
    const own: ActivityInput[] = delivered.map(({ c: { o, subject }, transport }) => ({
      type: "outreach.sent", description: `Email "${subject}" sent to ${o.person.name}`,
      eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
      metadata: { transport },
    }));
    const theirs = (await options.onSent?.(tx, delivered.map((d) => ({ outreachId: d.c.o.id, sentAt: now })))) ?? [];
    await recordActivities([...own, ...theirs], tx);
  });
  for (const d of delivered) {
    results.set(d.c.o.id, { outcome: "sent", outreachId: d.c.o.id, messageId: d.messageId, sentAt: now, transport: d.transport, alreadySent: false });
  }
  return results;
}

async function logManualTouch(o: Loaded, now: Date, actorId: string | null): Promise<SendOutcome> {
  const done = await prisma.$transaction(async (tx) => {
    const changed = await tx.outreach.updateMany({
      where: { id: o.id, status: { in: [...CLAIMABLE] } },
      data: { status: "SENT", sentAt: now, transport: "manual", scheduledAt: null, subject: o.subject, message: o.message },
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
      type: "outreach.queued", description: `Message to ${o.person.name} scheduled for ${formatInZone(at, recipientTimeZone(o.person.timeZone, o.event.timeZone), "weekdayTime")} their time`,
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
