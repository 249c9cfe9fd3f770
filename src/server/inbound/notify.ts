import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import type { DbTx } from "@/server/db";
import { notify } from "@/server/notifications/service";

/**
 * The one way a rep is told that a reply came back for them — captured by the inbound path
 * (receive.ts) or marked by hand (tracking/events.ts): the activity on the person's timeline and
 * the feed (with the reply text when we have it), and the bell (notify(), which also mails the
 * rep per their notification preference; the rep who marked it themselves is not told). A captured
 * reply also shows as "new" on the message until its owner opens it (InboundMessage.readAt). All
 * in the caller's transaction, so a duplicate mail notifies nobody.
 */
export type RepNotice = {
  /** The rep to tell (the message's owner); null when the message has none. */
  userId: string | null;
  /** Who caused it (a rep marking the reply by hand); null for mail that came in by itself. */
  actorId?: string | null;
  type: "outreach.replied" | "outreach.removal_requested";
  description: string;
  /** Where the rep goes to act on it. */
  link: string;
  /** The bell's line, e.g. "Dana Reyes replied". */
  title: string;
  /** What they wrote (quoted history stripped); absent for a reply marked by hand. */
  replyText?: string;
  /** The bell's second line when there is no reply text. */
  fallbackBody?: string | null;
  inboundMessageId?: string;
  /** The same reply notifies once. */
  dedupeKey: string;
  eventId: string;
  personId: string | null;
  accountId: string | null;
  outreachId: string;
  metadata?: Record<string, Prisma.InputJsonValue>;
};

export async function notifyRep(notice: RepNotice, tx: DbTx) {
  const replyText = notice.replyText?.trim() ? notice.replyText : undefined;
  await recordActivity({
    type: notice.type,
    description: notice.description,
    actorId: notice.actorId ?? null,
    eventId: notice.eventId,
    personId: notice.personId,
    accountId: notice.accountId,
    entityType: "outreach",
    entityId: notice.outreachId,
    metadata: {
      ...notice.metadata, notifyUserId: notice.userId, link: notice.link,
      ...(replyText ? { replyText: replyText.slice(0, 2000) } : {}),
      ...(notice.inboundMessageId ? { inboundMessageId: notice.inboundMessageId } : {}),
    },
  }, tx);
  await notify({
    userId: notice.userId, actorId: notice.actorId, type: "reply", title: notice.title,
    body: replyText?.slice(0, 300) ?? notice.fallbackBody ?? null, href: notice.link,
    eventId: notice.eventId, entityType: "outreach", entityId: notice.outreachId, dedupeKey: notice.dedupeKey,
  }, tx);
}
