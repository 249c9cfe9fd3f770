import type { Role } from "@/generated/prisma/enums";
import { unstorableReason } from "@/lib/storable-text";
import { prisma } from "@/server/db";
import { extendSessionIfDue } from "@/server/users/session-lifetime";
import type { EventSummary } from "@/server/events/service";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  role: Role;
  lastEventId: string | null;
  /**
   * The event the user chose last (lastEventId) when it is still open, read in the same
   * statement as the session so resolving the actor costs no second round trip; null when that
   * event is gone or archived, undefined when it was not looked up (src/server/access/actor.ts).
   */
  currentEvent?: EventSummary | null;
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
  // Every request runs this: the session, its user and the user's current event in one statement.
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.expires, u.id, u.email, u.name, u.image, u.role::text AS role, u."lastEventId", u."disabledAt",
           e.id AS "eventId", e.name AS "eventName", e.slug AS "eventSlug", e."startDate" AS "eventStartDate",
           e."endDate" AS "eventEndDate", e.venue AS "eventVenue", e.city AS "eventCity",
           e."timeZone" AS "eventTimeZone", e."boothNumber" AS "eventBoothNumber"
      FROM sessions s
      JOIN users u ON u.id = s."userId"
      LEFT JOIN events e ON e.id = u."lastEventId" AND e."archivedAt" IS NULL
     WHERE s."sessionToken" = ${token}`;
  if (!row || row.expires <= now || row.disabledAt) return null;
  await extendSessionIfDue(token, row.expires, now);
  return {
    id: row.id, email: row.email, name: row.name, image: row.image, role: row.role, lastEventId: row.lastEventId,
    currentEvent: row.eventId === null ? null : {
      id: row.eventId, name: row.eventName!, slug: row.eventSlug!, startDate: row.eventStartDate!, endDate: row.eventEndDate!,
      venue: row.eventVenue, city: row.eventCity, timeZone: row.eventTimeZone!, boothNumber: row.eventBoothNumber,
    },
  };
}

type SessionRow = Omit<SessionUser, "currentEvent"> & {
  expires: Date;
  disabledAt: Date | null;
  eventId: string | null;
  eventName: string | null;
  eventSlug: string | null;
  eventStartDate: Date | null;
  eventEndDate: Date | null;
  eventVenue: string | null;
  eventCity: string | null;
  eventTimeZone: string | null;
  eventBoothNumber: string | null;
};
