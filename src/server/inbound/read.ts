import type { Actor } from "@/server/access/actor";
import { prisma } from "@/server/db";
import { env, isDemoMode } from "@/server/env";

/**
 * What the app shows of mail that came back: the replies under a message (the outreach thread),
 * and which replies are new — a reply is new until the owner of the message opens it.
 */
const NOTIFYING = ["REPLY", "REMOVAL_REQUEST"] as const;

export async function listInboundForOutreach(outreachId: string) {
  const rows = await prisma.inboundMessage.findMany({
    where: { outreachId, kind: { not: "UNMATCHED" } },
    orderBy: { receivedAt: "asc" },
    select: {
      id: true, kind: true, source: true, fromEmail: true, fromName: true, subject: true, text: true, fullText: true, receivedAt: true, readAt: true,
      bounceType: true, bounceStatus: true, bounceDetail: true, returnAt: true, forwardedAt: true, forwardError: true,
      person: { select: { id: true, name: true } },
    },
  });
  return rows;
}

/** The owner opened the thread: its replies are no longer new. Nothing is written for anyone else. */
export async function markRepliesRead(outreachId: string, viewer: { id: string }, ownerId: string | null, now = new Date()) {
  if (!ownerId || viewer.id !== ownerId) return 0;
  const { count } = await prisma.inboundMessage.updateMany({ where: { outreachId, readAt: null, kind: { in: [...NOTIFYING] } }, data: { readAt: now } });
  return count;
}

/** Of these messages, the ones with a reply their owner has not opened yet. */
export async function outreachWithNewReplies(outreachIds: readonly string[]): Promise<Set<string>> {
  if (outreachIds.length === 0) return new Set();
  const rows = await prisma.inboundMessage.findMany({
    where: { outreachId: { in: [...outreachIds] }, readAt: null, kind: { in: [...NOTIFYING] } },
    distinct: ["outreachId"],
    select: { outreachId: true },
  });
  return new Set(rows.map((r) => r.outreachId!));
}

/** How many replies to the actor's messages in their event they have not opened yet. */
export async function countNewReplies(actor: Pick<Actor, "id" | "eventId">): Promise<number> {
  return prisma.inboundMessage.count({ where: { eventId: actor.eventId, readAt: null, kind: { in: [...NOTIFYING] }, outreach: { ownerId: actor.id } } });
}

/** How replies reach EventOps on this deployment, for Settings. */
export function replyCaptureStatus() {
  const config = env();
  return {
    inboundDomain: config.INBOUND_DOMAIN ?? null,
    inboundEndpointReady: Boolean(config.INBOUND_DOMAIN && config.INBOUND_PARSE_SECRET),
    demoMode: isDemoMode(config),
  };
}
