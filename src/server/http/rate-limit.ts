import { ASYNC_COMMIT_CONDITION, preparedQuery, prisma } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";

/**
 * A fixed-window limiter stored in Postgres, so every server instance (and every serverless
 * invocation) shares the same counters. One atomic upsert per request, one prepared statement
 * with synchronous_commit off (db.ts, ASYNC_COMMIT_CONDITION): every API request counts, and
 * waiting for the WAL flush on each of them cost more than the rest of a list request
 * (docs/PERFORMANCE.md). A database crash can forget the last fraction of a second of counts,
 * which a limiter can afford. Expired windows are pruned now and then.
 *
 * Two ways to count:
 * - consumeRateLimit: every call counts, refused ones too (a flood keeps itself refused);
 * - reserveUnits: a request that needs N units takes all N or none, so a request refused for
 *   asking too much (50 AI drafts with 30 left) does not use up what is left.
 */
export type RateLimitRule = { bucket: string; points: number; windowSeconds: number };

export const RATE_LIMITS = {
  get api(): RateLimitRule {
    return { bucket: "api", points: env().RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
  },
  /** Sign-in links per address (Auth.js signIn callback, src/server/users/sign-in-gate.ts). */
  signInPerAddress: { bucket: "signin-email", points: 5, windowSeconds: 600 },
  /** Sign-in links asked from one client address, whatever the addresses. */
  signInPerIp: { bucket: "signin-ip", points: 30, windowSeconds: 600 },
  export: { bucket: "export", points: 10, windowSeconds: 600 },
  /** Model calls and website crawls per user (src/server/ai/budget.ts): one unit each. */
  get ai(): RateLimitRule {
    return { bucket: "ai", points: env().AI_CALLS_PER_MINUTE, windowSeconds: 60 };
  },
  // Connecting or syncing a mailbox dials an outside server: a few per rep per 10 minutes.
  mailbox: { bucket: "mailbox", points: 10, windowSeconds: 600 },
  // Public booking writes (book, move, cancel, accept an offer), per client address.
  booking: { bucket: "booking", points: 10, windowSeconds: 600 },
  /** Tracking pixels, clicks and unsubscribes per client address (valid tokens only). */
  trackingPerIp: { bucket: "track-ip", points: 120, windowSeconds: 60 },
  /** Recorded hits per tracking token: a forwarded email opened a hundred times records 20. */
  trackingPerToken: { bucket: "track-token", points: 20, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = {
  allowed: boolean;
  /** Units counted in this window, this call included (for reserveUnits: only if it was granted). */
  used: number;
  remaining: number;
  retryAfterSeconds: number;
};

function windowOf(rule: RateLimitRule, subject: string, now: number) {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const expire = windowStart + windowMs;
  return { key: `${rule.bucket}:${subject}:${windowStart}`, windowStart, expire, retryAfterSeconds: Math.max(1, Math.ceil((expire - now) / 1000)) };
}

/**
 * Adds `units` to the window's counter and returns its new value; with `cap`, adds nothing (and
 * returns null) when the sum would pass it.
 */
async function addToCounter(key: string, units: number, expire: number, cap?: number): Promise<number | null> {
  const rows = cap === undefined
    ? await preparedQuery<{ points: number }>("eventops_rate_limit_add", addSql(""), [key, units, expire])
    : await preparedQuery<{ points: number }>("eventops_rate_limit_add_capped", addSql("WHERE rate_limits.points + $2 <= $4::integer"), [key, units, expire, cap]);
  return rows[0]?.points ?? null;
}

const addSql = (condition: string) => `INSERT INTO rate_limits (key, points, expire) SELECT $1::text, $2::integer, $3::bigint WHERE ${ASYNC_COMMIT_CONDITION}
  ON CONFLICT (key) DO UPDATE SET points = rate_limits.points + $2 ${condition}
  RETURNING points`;

async function pruneNowAndThen(now: number) {
  if (Math.random() < 0.01) await prisma.$executeRaw`DELETE FROM rate_limits WHERE expire < ${BigInt(now)}`;
}

export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<RateLimitResult> {
  const { key, expire, retryAfterSeconds } = windowOf(rule, subject, now);
  const used = (await addToCounter(key, 1, expire)) ?? 1;
  await pruneNowAndThen(now);
  return { allowed: used <= rule.points, used, remaining: Math.max(0, rule.points - used), retryAfterSeconds };
}

/** Takes `units` from the window only if they all fit; otherwise takes nothing. */
export async function reserveUnits(rule: RateLimitRule, subject: string, units: number, now = Date.now()): Promise<RateLimitResult> {
  const { key, expire, retryAfterSeconds } = windowOf(rule, subject, now);
  if (units > rule.points) return { allowed: false, used: 0, remaining: await remainingIn(key, rule), retryAfterSeconds };
  const used = await addToCounter(key, units, expire, rule.points);
  await pruneNowAndThen(now);
  if (used === null) return { allowed: false, used: 0, remaining: await remainingIn(key, rule), retryAfterSeconds };
  return { allowed: true, used, remaining: Math.max(0, rule.points - used), retryAfterSeconds };
}

async function remainingIn(key: string, rule: RateLimitRule): Promise<number> {
  const row = await prisma.rateLimit.findUnique({ where: { key }, select: { points: true } });
  return Math.max(0, rule.points - (row?.points ?? 0));
}

export function rateLimitedError(message: string, retryAfterSeconds: number, details?: unknown): AppError {
  return new AppError("rate_limited", message, details, { "Retry-After": String(retryAfterSeconds) });
}

export async function enforceRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  const result = await consumeRateLimit(rule, subject);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}

const tooManyRequests = (retryAfterSeconds: number) => rateLimitedError("Too many requests. Please slow down and try again shortly.", retryAfterSeconds);

/**
 * A signed-in user's counter for `rule` in this window, counted in the same statement as the
 * session lookup (users/session.ts): the key is `prefix + userId + suffix`, the same key
 * consumeRateLimit(rule, `user:${userId}`) counts, so both ways share one counter.
 */
export type UserCounter = { prefix: string; suffix: string; expire: number; retryAfterSeconds: number };

export function userCounter(rule: RateLimitRule, now = Date.now()): UserCounter {
  const { windowStart, expire, retryAfterSeconds } = windowOf(rule, "user", now);
  return { prefix: `${rule.bucket}:user:`, suffix: `:${windowStart}`, expire, retryAfterSeconds };
}

/** Refuses the request when the count the session's statement returned is over the rule. */
export async function enforceCounted(rule: RateLimitRule, counter: UserCounter, used: number, now = Date.now()): Promise<void> {
  await pruneNowAndThen(now);
  if (used > rule.points) throw tooManyRequests(counter.retryAfterSeconds);
}
