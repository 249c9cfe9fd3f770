import type { Role } from "@/generated/prisma/enums";
import { unstorableReason } from "@/lib/storable-text";
import { ASYNC_COMMIT_CONDITION, preparedQuery } from "@/server/db";
import type { UserCounter } from "@/server/http/rate-limit";
import { extendSessionIfDue } from "@/server/users/session-lifetime";
import { currentEventOrderSql } from "@/server/events/current-event";
import type { EventSummary } from "@/server/events/service";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  role: Role;
  lastEventId: string | null;
  /**
   * The event the user works in (the one they chose last while it is open, else the fallback:
   * events/current-event.ts), read in the same statement as the session so
   * resolving the actor costs no second round trip; null when no event is open, undefined when
   * it was not looked up (src/server/access/actor.ts).
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
 *
 * With `counter` (API requests, src/server/http/route.ts), the same round trip also counts the
 * request against the user's rate limit, and `counted` is the window's count with it: session,
 * user, current event and the counter in one prepared statement, with synchronous_commit off for
 * its counter (db.ts, ASYNC_COMMIT_CONDITION), where they were two round trips. Each round trip
 * costs the server ~0.3 ms of CPU in system calls alone on the 2-core machine
 * (docs/PERFORMANCE.md, round 10). Only a live session of an enabled user is counted; anything
 * else is counted by the caller as before (by client address).
 */
export async function getUserBySessionToken(token: string | undefined, now = new Date(), counter?: UserCounter): Promise<(SessionUser & { counted?: number }) | null> {
  if (!token || token.length > MAX_SESSION_TOKEN_LENGTH || unstorableReason(token)) return null;
  const row = await readSession(token, now, counter);
  if (!row || row.expires <= now || row.disabledAt) return null;
  await extendSessionIfDue(token, row.expires, now);
  return {
    id: row.id, email: row.email, name: row.name, image: row.image, role: row.role, lastEventId: row.lastEventId,
    currentEvent: row.eventId === null ? null : {
      id: row.eventId, name: row.eventName!, slug: row.eventSlug!, startDate: row.eventStartDate!, endDate: row.eventEndDate!,
      venue: row.eventVenue, city: row.eventCity, timeZone: row.eventTimeZone!, boothNumber: row.eventBoothNumber,
    },
    ...(counter && row.counted !== null ? { counted: row.counted } : {}),
  };
}

/**
 * Two prepared statements (db.ts, preparedQuery): the session alone, and the session with its
 * counter. Times are read as UTC instants (timestamp columns AT TIME ZONE 'UTC'), as Prisma
 * reads them. Parameters: $1 the token, $2 today's UTC date; with the counter, $3 now, $4 and
 * $5 the key's parts around the user id, $6 the window's expiry.
 */
async function readSession(token: string, now: Date, counter?: UserCounter): Promise<SessionRow | null> {
  const today = now.toISOString().slice(0, 10);
  const rows = counter
    ? await preparedQuery<SessionRow>("eventops_session_counted", SESSION_COUNTED_SQL, [token, today, now.toISOString(), counter.prefix, counter.suffix, counter.expire])
    : await preparedQuery<SessionRow>("eventops_session", SESSION_SQL, [token, today]);
  return rows[0] ?? null;
}

const SESSION_SQL = `SELECT s.expires AT TIME ZONE 'UTC' AS expires, u.id, u.email, u.name, u.image, u.role::text AS role, u."lastEventId", u."disabledAt" IS NOT NULL AS "disabledAt",
           e.id AS "eventId", e.name AS "eventName", e.slug AS "eventSlug", e."startDate"::timestamp AT TIME ZONE 'UTC' AS "eventStartDate",
           e."endDate"::timestamp AT TIME ZONE 'UTC' AS "eventEndDate", e.venue AS "eventVenue", e.city AS "eventCity",
           e."timeZone" AS "eventTimeZone", e."boothNumber" AS "eventBoothNumber"
      FROM sessions s
      JOIN users u ON u.id = s."userId"
      LEFT JOIN LATERAL (
        SELECT * FROM events e WHERE e."archivedAt" IS NULL ORDER BY ${currentEventOrderSql('u."lastEventId"', "$2::date")} LIMIT 1
      ) e ON true
     WHERE s."sessionToken" = $1::text`;

const SESSION_COUNTED_SQL = `WITH found AS (${SESSION_SQL}),
     counted AS (
       INSERT INTO rate_limits (key, points, expire)
       SELECT $4::text || found.id || $5::text, 1, $6::bigint FROM found
        WHERE found.expires > $3::timestamptz AND NOT found."disabledAt" AND ${ASYNC_COMMIT_CONDITION}
       ON CONFLICT (key) DO UPDATE SET points = rate_limits.points + 1
       RETURNING points)
     SELECT found.*, (SELECT points FROM counted) AS counted FROM found`;

type SessionRow = Omit<SessionUser, "currentEvent"> & {
  expires: Date;
  disabledAt: boolean;
  /** The rate-limit window's count with this request (only when a counter was asked for and the session is live). */
  counted: number | null;
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
