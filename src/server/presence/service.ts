/**
 * Team presence: each signed-in tab sends a heartbeat every ~30 s with the page it shows and,
 * on a record page, the record. One row per user (the latest place they are); a user is online
 * while their heartbeat is younger than ONLINE_WINDOW_MS.
 *
 * The header sends the page path without a record while a detail page also sends the record;
 * so a heartbeat without a record keeps the record the row already has for the same path, and
 * the two never flip the row back and forth.
 */
import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { isAppPath } from "@/lib/safe-links";

const ONLINE_WINDOW_MS = 2 * 60 * 1000;

const entityTypes = z.enum(["account", "person", "meeting", "outreach", "sequence", "report", "page"]);

// The path is shown to teammates as a link, so it must be a page of the app (never another site).
export const heartbeatBody = z.strictObject({
  path: z.string().max(300).refine(isAppPath, "Send the path of a page under /dashboard"),
  entityType: entityTypes.optional(),
  entityId: z.string().min(1).max(64).optional(),
});
export type HeartbeatBody = z.infer<typeof heartbeatBody>;

export const presenceQuery = z.object({
  entityType: entityTypes.optional(),
  entityId: z.string().min(1).max(64).optional(),
  path: z.string().min(1).max(300).optional(),
});
export type PresenceQuery = z.infer<typeof presenceQuery>;

export type OnlineUser = { userId: string; name: string | null; email: string; image: string | null; path: string; entityType: string | null; entityId: string | null; lastSeenAt: Date; isMe: boolean };

export async function recordHeartbeat(userId: string, body: HeartbeatBody, now = new Date(), db: DbTx = prisma) {
  const entityType = body.entityId ? (body.entityType ?? null) : null;
  const entityId = entityType ? (body.entityId ?? null) : null;
  await db.$executeRaw`
    INSERT INTO presence ("userId", path, "entityType", "entityId", "lastSeenAt")
    VALUES (${userId}, ${body.path}, ${entityType}, ${entityId}, ${now})
    ON CONFLICT ("userId") DO UPDATE SET
      path = EXCLUDED.path,
      "lastSeenAt" = EXCLUDED."lastSeenAt",
      "entityType" = CASE WHEN EXCLUDED."entityType" IS NULL AND presence.path = EXCLUDED.path THEN presence."entityType" ELSE EXCLUDED."entityType" END,
      "entityId" = CASE WHEN EXCLUDED."entityType" IS NULL AND presence.path = EXCLUDED.path THEN presence."entityId" ELSE EXCLUDED."entityId" END`;
}

/** Who is online (optionally only those on one record or one page), most recent first. */
export async function listOnline(viewerId: string, query: PresenceQuery = {}, now = new Date(), db: DbTx = prisma): Promise<OnlineUser[]> {
  const rows = await db.presence.findMany({
    where: {
      lastSeenAt: { gte: new Date(now.getTime() - ONLINE_WINDOW_MS) },
      user: { disabledAt: null },
      ...(query.entityType && query.entityId ? { entityType: query.entityType, entityId: query.entityId } : {}),
      ...(query.path ? { path: query.path } : {}),
    },
    orderBy: { lastSeenAt: "desc" },
    select: { userId: true, path: true, entityType: true, entityId: true, lastSeenAt: true, user: { select: { name: true, email: true, image: true } } },
  });
  return rows.map(({ user, ...r }) => ({ ...r, ...user, isMe: r.userId === viewerId }));
}

/** Heartbeat and answer in one round trip: the client learns who else is here. */
export async function heartbeatAndList(userId: string, body: HeartbeatBody, db: DbTx = prisma) {
  const now = new Date();
  await recordHeartbeat(userId, body, now, db);
  const query: PresenceQuery = body.entityType && body.entityId ? { entityType: body.entityType, entityId: body.entityId } : { path: body.path };
  return { online: await listOnline(userId, query, now, db) };
}
