import type { Role } from "@/generated/prisma/enums";
import { prisma } from "@/server/db";
import { extendSessionIfDue } from "@/server/users/session-lifetime";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  role: Role;
  lastEventId: string | null;
};

// Auth.js database sessions: the cookie holds the session token, the `sessions` table the rest.
// The secure name is used when the site is served over https.
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionTokenFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

/**
 * The signed-in user for a session token, or null when it is unknown, expired or disabled.
 * Using a session keeps it alive (SESSION_IDLE_DAYS, session-lifetime.ts).
 */
export async function getUserBySessionToken(token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken: token },
    select: {
      expires: true,
      user: { select: { id: true, email: true, name: true, image: true, role: true, lastEventId: true, disabledAt: true } },
    },
  });
  if (!session || session.expires <= now || session.user.disabledAt) return null;
  await extendSessionIfDue(token, session.expires, now);
  const { disabledAt: _disabled, ...user } = session.user;
  return user;
}
