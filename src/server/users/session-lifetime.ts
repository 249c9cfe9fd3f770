import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { env, type Env } from "@/server/env";

/**
 * Sessions end after SESSION_IDLE_DAYS without use (default 7). Auth.js only slides a database
 * session's expiry when its own session endpoint is read, and our pages and API read the
 * sessions table directly (users/session.ts), so the slide happens here: a session used more
 * than a day after its last extension gets a fresh full lifetime (at most one write per
 * session per day).
 */
export type SessionLifetime = { maxAgeSeconds: number; updateAgeSeconds: number };

const DAY_SECONDS = 24 * 60 * 60;

export function sessionLifetime(config: Env = env()): SessionLifetime {
  const maxAgeSeconds = Math.round(config.SESSION_IDLE_DAYS * DAY_SECONDS);
  return { maxAgeSeconds, updateAgeSeconds: Math.min(DAY_SECONDS, Math.floor(maxAgeSeconds / 2)) };
}

/** Extends a live session that was last extended more than updateAge ago; returns the new expiry. */
export async function extendSessionIfDue(sessionToken: string, expires: Date, now = new Date(), db: DbTx = prisma): Promise<Date> {
  const { maxAgeSeconds, updateAgeSeconds } = sessionLifetime();
  const lastExtendedAt = expires.getTime() - maxAgeSeconds * 1000;
  if (now.getTime() - lastExtendedAt < updateAgeSeconds * 1000) return expires;
  const next = new Date(now.getTime() + maxAgeSeconds * 1000);
  await db.session.updateMany({ where: { sessionToken, expires }, data: { expires: next } });
  return next;
}

export async function recordSignIn(input: { userId: string; email: string; provider: string; isNewUser: boolean; ip: string }): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { name: true } });
  const who = user?.name ?? input.email;
  const how = input.provider === "google" ? "with Google" : "with an email link";
  await recordActivity({
    type: "auth.signed_in",
    description: input.isNewUser ? `${who} joined the team and signed in ${how}` : `${who} signed in ${how}`,
    actorId: input.userId,
    entityType: "user",
    entityId: input.userId,
    metadata: { provider: input.provider, ip: input.ip, firstTime: input.isNewUser },
  });
}

export async function recordSignOut(userId: string, ip: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  if (!user) return;
  await recordActivity({ type: "auth.signed_out", description: `${user.name ?? user.email} signed out`, actorId: userId, entityType: "user", entityId: userId, metadata: { ip } });
}
