import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import type { DbTx } from "@/server/db";

/**
 * Telling a rep that something came back for them. Today that is the activity on the
 * person's timeline and the feed (with the reply text), plus the "new" mark on the message
 * until its owner opens it (InboundMessage.readAt); a notification bell can be added here
 * without touching the callers.
 */
export type RepNotice = {
  /** The rep to tell (the message's owner); null when the message has none. */
  userId: string | null;
  type: "outreach.replied" | "outreach.removal_requested";
  description: string;
  /** Where the rep goes to act on it. */
  link: string;
  replyText: string;
  inboundMessageId: string;
  eventId: string;
  personId: string | null;
  accountId: string | null;
  outreachId: string;
  metadata?: Record<string, Prisma.InputJsonValue>;
};

export async function notifyRep(notice: RepNotice, tx: DbTx) {
  await recordActivity({
    type: notice.type,
    description: notice.description,
    eventId: notice.eventId,
    personId: notice.personId,
    accountId: notice.accountId,
    entityType: "outreach",
    entityId: notice.outreachId,
    metadata: { ...notice.metadata, notifyUserId: notice.userId, link: notice.link, replyText: notice.replyText.slice(0, 2000), inboundMessageId: notice.inboundMessageId },
  }, tx);
}
