import type { Role } from "@/generated/prisma/enums";
import { unstorableReason } from "@/lib/storable-text";
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

/**
 * The session token from a Cookie header. Any cookie may be malformed (`a=%E0` is not valid
 * percent-encoding): a value that does not decode is skipped, never an error, so a stray cookie
 * from another app on the same host cannot break every request.
 */
export function sessionTokenFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(SESSION_COOKIE_NAMES as readonly string[]).includes(name) || cookies.has(name)) continue;
    const value = decodeCookieValue(part.slice(eq + 1).trim());
    if (value) cookies.set(name, value);
  }
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

// Auth.js tokens are UUIDs; anything this long, or text the database cannot hold (NUL, a lone
// surrogate), is no session — looked up, it would only turn a forged cookie into a 500.
const MAX_SESSION_TOKEN_LENGTH = 512;

/**
 * The signed-in user for a session token, or null when it is unknown, expired or disabled.
 * Using a session keeps it alive (SESSION_IDLE_DAYS, session-lifetime.ts).
 */
export async function getUserBySessionToken(token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > MAX_SESSION_TOKEN_LENGTH || unstorableReason(token)) return null;
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
