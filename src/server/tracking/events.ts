import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { notify } from "@/server/notifications/service";
import { notifyRep } from "@/server/inbound/notify";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { consumeRateLimit, RATE_LIMITS, rateLimitedError } from "@/server/http/rate-limit";
import { extractLinks } from "@/server/email/compose";
import { stopActiveEnrollments, suppressAddress } from "@/server/suppressions/service";
import { isMachineClick, isMachineOpen } from "@/server/tracking/machine";
import { verifyToken } from "@/server/tracking/tokens";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";

/**
 * Applying what happened to a sent message — opens, clicks, deliveries, bounces, spam reports,
 * unsubscribes and replies — from our tracking links, the SendGrid Event Webhook, Inbound Parse
 * or a rep's hand. Each event is stored once (EmailEvent.dedupeKey: the provider's event id);
 * a repeat is ignored. First human open/click/reply set the timestamps the rates count; a
 * reply, bounce, spam report or unsubscribe stops the person's active sequences, and all but
 * the reply put the address on the suppression list.
 */
export type EmailEventKind =
  | "delivered" | "open" | "click" | "bounce" | "dropped" | "spamreport" | "unsubscribe" | "reply" | "deferred" | "processed"
  // Recorded only (their effects belong to src/server/inbound/receive.ts): an out-of-office note, a temporary bounce.
  | "auto_reply" | "soft_bounce";

export type EventInput = {
  outreachId: string;
  kind: EmailEventKind;
  at: Date;
  dedupeKey?: string | null;
  url?: string | null;
  userAgent?: string | null;
  ip?: string | null;
  metadata?: Prisma.InputJsonValue;
  actorId?: string | null;
  source?: string;
};

export type ApplyResult = { applied: boolean; duplicate: boolean; isMachine: boolean };

const eventOutreachSelect = {
  id: true, eventId: true, personId: true, accountId: true, ownerId: true, toEmail: true, subject: true, sentAt: true, deliveredAt: true,
  openedAt: true, clickedAt: true, repliedAt: true, bouncedAt: true, unsubscribedAt: true,
  person: { select: { name: true, email: true } },
} as const;

export async function applyEmailEvent(input: EventInput): Promise<ApplyResult> {
  try {
    return await prisma.$transaction((tx) => applyEmailEventInTx(input, tx));
  } catch (error) {
    // Two deliveries of the same provider event racing: the unique dedupeKey keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { applied: false, duplicate: true, isMachine: false };
    throw error;
  }
}

/** applyEmailEvent inside the caller's transaction (the inbound path records the mail and its effects together). */
export async function applyEmailEventInTx(input: EventInput, tx: DbTx): Promise<ApplyResult> {
  if (input.dedupeKey) {
    const seen = await tx.emailEvent.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
    if (seen) return { applied: false, duplicate: true, isMachine: false };
  }
  const o = await tx.outreach.findUnique({ where: { id: input.outreachId }, select: eventOutreachSelect });
  if (!o) throw new AppError("not_found", "Message not found");
  const deliveredAt = o.deliveredAt ?? o.sentAt;
  const isMachine =
    input.kind === "open" ? isMachineOpen({ userAgent: input.userAgent, occurredAt: input.at, deliveredAt })
      : input.kind === "click" ? isMachineClick({ userAgent: input.userAgent, occurredAt: input.at, deliveredAt })
        : false;

  await tx.emailEvent.create({
    data: {
      outreachId: o.id, type: input.kind, dedupeKey: input.dedupeKey ?? null, url: input.url ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null, ip: input.ip ?? null, isMachine, occurredAt: input.at, metadata: input.metadata,
    },
  });

  const email = o.toEmail ?? o.person.email;
  const common = { actorId: input.actorId ?? null, eventId: o.eventId, personId: o.personId, accountId: o.accountId, entityType: "outreach", entityId: o.id };
  switch (input.kind) {
    case "delivered":
      if (!o.deliveredAt) await tx.outreach.update({ where: { id: o.id }, data: { deliveredAt: input.at } });
      break;
    case "open":
      if (isMachine) {
        await tx.outreach.update({ where: { id: o.id }, data: { machineOpenCount: { increment: 1 } } });
      } else {
        await tx.outreach.update({ where: { id: o.id }, data: { openCount: { increment: 1 }, openedAt: o.openedAt ?? input.at } });
        if (!o.openedAt) await recordActivity({ ...common, type: "outreach.opened", description: `${o.person.name} opened "${o.subject ?? "your message"}"` }, tx);
      }
      break;
    case "click":
      if (!isMachine) {
        await tx.outreach.update({ where: { id: o.id }, data: { clickCount: { increment: 1 }, clickedAt: o.clickedAt ?? input.at, openedAt: o.openedAt ?? input.at } });
        if (!o.clickedAt) {
          await recordActivity({ ...common, type: "outreach.clicked", description: `${o.person.name} clicked a link in "${o.subject ?? "your message"}"`, metadata: { url: input.url ?? null } }, tx);
          await notify({
            userId: o.ownerId, type: "click", title: `${o.person.name} clicked a link in your email`, body: o.subject ? `“${o.subject}”` : null,
            href: `/dashboard/outreach/${o.id}`, eventId: o.eventId, entityType: "outreach", entityId: o.id, dedupeKey: `click:${o.id}`,
          }, tx);
        }
      }
      break;
    case "bounce":
    case "dropped":
      if (input.kind === "bounce" || /bounc/i.test(JSON.stringify(input.metadata ?? ""))) {
        if (!o.bouncedAt) await tx.outreach.update({ where: { id: o.id }, data: { bouncedAt: input.at, failureReason: reasonOf(input.metadata) ?? "Bounced" } });
        if (email) await suppressAddress({ email, reason: "BOUNCED", source: input.source ?? "webhook", note: reasonOf(input.metadata) }, tx);
        await stopActiveEnrollments(o.personId, "bounced", input.at, tx);
        if (!o.bouncedAt) await recordActivity({ ...common, type: "outreach.bounced", description: `Email to ${o.person.name} bounced${email ? ` (${email} suppressed)` : ""}` }, tx);
      } else {
        await tx.outreach.update({ where: { id: o.id }, data: { failureReason: `Dropped by the provider: ${reasonOf(input.metadata) ?? "no reason given"}` } });
        await recordActivity({ ...common, type: "outreach.dropped", description: `Email to ${o.person.name} was dropped by the provider` }, tx);
      }
      break;
    case "spamreport":
      if (email) await suppressAddress({ email, reason: "SPAM_REPORT", source: input.source ?? "webhook" }, tx);
      await stopActiveEnrollments(o.personId, "spam_report", input.at, tx);
      await recordActivity({ ...common, type: "outreach.spam_reported", description: `${o.person.name} reported "${o.subject ?? "a message"}" as spam; address suppressed` }, tx);
      break;
    case "unsubscribe":
      if (!o.unsubscribedAt) await tx.outreach.update({ where: { id: o.id }, data: { unsubscribedAt: input.at } });
      if (email) await suppressAddress({ email, reason: "UNSUBSCRIBED", source: input.source ?? "link" }, tx);
      await stopActiveEnrollments(o.personId, "unsubscribed", input.at, tx);
      if (!o.unsubscribedAt) await recordActivity({ ...common, type: "outreach.unsubscribed", description: `${o.person.name} unsubscribed${email ? ` (${email})` : ""}` }, tx);
      break;
    case "reply":
      if (!o.repliedAt) await tx.outreach.update({ where: { id: o.id }, data: { repliedAt: input.at } });
      await stopActiveEnrollments(o.personId, "replied", input.at, tx);
      // A captured reply tells the rep itself (receive.ts, with the reply text); this is the reply marked by hand.
      if (input.source === "inbound") break;
      await notifyRep({
        userId: o.ownerId, actorId: input.actorId, type: "outreach.replied",
        description: `${o.person.name} replied to "${o.subject ?? "your message"}"`, title: `${o.person.name} replied`,
        fallbackBody: o.subject ? `Re: ${o.subject}` : null, link: `/dashboard/outreach/${o.id}`, dedupeKey: `reply:${o.id}:${input.at.toISOString()}`,
        eventId: o.eventId, personId: o.personId, accountId: o.accountId, outreachId: o.id, metadata: metadataRecord(input.metadata),
      }, tx);
      break;
    default:
      break;
  }
  return { applied: true, duplicate: false, isMachine };
}

function metadataRecord(metadata: Prisma.InputJsonValue | undefined): Record<string, Prisma.InputJsonValue> | undefined {
  return metadata && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Record<string, Prisma.InputJsonValue>) : undefined;
}

function reasonOf(metadata: Prisma.InputJsonValue | undefined): string | undefined {
  if (metadata && typeof metadata === "object" && !Array.isArray(metadata)) {
    const reason = (metadata as Record<string, unknown>).reason;
    if (typeof reason === "string") return reason.slice(0, 300);
  }
  return undefined;
}

// ───────────────────────────── tracking links ─────────────────────────────
//
// Anyone can fetch these URLs, so each costs as little as possible:
// - the token's signature is checked first, in memory: a forged or mangled token is answered
//   without touching the database (no row, no rate-limit counter);
// - a genuine token's hit is counted per client address and per token (RATE_LIMITS.tracking*);
//   beyond either limit the pixel and the redirect still work but nothing is recorded;

export type TrackingRequest = { userAgent: string | null; ip: string; now?: Date };

async function withinTrackingLimits(token: string, ip: string): Promise<boolean> {
  const tokenKey = createHash("sha256").update(token).digest("base64url").slice(0, 22);
  const [byIp, byToken] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.trackingPerIp, ip),
    consumeRateLimit(RATE_LIMITS.trackingPerToken, tokenKey),
  ]);
  return byIp.allowed && byToken.allowed;
}

/** The open pixel: records the open when the token is genuine; the image is served regardless. */
export async function recordOpen(token: string, request: TrackingRequest): Promise<{ recorded: boolean; isMachine?: boolean }> {
  const payload = verifyToken(token, "o");
  if (!payload) return { recorded: false };
  if (!(await withinTrackingLimits(token, request.ip))) return { recorded: false };
  const exists = await prisma.outreach.findUnique({ where: { id: payload.id }, select: { id: true, sentAt: true } });
  if (!exists?.sentAt) return { recorded: false };
  const result = await applyEmailEvent({ outreachId: payload.id, kind: "open", at: request.now ?? new Date(), userAgent: request.userAgent, ip: request.ip, source: "pixel" });
  return { recorded: result.applied, isMachine: result.isMachine };
}

/**
 * A click: the token must be genuine AND its URL must be one of the links written in that
 * message, so the redirect can never send someone to an address we did not send them.
 */
export async function resolveClick(token: string, request: TrackingRequest): Promise<string> {
  const payload = verifyToken(token, "c");
  if (!payload) throw new AppError("not_found", "This link is not valid");
  const o = await prisma.outreach.findUnique({ where: { id: payload.id }, select: { id: true, message: true, sentAt: true, owner: { select: { signature: true } } } });
  if (!o) throw new AppError("not_found", "This link is not valid");
  const allowed = extractLinks(`${o.message}\n${o.owner?.signature ?? ""}`);
  if (!allowed.includes(payload.u) || !/^https?:\/\//i.test(payload.u)) throw new AppError("not_found", "This link is not valid");
  if (o.sentAt && (await withinTrackingLimits(token, request.ip))) {
    await applyEmailEvent({ outreachId: o.id, kind: "click", at: request.now ?? new Date(), url: payload.u, userAgent: request.userAgent, ip: request.ip, source: "link" });
  }
  return payload.u;
}

// ───────────────────────────── unsubscribe ─────────────────────────────

export async function describeUnsubscribe(token: string) {
  const payload = verifyToken(token, "u");
  if (!payload) return null;
  const o = await prisma.outreach.findUnique({ where: { id: payload.id }, select: { id: true, toEmail: true, person: { select: { email: true } } } });
  if (!o) return null;
  const email = o.toEmail ?? o.person.email;
  if (!email) return null;
  const suppressed = await prisma.suppression.findUnique({ where: { email: email.toLowerCase() }, select: { reason: true } });
  return { email, alreadyUnsubscribed: Boolean(suppressed) };
}

/** Unsubscribes once: a repeat of a done unsubscribe writes nothing; a flood is refused. */
export async function unsubscribeByToken(token: string, source: "page" | "one-click", request: { ip: string; now?: Date }) {
  const payload = verifyToken(token, "u");
  if (!payload) throw new AppError("not_found", "This unsubscribe link is not valid");
  const o = await prisma.outreach.findUnique({ where: { id: payload.id }, select: { id: true, unsubscribedAt: true } });
  if (!o) throw new AppError("not_found", "This unsubscribe link is not valid");
  if (o.unsubscribedAt) return { unsubscribed: true };
  if (!(await withinTrackingLimits(token, request.ip))) {
    throw rateLimitedError("Too many unsubscribe requests from your network. Wait a minute and try again.", 60);
  }
  await applyEmailEvent({ outreachId: o.id, kind: "unsubscribe", at: request.now ?? new Date(), source, metadata: { via: source } });
  return { unsubscribed: true };
}

// ───────────────────────────── replies by hand ─────────────────────────────

export async function markReplied(outreachId: string, input: { note?: string; repliedAt?: string }, actor: Actor) {
  const o = inActorEvent(actor, "outreach", await prisma.outreach.findUnique({ where: { id: outreachId }, select: { id: true, eventId: true, sentAt: true, repliedAt: true, owner: { select: { id: true, name: true, email: true } } } }));
  assertCan(actor, "outreach", "markReplied", ownedBy(o.owner));
  if (!o.sentAt) throw new AppError("conflict", "Only a sent message can have a reply");
  if (o.repliedAt) throw new AppError("conflict", "This message is already marked as replied");
  await applyEmailEvent({
    outreachId: o.id, kind: "reply", at: input.repliedAt ? new Date(input.repliedAt) : new Date(), actorId: actor.id, source: "manual",
    metadata: { via: "manual", ...(input.note ? { note: input.note } : {}) },
  });
  return prisma.outreach.findUniqueOrThrow({ where: { id: o.id }, select: { id: true, repliedAt: true } });
}
