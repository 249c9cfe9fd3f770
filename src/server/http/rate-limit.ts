import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";

/**
 * A fixed-window limiter stored in Postgres, so every server instance (and every serverless
 * invocation) shares the same counters. One atomic upsert per request; expired windows are
 * pruned now and then.
 */
export type RateLimitRule = { bucket: string; points: number; windowSeconds: number };

export const RATE_LIMITS = {
  api: { bucket: "api", points: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 100), windowSeconds: 60 },
  signInEmail: { bucket: "signin-email", points: 5, windowSeconds: 600 },
  export: { bucket: "export", points: 10, windowSeconds: 600 },
  ai: { bucket: "ai", points: 30, windowSeconds: 60 },
  // Public booking writes (book, move, cancel, accept an offer), per client address.
  booking: { bucket: "booking", points: 10, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const expire = windowStart + windowMs;
  const key = `${rule.bucket}:${subject}:${windowStart}`;
  const rows = await prisma.$queryRaw<{ points: number }[]>`
    INSERT INTO rate_limits (key, points, expire) VALUES (${key}, 1, ${BigInt(expire)})
    ON CONFLICT (key) DO UPDATE SET points = rate_limits.points + 1
    RETURNING points`;
  const used = rows[0]?.points ?? 1;
  if (Math.random() < 0.01) {
    await prisma.$executeRaw`DELETE FROM rate_limits WHERE expire < ${BigInt(now)}`;
  }
  return {
    allowed: used <= rule.points,
    remaining: Math.max(0, rule.points - used),
    retryAfterSeconds: Math.max(1, Math.ceil((expire - now) / 1000)),
  };
}

export async function enforceRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  const result = await consumeRateLimit(rule, subject);
  if (!result.allowed) {
    throw new AppError("rate_limited", "Too many requests. Please slow down and try again shortly.", undefined, {
      "Retry-After": String(result.retryAfterSeconds),
    });
  }
}
