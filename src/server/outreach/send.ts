import type { Prisma } from "@/generated/prisma/client";
import { recordActivities, recordActivity, type ActivityInput } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { composeEmail, senderAddress, type ComposedEmail, type MailFooter } from "@/server/email/compose";
import { assertDeliverable } from "@/server/email/recipients";
import { nextSendSlot, recipientTimeZone } from "@/server/email/sending-window";
import { activeTransport, deliversRealMail, MailDeliveryError, sendMail, type SendResult } from "@/server/email/transport";
import { senderIdentityForSending } from "@/server/privacy/settings";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { getSendingWindow } from "@/server/outreach/settings";
import { normalizeEmail } from "@/server/suppressions/service";
import { renderOutgoing } from "@/server/templates/service";
import { formatInZone } from "@/lib/time";

/**
 * Sending outreach, exactly once — one path for everything: the rep's Send button is a batch
 * of one, the sequence engine and the queue runner send batches.
 * - Claim: a message is claimed with a conditional update (DRAFT/QUEUED/FAILED → SENDING); only
 *   the caller that wins the claim talks to the mail transport, so repeated or racing sends
 *   deliver it once. A message already SENT answers "sent" again without resending.
 * - Before the claim: the do-not-email list, the demo-data guard (a real transport never
 *   delivers to seeded people), each sender's rolling 24-hour cap and each recipient's sending
 *   window. The caps are counted under per-sender advisory locks taken in one order, so two
 *   batches cannot both take a sender's last slot. Outside the window or over the cap a message
 *   becomes QUEUED with scheduledAt = its next slot; processQueuedOutreach sends it then.
 * - Outcome unknown: FAILED means the transport refused (safe to send again). When the answer
 *   never came (the connection dropped after the message was handed over, or the process died
 *   after marking it handedOverAt), the message becomes INTERRUPTED: it may have gone out, so it
 *   is never sent again automatically; its owner checks the outbox, then resends or discards it.
 *   A claim that died before its handover mark goes back in the queue (markInterruptedSends).
 * - The statements are bounded whatever the batch size: one read of the messages, one of the
 *   suppression list, one claim transaction, delivery with bounded concurrency, and one
 *   transaction recording every send (status, outbox, activities, and `onSent` for the caller's
 *   writes that belong with them — the engine advances the enrollments there).
 * - LINKEDIN and CALL messages are not delivered by us: "sending" logs them as done.
 */
export type SendOutcome =
  | { outcome: "sent"; outreachId: string; messageId: string | null; sentAt: Date; transport: string; alreadySent: boolean }
  | { outcome: "queued"; outreachId: string; at: Date; reason: "window" | "cap" | "scheduled" }
  | { outcome: "suppressed"; outreachId: string; reason: string }
  | { outcome: "failed"; outreachId: string; error: string }
  | { outcome: "interrupted"; outreachId: string }
  | { outcome: "cancelled"; outreachId: string }
  | { outcome: "busy"; outreachId: string };

export type BatchSendResult = SendOutcome | { outcome: "error"; outreachId: string; error: unknown };
export type BatchSent = { outreachId: string; sentAt: Date };
type Actor = { id: string } | null | undefined;

const CLAIMABLE = ["DRAFT", "QUEUED", "FAILED"] as const;
const DAY_MS = 86_400_000;
const SEND_CONCURRENCY = 8;
const INTERRUPTED_REASON = "Sending was interrupted, so this message may or may not have gone out. Check the outbox, then resend or discard it.";

/** How long a claim may sit in SENDING before its process is presumed dead (a send takes seconds). */
const STALE_SENDING_MS = 15 * 60_000;

const sendSelect = {
  id: true, eventId: true, status: true, channel: true, subject: true, message: true, messageId: true, sentAt: true, transport: true,
  personId: true, accountId: true, scheduledAt: true, enrollmentId: true, updatedAt: true,
  person: { select: { name: true, email: true, source: true, timeZone: true } },
  event: { select: { timeZone: true, outreachReason: true } },
  owner: { select: { id: true, name: true, email: true, dailySendCap: true, signature: true } },
} as const;

async function loadForSend(outreachId: string) {
  const outreach = await prisma.outreach.findUnique({ where: { id: outreachId }, select: sendSelect });
  if (!outreach) throw new AppError("not_found", "Message not found");
  return outreach;
}

type Loaded = Awaited<ReturnType<typeof loadForSend>>;
type Candidate = { o: Loaded; email: string; subject: string };

/** The message that leaves, as the recipient gets it: the one place its final subject, body, sender and headers are put together. */
function composeOutgoing(c: Candidate, sender: SenderIdentity): { subject: string; composed: ComposedEmail } {
  return {
    subject: c.subject,
    composed: composeEmail({ outreachId: c.o.id, message: c.o.message, signature: c.o.owner?.signature ?? c.o.owner?.name, sender: c.o.owner, footer: mailFooter(sender, c.o) }),
  };
}

/** The headers the outbox keeps with a sent message (what the message page shows, what the dev mailbox answers). */
function outboxHeaders(composed: ComposedEmail): Record<string, string> {
  return { ...composed.headers, "Message-ID": composed.messageId, ...(composed.replyTo ? { "Reply-To": composed.replyTo } : {}) };
}

/** The transport's own id when it differs from our Message-ID (SendGrid's X-Message-Id). */
function providerIdOf(result: SendResult, messageId: string): string | null {
  return result.messageId && result.messageId !== messageId ? result.messageId : null;
}

type SenderIdentity = Awaited<ReturnType<typeof senderIdentityForSending>>;

/** The commercial footer (docs/PRIVACY.md): who sends, their postal address, and why the recipient hears from us. */
function mailFooter(sender: SenderIdentity, o: Pick<Loaded, "event">): MailFooter {
  return { organizationName: sender?.organizationName ?? "", postalAddress: sender?.postalAddress ?? "", reason: o.event.outreachReason };
}

/**
 * Merge fields are filled here, at send time, for every message (composer, bulk drafts, sequence
 * steps): the loaded rows get their final subject and body in place, and that text is what
 * composeOutgoing delivers and the send records. Rows that cannot be rendered (an unknown field)
 * come back with the error.
 */
async function renderForSending(rows: Loaded[]): Promise<Map<string, AppError>> {
  const rendered = await renderOutgoing(rows.filter((o) => (CLAIMABLE as readonly string[]).includes(o.status)), { id: "system", name: null, email: senderAddress() });
  const failed = new Map<string, AppError>();
  for (const o of rows) {
    const r = rendered.get(o.id);
    if (r instanceof AppError) failed.set(o.id, r);
    else if (r) Object.assign(o, { subject: r.subject, message: r.message });
  }
  return failed;
}

function activityRefs(o: Pick<Loaded, "id" | "eventId" | "personId" | "accountId">) {
  return { eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id };
}

function assertSendable(o: Loaded): { email: string; subject: string } {
  const email = assertDeliverable(o.person);
  if (!o.subject) throw new AppError("validation_error", "An email needs a subject");
  return { email, subject: o.subject };
}

/** What a message's state already decides, before any claim. */
function stateOutcome(o: Pick<Loaded, "id" | "status" | "messageId" | "sentAt" | "transport">): SendOutcome | null {
  switch (o.status) {
    case "SENT":
      return { outcome: "sent", outreachId: o.id, messageId: o.messageId, sentAt: o.sentAt ?? new Date(0), transport: o.transport ?? "unknown", alreadySent: true };
    case "SENDING":
      return { outcome: "busy", outreachId: o.id };
    case "CANCELLED":
      return { outcome: "cancelled", outreachId: o.id };
    case "INTERRUPTED":
      return { outcome: "interrupted", outreachId: o.id };
    default:
      return null;
  }
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
        actorId, ...activityRefs(o),
      }, tx);
    }
  });
  return { outcome: "suppressed", outreachId: o.id, reason };
}

/** A delivery that did not succeed: FAILED when the transport refused, INTERRUPTED when its answer never came. */
async function recordSendFailure(o: Loaded, error: unknown, actorId: string | null): Promise<SendOutcome> {
  const uncertain = error instanceof MailDeliveryError && error.uncertain;
  const reason = uncertain ? INTERRUPTED_REASON : error instanceof Error ? error.message.slice(0, 500) : "Unknown transport error";
  logger.warn({ err: error, outreachId: o.id, uncertain }, "outreach send failed");
  await prisma.$transaction(async (tx) => {
    await tx.outreach.updateMany({ where: { id: o.id, status: "SENDING" }, data: { status: uncertain ? "INTERRUPTED" : "FAILED", failureReason: reason } });
    await recordActivity({
      type: uncertain ? "outreach.interrupted" : "outreach.failed",
      description: uncertain ? `Message to ${o.person.name} may or may not have gone out: the mail server's answer never came` : `Message to ${o.person.name} could not be sent: ${reason}`,
      actorId, ...activityRefs(o),
    }, tx);
  });
  return uncertain ? { outcome: "interrupted", outreachId: o.id } : { outcome: "failed", outreachId: o.id, error: reason };
}

async function logManualTouch(o: Loaded, now: Date, actorId: string | null): Promise<SendOutcome> {
  const done = await prisma.$transaction(async (tx) => {
    const changed = await tx.outreach.updateMany({
      where: { id: o.id, status: { in: [...CLAIMABLE] } },
      data: { status: "SENT", sentAt: now, transport: "manual", scheduledAt: null, subject: o.subject, message: o.message },
    });
    if (changed.count === 0) return false;
    await recordActivity({ type: "outreach.logged", description: `${o.channel === "CALL" ? "Call" : "LinkedIn message"} to ${o.person.name} logged`, actorId, ...activityRefs(o) }, tx);
    return true;
  });
  if (!done) return stateOutcome(await loadForSend(o.id)) ?? { outcome: "busy", outreachId: o.id };
  return { outcome: "sent", outreachId: o.id, messageId: null, sentAt: now, transport: "manual", alreadySent: false };
}

/**
 * The rep's Send: a batch of one through sendOutreachMany. Refusals (no address, demo data, a
 * cancelled or interrupted message) are thrown as errors the rep reads.
 */
export async function sendOutreach(outreachId: string, options: { now?: Date; actor?: Actor } = {}): Promise<SendOutcome> {
  const result = (await sendOutreachMany([outreachId], options)).get(outreachId)!;
  if (result.outcome === "error") throw result.error;
  if (result.outcome === "cancelled") throw new AppError("conflict", "This message was cancelled; write a new one to send it");
  if (result.outcome === "interrupted") throw new AppError("conflict", INTERRUPTED_REASON);
  return result;
}

/**
 * Sends many messages with the rules above. Results come back per id, in the order given
 * (oldest due first keeps a waiting message's place in its sender's cap).
 */
export async function sendOutreachMany(
  outreachIds: readonly string[],
  /** `onSent` may return activities of its own: they are written with the sends' (one insert, one touch of the accounts and people). */
  options: { now?: Date; actor?: Actor; onSent?: (tx: Prisma.TransactionClient, sent: BatchSent[]) => Promise<ActivityInput[] | void> } = {},
): Promise<Map<string, BatchSendResult>> {
  const now = options.now ?? new Date();
  const actorId = options.actor?.id ?? null;
  const results = new Map<string, BatchSendResult>();
  const loaded = new Map((await prisma.outreach.findMany({ where: { id: { in: [...outreachIds] } }, select: sendSelect })).map((o) => [o.id, o]));
  // A claim a dead process left in SENDING is settled here rather than answered "busy": a batch
  // that runs before the periodic sweep (markInterruptedSends) would otherwise hold its
  // enrollments back for BUSY_RETRY_MS, and an interrupted step would not wait for its owner.
  // Staleness is wall-clock time, whatever `now` the caller plans with.
  const staleBefore = Date.now() - STALE_SENDING_MS;
  const stale = [...loaded.values()].filter((o) => o.status === "SENDING" && o.updatedAt.getTime() < staleBefore).map((o) => o.id);
  if (stale.length > 0) {
    await markInterruptedSends(new Date(), stale);
    for (const o of await prisma.outreach.findMany({ where: { id: { in: stale } }, select: sendSelect })) loaded.set(o.id, o);
  }
  const unrenderable = await renderForSending([...loaded.values()]);

  const candidates: Candidate[] = [];
  for (const id of outreachIds) {
    const o = loaded.get(id);
    try {
      if (!o) throw new AppError("not_found", "Message not found");
      const settled = stateOutcome(o);
      if (settled) results.set(id, settled);
      else if (unrenderable.has(id)) throw unrenderable.get(id);
      else if (o.channel !== "EMAIL") results.set(id, await logManualTouch(o, now, actorId));
      else candidates.push({ o, ...assertSendable(o) });
    } catch (error) {
      results.set(id, { outcome: "error", outreachId: id, error });
    }
  }
  if (candidates.length === 0) return results;
  let sender: SenderIdentity;
  try {
    sender = await senderIdentityForSending(deliversRealMail(activeTransport()!));
  } catch (error) {
    // No sender identity for real mail yet: every message says so and stays unsent.
    for (const c of candidates) results.set(c.o.id, { outcome: "error", outreachId: c.o.id, error });
    return results;
  }

  const suppressed = new Map((await prisma.suppression.findMany({ where: { email: { in: candidates.map((c) => normalizeEmail(c.email)) } } })).map((x) => [x.email, x]));
  const open: Candidate[] = [];
  for (const c of candidates) {
    const hit = suppressed.get(normalizeEmail(c.email));
    if (hit) results.set(c.o.id, await cancelSuppressed(c.o, hit.reason, actorId));
    else open.push(c);
  }
  if (open.length === 0) return results;

  const claim = await claimOrQueue(open, now, actorId);
  for (const { c, at, reason } of claim.toQueue) {
    if (claim.queuedIds.has(c.o.id)) results.set(c.o.id, { outcome: "queued", outreachId: c.o.id, at, reason });
  }
  const lost = [...claim.toQueue.map((q) => q.c), ...claim.toClaim].filter((c) => !claim.claimed.has(c.o.id) && !claim.queuedIds.has(c.o.id));
  for (const c of lost) results.set(c.o.id, stateOutcome(await loadForSend(c.o.id)) ?? { outcome: "busy", outreachId: c.o.id });

  // Deliver, a few at a time. Each message is marked as handed over just before the transport
  // gets it (in chunks, ahead of the lanes): after a crash, only marked messages are in doubt.
  const delivered: Delivered[] = [];
  const claimedList = claim.toClaim.filter((c) => claim.claimed.has(c.o.id));
  const handover = handoverInChunks(claimedList);
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimedList.length) }, async () => {
    for (let c = await handover.next(); c; c = await handover.next()) {
      const out = composeOutgoing(c, sender);
      try {
        const { composed } = out;
        const result = await sendMail({
          to: c.email, from: composed.from, subject: out.subject, html: composed.html, text: composed.text, headers: composed.headers,
          kind: "outreach", outreachId: c.o.id, messageId: composed.messageId, replyTo: composed.replyTo, returnPath: composed.returnPath,
        });
        delivered.push({ c, out, messageId: composed.messageId, providerMessageId: providerIdOf(result, composed.messageId), transport: result.transport });
      } catch (error) {
        results.set(c.o.id, await recordSendFailure(c.o, error, actorId));
      }
    }
  }));
  for (const c of handover.notHandedOver()) results.set(c.o.id, stateOutcome(await loadForSend(c.o.id)) ?? { outcome: "busy", outreachId: c.o.id });
  if (delivered.length === 0) return results;

  await recordSends(delivered, now, actorId, options.onSent);
  for (const d of delivered) {
    results.set(d.c.o.id, { outcome: "sent", outreachId: d.c.o.id, messageId: d.messageId, sentAt: now, transport: d.transport, alreadySent: false });
  }
  return results;
}

/**
 * One transaction: the per-sender advisory locks (one statement, in hash order, so two batches
 * never wait on each other crosswise), the senders' recent sends, then each message either
 * takes a slot (SENDING) or is queued for its next one — as two set-based updates.
 */
/**
 * The claim and the recording of a batch are short, but on a loaded database they can wait on
 * the senders' locks and the account rows longer than Prisma's 5-second default; an expired
 * recording would leave delivered mail unrecorded (later INTERRUPTED, held for a person).
 */
const BATCH_TX = { maxWait: 15_000, timeout: 30_000 };

async function claimOrQueue(open: Candidate[], now: Date, actorId: string | null) {
  const sendingWindow = await getSendingWindow();
  const senderKey = (o: Loaded) => o.owner?.id ?? "system";
  return prisma.$transaction(async (tx) => {
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
    // In the order given, each message takes a slot or waits for the next one.
    const toClaim: Candidate[] = [];
    const toQueue: { c: Candidate; at: Date; reason: "window" | "cap"; timeZone: string }[] = [];
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
      UPDATE outreach o SET status = 'SENDING', attempts = o.attempts + 1, "toEmail" = v.email, "handedOverAt" = NULL, "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC')
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
        actorId, ...activityRefs(o),
        metadata: { at: at.toISOString(), reason, timeZone },
      })), tx);
    return { claimed: new Set(claimed.map((r) => r.id)), toClaim, toQueue, queuedIds };
  }, BATCH_TX);
}

type Delivered = { c: Candidate; out: ReturnType<typeof composeOutgoing>; messageId: string; providerMessageId: string | null; transport: string };

/**
 * Hands out claimed messages to the delivery lanes, marking them handedOverAt one chunk ahead
 * (one statement per SEND_CONCURRENCY messages, so at most two chunks are in doubt after a
 * crash). The mark is conditional: a claim the stale sweep took back meanwhile is not sent.
 */
function handoverInChunks(list: Candidate[]) {
  let position = 0;
  const ready: Candidate[] = [];
  const skipped: Candidate[] = [];
  let marking: Promise<void> | null = null;
  const markNext = async () => {
    const chunk = list.slice(position, position + SEND_CONCURRENCY);
    position += chunk.length;
    if (chunk.length === 0) return;
    const marked = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE outreach SET "handedOverAt" = now() WHERE id = ANY(${chunk.map((c) => c.o.id)}::text[]) AND status = 'SENDING' AND "handedOverAt" IS NULL RETURNING id`;
    const ids = new Set(marked.map((r) => r.id));
    for (const c of chunk) (ids.has(c.o.id) ? ready : skipped).push(c);
  };
  return {
    async next(): Promise<Candidate | undefined> {
      while (ready.length === 0 && (position < list.length || marking)) {
        marking ??= markNext().finally(() => (marking = null));
        await marking;
      }
      return ready.shift();
    },
    notHandedOver: () => skipped,
  };
}

async function recordSends(
  delivered: Delivered[],
  now: Date,
  actorId: string | null,
  onSent: ((tx: Prisma.TransactionClient, sent: BatchSent[]) => Promise<ActivityInput[] | void>) | undefined,
) {
  await prisma.$transaction(async (tx) => {
    const updatedAt = new Date().toISOString();
    await tx.$executeRaw`
      UPDATE outreach o SET status = 'SENT', "sentAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "messageId" = v.mid, "providerMessageId" = v.pid, transport = v.transport,
             "failureReason" = NULL, "scheduledAt" = NULL, "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC'), subject = v.subject, message = v.message
        FROM unnest(${delivered.map((d) => d.c.o.id)}::text[], ${delivered.map((d) => d.messageId)}::text[], ${delivered.map((d) => d.providerMessageId)}::text[], ${delivered.map((d) => d.transport)}::text[],
                    ${delivered.map((d) => d.c.subject)}::text[], ${delivered.map((d) => d.c.o.message)}::text[]) AS v(id, mid, pid, transport, subject, message)
       WHERE o.id = v.id`;
    // The dev outbox already stored its messages; the others are recorded here.
    const outbox = delivered.filter((d) => d.transport !== "dev-outbox");
    if (outbox.length) {
      await tx.outboxMessage.createMany({
        data: outbox.map(({ c, out, transport }) => ({
          outreachId: c.o.id, kind: "outreach", toEmail: c.email, fromEmail: out.composed.from, subject: out.subject, html: out.composed.html, text: out.composed.text,
          headers: outboxHeaders(out.composed), transport,
        })),
        skipDuplicates: true,
      });
    }
    const own: ActivityInput[] = delivered.map(({ c: { o }, out, transport }) => ({
      type: "outreach.sent", description: `Email "${out.subject}" sent to ${o.person.name}`,
      actorId, ...activityRefs(o), metadata: { transport },
    }));
    const theirs = (await onSent?.(tx, delivered.map((d) => ({ outreachId: d.c.o.id, sentAt: now })))) ?? [];
    await recordActivities([...own, ...theirs], tx);
  }, BATCH_TX);
}

/** Puts a message in the queue for `at` (default: as soon as possible). */
async function queueOutreach(outreachId: string, options: { now?: Date; at?: Date; actor?: Actor } = {}) {
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
      actorId: options.actor?.id ?? null, ...activityRefs(o),
      metadata: { at: at.toISOString(), reason: "scheduled" },
    }, tx);
    return { outcome: "queued" as const, outreachId: o.id, at, reason: "scheduled" as const };
  });
}

export type QueueSummary = { processed: number; sent: number; queued: number; suppressed: number; failed: number; interrupted: number; busy: number; errors: number; more: boolean };

/**
 * Sends queued messages whose slot has come, oldest first, as one batch. Safe to run twice at
 * once (each message is claimed); one still outside its window or cap is re-queued for its next
 * slot. First, claims left by a process that died are settled (markInterruptedSends). A
 * sequence step's queued message is left to the sequence engine, which sends it when its
 * enrollment falls due and advances the enrollment in the same transaction.
 */
export async function processQueuedOutreach(options: { now?: Date; limit?: number } = {}): Promise<QueueSummary> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 200;
  const interrupted = await markInterruptedSends(now);
  const due = await prisma.outreach.findMany({
    where: { status: "QUEUED", scheduledAt: { lte: now }, enrollmentId: null },
    orderBy: { scheduledAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const summary: QueueSummary = { processed: due.length, sent: 0, queued: 0, suppressed: 0, failed: 0, interrupted, busy: 0, errors: 0, more: due.length === limit };
  const results = await sendOutreachMany(due.map((d) => d.id), { now });
  for (const [id, result] of results) {
    if (result.outcome === "sent") summary.sent++;
    else if (result.outcome === "queued" || result.outcome === "suppressed" || result.outcome === "failed" || result.outcome === "busy") summary[result.outcome]++;
    else if (result.outcome === "interrupted") summary.interrupted++;
    else if (result.outcome === "error") {
      // A message that can no longer be sent (no address, demo data …) is marked failed so the queue does not retry it forever.
      summary.errors++;
      await failQueued(id, result.error);
    }
  }
  return summary;
}

async function failQueued(id: string, error: unknown) {
  const reason = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
  await prisma.$transaction(async (tx) => {
    const failed = await tx.outreach.updateMany({ where: { id, status: "QUEUED" }, data: { status: "FAILED", failureReason: reason } });
    if (failed.count === 0) return;
    const row = await tx.outreach.findUniqueOrThrow({ where: { id }, select: { id: true, eventId: true, personId: true, accountId: true } });
    await recordActivity({ type: "outreach.failed", description: `Queued message could not be sent: ${reason}`, ...activityRefs(row) }, tx);
  });
}

/**
 * Claims left in SENDING by a process that died. Never handed to the transport: back in the
 * queue, due now (sent again automatically — it never left). Handed over: it may or may not
 * have gone out, so it becomes INTERRUPTED and is never retried automatically. `onlyIds`
 * narrows the sweep to those messages (a batch that found some of its own messages stale).
 */
export async function markInterruptedSends(now: Date, onlyIds?: readonly string[]): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_SENDING_MS);
  const ids = onlyIds ? [...onlyIds] : null;
  const requeued = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE outreach SET status = 'QUEUED', "scheduledAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = now()
     WHERE status = 'SENDING' AND "handedOverAt" IS NULL AND "updatedAt" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')
       AND (${ids}::text[] IS NULL OR id = ANY(${ids}::text[]))
    RETURNING id`;
  if (requeued.length) logger.warn({ count: requeued.length }, "claims of a dead process that never reached the mail transport went back in the queue");
  const stale = await prisma.outreach.findMany({
    where: { status: "SENDING", handedOverAt: { lt: cutoff }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, eventId: true, personId: true, accountId: true, person: { select: { name: true } } },
    take: 500,
  });
  let count = 0;
  for (const row of stale) {
    await prisma.$transaction(async (tx) => {
      const changed = await tx.outreach.updateMany({ where: { id: row.id, status: "SENDING" }, data: { status: "INTERRUPTED", failureReason: INTERRUPTED_REASON } });
      if (changed.count === 0) return;
      count++;
      await recordActivity({
        type: "outreach.interrupted", description: `Sending to ${row.person.name} was interrupted: the message may or may not have gone out`,
        ...activityRefs(row),
      }, tx);
    });
  }
  return count;
}
