import { Prisma } from "@/generated/prisma/client";
import type { InboundKind } from "@/generated/prisma/enums";
import { recordActivities, recordActivity, type ActivityInput } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { outreachIdFromAddresses } from "@/server/email/reply-token";
import { formatInZone } from "@/lib/time";
import { logger } from "@/server/logger";
import { findTombstone } from "@/server/privacy/tombstones";
import { stopActiveEnrollments } from "@/server/suppressions/service";
import { applyEmailEventInTx } from "@/server/tracking/events";
import { classifyInbound, replyTextOf, type Classification } from "./classify";
import { forwardReplyToRep, FORWARD_MARKER_HEADER } from "./forward";
import { notifyRep } from "./notify";
import type { InboundMail } from "./parse";

/**
 * Recording a mail that came back, once, with everything it means in one transaction.
 *
 * Matching (never on From: alone, so a forwarded or spoofed mail cannot stop a sequence):
 * 1. the signed token of a reply+/bounces+ address it was delivered to;
 * 2. In-Reply-To, then References (newest first), against the Message-IDs we sent;
 * 3. for a bounce, the Message-ID of our message it quotes.
 * Who wrote it: the person written to, a colleague at the same account (a known person with that
 * address, or an address at the account's domain), or someone else in the thread.
 *
 * Effects, by what it is (see classify.ts):
 * - reply: the message counts as replied (reply rate), the writer's and the addressee's
 *   sequences stop, colleagues' enrollments at the account pause where the sequence says
 *   so, the rep is notified (notifyRep) and, for mail that came through the inbound domain,
 *   gets it forwarded to their own mailbox;
 * - "please remove me": as a reply, and everything for that person stops (their enrollments,
 *   their queued and draft messages); the rep is asked whether to add the address to the
 *   do-not-email list (we do not decide that for them);
 * - out of office: the person's enrollments pause until the return date (resumeOutOfOffice
 *   brings them back); not a reply;
 * - hard bounce: the message is bounced, the address goes on the do-not-email list and the
 *   person's sequences stop; soft bounce: the message is sent again later (twice at most);
 *   a delay notice is only recorded.
 * Mail from someone who was erased (their address has a tombstone) or answering a message to an
 * erased person is not stored at all: it would bring their address and words back (docs/PRIVACY.md).
 * The same mail posted again (same Message-ID, or same bytes) is recorded once: the unique
 * InboundMessage.dedupeKey decides, also between concurrent posts.
 */
export type InboundSource = "sendgrid" | "mime" | "imap" | "dev";

export type ReceiveResult =
  | { status: "recorded"; inboundMessageId: string; kind: InboundKind; outreachId: string; matchedBy: MatchedBy; forwarded: boolean | null }
  | { status: "unmatched"; inboundMessageId: string | null }
  | { status: "duplicate" }
  | { status: "ignored"; reason: string };

type MatchedBy = "token" | "in-reply-to" | "references" | "original-message";

const SOFT_BOUNCE_RETRIES = 2;
const SOFT_BOUNCE_DELAY_MS = 4 * 3_600_000;

const outreachSelect = {
  id: true, eventId: true, personId: true, accountId: true, ownerId: true, subject: true, status: true, toEmail: true, messageId: true,
  person: { select: { name: true, email: true, erasedAt: true } },
  account: { select: { name: true, domain: true } },
  event: { select: { timeZone: true } },
} satisfies Prisma.OutreachSelect;
type MatchedOutreach = Prisma.OutreachGetPayload<{ select: typeof outreachSelect }>;

/** The message a mail answers, by token or thread (see the module note). */
async function matchInbound(mail: InboundMail, db: DbTx = prisma): Promise<{ outreach: MatchedOutreach; matchedBy: MatchedBy } | null> {
  const byToken = outreachIdFromAddresses(mail.recipients);
  if (byToken) {
    const outreach = await db.outreach.findUnique({ where: { id: byToken }, select: outreachSelect });
    if (outreach) return { outreach, matchedBy: "token" };
  }
  const candidates: { id: string; matchedBy: MatchedBy }[] = [
    ...mail.inReplyTo.map((id) => ({ id, matchedBy: "in-reply-to" as const })),
    ...[...mail.references].reverse().map((id) => ({ id, matchedBy: "references" as const })),
    ...(mail.isDeliveryReport || mail.quotedMessageIds.length ? mail.quotedMessageIds.map((id) => ({ id, matchedBy: "original-message" as const })) : []),
  ].slice(0, 200);
  if (candidates.length === 0) return null;
  const ids = [...new Set(candidates.flatMap((c) => [c.id, c.id.toLowerCase()]))];
  const found = await db.outreach.findMany({ where: { messageId: { in: ids } }, select: outreachSelect });
  for (const candidate of candidates) {
    const outreach = found.find((o) => o.messageId?.toLowerCase() === candidate.id.toLowerCase());
    if (outreach) return { outreach, matchedBy: candidate.matchedBy };
  }
  return null;
}

type Author = { personId: string | null; name: string; relation: "person" | "colleague" | "account" | "other" };

async function resolveAuthor(o: MatchedOutreach, mail: InboundMail, db: DbTx): Promise<Author> {
  const from = mail.from?.address ?? null;
  const displayName = mail.from?.name || from || "Someone";
  const addressee = (o.toEmail ?? o.person.email ?? "").toLowerCase();
  if (!from || from === addressee) return { personId: o.personId, name: o.person.name, relation: "person" };
  if (o.accountId) {
    const colleague = await db.person.findFirst({ where: { eventId: o.eventId, accountId: o.accountId, email: { equals: from, mode: "insensitive" } }, select: { id: true, name: true } });
    if (colleague) return { personId: colleague.id, name: colleague.name, relation: "colleague" };
    const domain = from.split("@")[1] ?? "";
    const accountDomain = o.account?.domain?.toLowerCase();
    if (accountDomain && (domain === accountDomain || domain.endsWith(`.${accountDomain}`))) return { personId: null, name: displayName, relation: "account" };
  }
  return { personId: null, name: displayName, relation: "other" };
}

export async function receiveInboundMail(mail: InboundMail, options: { source: InboundSource; mailboxId?: string | null; now?: Date }): Promise<ReceiveResult> {
  const now = options.now ?? new Date();
  if (mail.headers.has(FORWARD_MARKER_HEADER)) return { status: "ignored", reason: "This is our own forward of a reply" };
  const visible = replyTextOf(mail.text);
  const match = await matchInbound(mail);
  if (match?.outreach.person.erasedAt || (mail.from?.address && (await findTombstone({ email: mail.from.address })))) {
    logger.info({ outreachId: match?.outreach.id ?? null, source: options.source }, "inbound mail from an erased person dropped");
    return { status: "ignored", reason: "The sender asked us to erase their data" };
  }
  const classification = classifyInbound(mail, visible);
  const receivedAt = mail.date && mail.date.getTime() <= now.getTime() ? mail.date : now;
  const base = {
    dedupeKey: mail.dedupeKey, source: options.source, mailboxId: options.mailboxId ?? null, messageId: mail.messageId,
    fromEmail: mail.from?.address ?? null, fromName: mail.from?.name || null, subject: mail.subject || null,
    text: visible || mail.text.trim().slice(0, 20_000), fullText: mail.text.slice(0, 100_000), receivedAt,
  };

  try {
    if (!match) {
      // A synced mailbox holds the rep's private mail: only what threads to our messages is kept.
      if (options.source === "imap") return { status: "unmatched", inboundMessageId: null };
      const row = await prisma.inboundMessage.create({ data: { ...base, kind: "UNMATCHED" }, select: { id: true } });
      logger.info({ inboundMessageId: row.id, source: options.source }, "inbound mail matched no message");
      return { status: "unmatched", inboundMessageId: row.id };
    }
    const recorded = await prisma.$transaction(async (tx) => {
      const author = await resolveAuthor(match.outreach, mail, tx);
      const kind: InboundKind = classification.kind;
      const row = await tx.inboundMessage.create({
        data: {
          ...base, kind, matchedBy: match.matchedBy, outreachId: match.outreach.id, eventId: match.outreach.eventId,
          personId: author.personId, accountId: match.outreach.accountId,
          ...(classification.kind === "BOUNCE" ? { bounceType: classification.bounceType, bounceStatus: classification.status, bounceDetail: classification.detail } : {}),
          ...(classification.kind === "AUTO_REPLY" ? { returnAt: classification.returnAt } : {}),
        },
        select: { id: true },
      });
      await applyEffects({ tx, inboundId: row.id, o: match.outreach, author, classification, visible, receivedAt, now, matchedBy: match.matchedBy });
      return { id: row.id, kind };
    });
    const forwarded = (recorded.kind === "REPLY" || recorded.kind === "REMOVAL_REQUEST") && options.source !== "imap"
      ? await forwardReplyToRep(recorded.id, now)
      : null;
    return { status: "recorded", inboundMessageId: recorded.id, kind: recorded.kind, outreachId: match.outreach.id, matchedBy: match.matchedBy, forwarded };
  } catch (error) {
    // The same mail posted twice at once: the unique dedupeKey keeps the first, the rest change nothing.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "duplicate" };
    throw error;
  }
}

type EffectInput = {
  tx: DbTx; inboundId: string; o: MatchedOutreach; author: Author; classification: Classification; visible: string;
  receivedAt: Date; now: Date; matchedBy: MatchedBy;
};

async function applyEffects(input: EffectInput) {
  switch (input.classification.kind) {
    case "REPLY":
    case "REMOVAL_REQUEST":
      return recordReply(input);
    case "AUTO_REPLY":
      return pauseForOutOfOffice(input, input.classification.returnAt, input.classification.returnFound);
    case "BOUNCE":
      return recordBounce(input, input.classification);
  }
}

async function recordReply({ tx, inboundId, o, author, classification, visible, receivedAt, matchedBy }: EffectInput) {
  const removal = classification.kind === "REMOVAL_REQUEST";
  await applyEmailEventInTx({
    outreachId: o.id, kind: "reply", at: receivedAt, source: "inbound", dedupeKey: `inbound:${inboundId}`,
    metadata: { via: "inbound", inboundMessageId: inboundId, matchedBy, author: author.relation },
  }, tx);
  const writerId = author.personId ?? o.personId;
  if (author.personId && author.personId !== o.personId) await stopActiveEnrollments(author.personId, "replied", receivedAt, tx);
  // Paused by us (out of office, a colleague's reply) rather than by a rep: a reply ends those too.
  await tx.sequenceEnrollment.updateMany({
    where: { personId: { in: [...new Set([o.personId, writerId])] }, status: "PAUSED", stopReason: { in: ["out_of_office", "account_replied"] } },
    data: { status: "REPLIED", stopReason: "replied", stoppedAt: receivedAt, nextStepAt: null, resumeAt: null, claimedBy: null, claimExpiresAt: null },
  });

  const activities: ActivityInput[] = [];
  if (removal) {
    // They asked us to stop: nothing more goes to them, from any sequence or queue.
    const enrollments = await tx.sequenceEnrollment.findMany({ where: { personId: writerId, status: { in: ["ACTIVE", "PAUSED", "REPLIED"] } }, select: { id: true } });
    await tx.sequenceEnrollment.updateMany({
      where: { id: { in: enrollments.map((e) => e.id) } },
      data: { status: "STOPPED", stopReason: "asked_to_stop", stoppedAt: receivedAt, nextStepAt: null, resumeAt: null, claimedBy: null, claimExpiresAt: null },
    });
    await tx.outreach.updateMany({
      where: { personId: writerId, status: { in: ["DRAFT", "QUEUED", "FAILED"] } },
      data: { status: "CANCELLED", scheduledAt: null, failureReason: "Cancelled: they asked not to be contacted" },
    });
  } else if (o.accountId) {
    // A reply from the account pauses the colleagues' enrollments where the sequence asks for it.
    const colleagues = await tx.sequenceEnrollment.findMany({
      where: {
        status: "ACTIVE", personId: { notIn: [o.personId, ...(author.personId ? [author.personId] : [])] },
        OR: [{ accountId: o.accountId }, { person: { accountId: o.accountId } }], sequence: { pauseAccountOnReply: true },
      },
      select: { id: true, personId: true, person: { select: { name: true } }, sequence: { select: { id: true, name: true } } },
    });
    if (colleagues.length) {
      await tx.sequenceEnrollment.updateMany({
        where: { id: { in: colleagues.map((c) => c.id) }, status: "ACTIVE" },
        data: { status: "PAUSED", stopReason: "account_replied", claimedBy: null, claimExpiresAt: null },
      });
      for (const c of colleagues) {
        activities.push({
          type: "sequence.paused", description: `Paused “${c.sequence.name}” for ${c.person.name}: ${author.name}${o.account ? ` at ${o.account.name}` : ""} replied`,
          eventId: o.eventId, personId: c.personId, accountId: o.accountId, entityType: "sequence_enrollment", entityId: c.id,
          metadata: { sequenceId: c.sequence.id, stopReason: "account_replied" },
        });
      }
    }
  }
  await recordActivities(activities, tx);

  const who = author.relation === "person" ? o.person.name
    : author.relation === "other" ? `${author.name} (in the thread with ${o.person.name})`
      : `${author.name}${o.account ? ` at ${o.account.name}` : ""}`;
  const subject = `“${o.subject ?? "your message"}”`;
  await notifyRep({
    userId: o.ownerId,
    type: removal ? "outreach.removal_requested" : "outreach.replied",
    description: removal
      ? `${who} asked not to be contacted again (reply to ${subject}): their sequences and queued messages were stopped. Add their address to the do-not-email list?`
      : `${who} replied to ${subject}${author.relation === "colleague" || author.relation === "account" ? ` sent to ${o.person.name}` : ""}`,
    link: `/dashboard/outreach/${o.id}`,
    title: removal ? `${author.name} asked not to be contacted` : `${author.name} replied`,
    replyText: visible,
    inboundMessageId: inboundId,
    dedupeKey: `inbound:${inboundId}`,
    eventId: o.eventId, personId: writerId, accountId: o.accountId, outreachId: o.id,
    metadata: { matchedBy, author: author.relation },
  }, tx);
}

async function pauseForOutOfOffice({ tx, inboundId, o, author, receivedAt, now }: EffectInput, returnAt: Date, returnFound: boolean) {
  const personId = author.personId ?? o.personId;
  await applyEmailEventInTx({
    outreachId: o.id, kind: "auto_reply", at: receivedAt, source: "inbound", dedupeKey: `inbound:${inboundId}`,
    metadata: { inboundMessageId: inboundId, returnAt: returnAt.toISOString(), returnFound },
  }, tx);
  const enrollments = await tx.sequenceEnrollment.findMany({
    where: { personId, OR: [{ status: "ACTIVE" }, { status: "PAUSED", stopReason: "out_of_office" }] },
    select: { id: true, sequence: { select: { name: true } } },
  });
  if (enrollments.length) {
    await tx.sequenceEnrollment.updateMany({
      where: { id: { in: enrollments.map((e) => e.id) } },
      data: { status: "PAUSED", stopReason: "out_of_office", resumeAt: returnAt, claimedBy: null, claimExpiresAt: null },
    });
  }
  // A return date is a day, not a time: shown as the day.
  const until = returnAt.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
  const name = author.personId && author.personId !== o.personId ? author.name : o.person.name;
  const paused = enrollments.length ? `; ${enrollments.map((e) => `“${e.sequence.name}”`).join(", ")} paused until then` : "";
  await recordActivity({
    type: "outreach.auto_reply",
    description: `${name} is out of the office ${returnFound ? `until ${until}` : `(no return date given: waiting until ${until})`}${paused}`,
    eventId: o.eventId, personId, accountId: o.accountId, entityType: "outreach", entityId: o.id,
    metadata: { inboundMessageId: inboundId, returnAt: returnAt.toISOString(), returnFound, pausedEnrollments: enrollments.length, now: now.toISOString() },
  }, tx);
}

async function recordBounce({ tx, inboundId, o, receivedAt, now }: EffectInput, bounce: Extract<Classification, { kind: "BOUNCE" }>) {
  // The server's own words carry the status code already ("550 5.1.1 … user unknown").
  const reason = bounce.detail ?? bounce.status ?? "no reason given";
  const dedupeKey = `inbound:${inboundId}`;
  const metadata = { inboundMessageId: inboundId, status: bounce.status, reason: reason.slice(0, 300), via: "dsn" };
  if (bounce.bounceType === "hard") {
    await applyEmailEventInTx({ outreachId: o.id, kind: "bounce", at: receivedAt, source: "dsn", dedupeKey, metadata }, tx);
    return;
  }
  if (bounce.bounceType === "delivered" || bounce.bounceType === "delayed") {
    await applyEmailEventInTx({ outreachId: o.id, kind: bounce.bounceType === "delivered" ? "delivered" : "deferred", at: receivedAt, source: "dsn", dedupeKey, metadata }, tx);
    return;
  }
  // Soft: the receiving server gave up for now (mailbox full, greylisting …): we send it again later.
  await applyEmailEventInTx({ outreachId: o.id, kind: "soft_bounce", at: receivedAt, source: "dsn", dedupeKey, metadata }, tx);
  const tries = await tx.emailEvent.count({ where: { outreachId: o.id, type: "soft_bounce" } });
  const common = { eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id };
  if (tries <= SOFT_BOUNCE_RETRIES && o.status === "SENT") {
    const at = new Date(now.getTime() + SOFT_BOUNCE_DELAY_MS * tries);
    const when = formatInZone(at, o.event.timeZone);
    await tx.outreach.update({ where: { id: o.id }, data: { status: "QUEUED", scheduledAt: at, queuedAt: now, failureReason: `Temporarily not delivered (${reason.slice(0, 200)}); sending again ${when}` } });
    await recordActivity({ ...common, type: "outreach.soft_bounced", description: `Email to ${o.person.name} was not delivered for now (${reason.slice(0, 120)}); it goes out again ${when}`, metadata }, tx);
  } else {
    await tx.outreach.update({ where: { id: o.id }, data: { failureReason: `Not delivered after ${tries} tries (${reason.slice(0, 200)})` } });
    await recordActivity({ ...common, type: "outreach.soft_bounced", description: `Email to ${o.person.name} still could not be delivered after ${tries} tries (${reason.slice(0, 120)}); not sending it again`, metadata }, tx);
  }
}
