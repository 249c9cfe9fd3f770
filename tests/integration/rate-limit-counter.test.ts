import { afterEach, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { consumeRateLimit, reserveUnits, userCounter } from "@/server/http/rate-limit";
import { getUserBySessionToken } from "@/server/users/session";
import { pgPool, prisma } from "@/server/db";
import { env } from "@/server/env";
import { createSession, createUser } from "../helpers/factories";

/** The counter is one prepared statement; the key is a parameter (src/server/http/rate-limit.ts). */
describe("rate limit counter", () => {
  it("counts a subject with quotes and backslashes as itself, and only itself", async () => {
    const rule = { bucket: `test-${Date.now()}`, points: 2, windowSeconds: 60 };
    const subject = `o'brien\\'); DELETE FROM rate_limits; --@example.test`;
    // One instant for every call: on a loaded machine real calls could straddle a minute boundary
    // and land in two windows.
    const now = Date.now();
    expect((await consumeRateLimit(rule, subject, now)).used).toBe(1);
    expect((await consumeRateLimit(rule, subject, now)).used).toBe(2);
    const third = await consumeRateLimit(rule, subject, now);
    expect(third).toMatchObject({ allowed: false, used: 3, remaining: 0 });
    expect((await consumeRateLimit(rule, "someone-else", now)).used).toBe(1);
    const rows = await prisma.rateLimit.findMany({ where: { key: { startsWith: `${rule.bucket}:` } }, select: { key: true, points: true } });
    expect(rows.map((r) => [r.key.split(":").slice(1, -1).join(":"), r.points]).sort()).toEqual([[`${subject}`, 3], ["someone-else", 1]].sort());
  });

  it("reserves all units or none, and a refused reservation leaves the counter as it was", async () => {
    const rule = { bucket: `test-units-${Date.now()}`, points: 10, windowSeconds: 60 };
    const now = Date.now();
    expect(await reserveUnits(rule, "rep", 7, now)).toMatchObject({ allowed: true, used: 7, remaining: 3 });
    expect(await reserveUnits(rule, "rep", 4, now)).toMatchObject({ allowed: false, used: 0, remaining: 3 });
    expect(await reserveUnits(rule, "rep", 3, now)).toMatchObject({ allowed: true, used: 10, remaining: 0 });
    expect(await reserveUnits(rule, "rep", 11, now)).toMatchObject({ allowed: false, remaining: 0 });
  });
});

/** API requests count in the session's own statement (users/session.ts, route.ts). */
describe("rate limit counted with the session", () => {
  it("shares one counter with consumeRateLimit for the same user and window", async () => {
    const rule = { bucket: `with-session-${Date.now()}`, points: 3, windowSeconds: 60 };
    const user = await createUser();
    const { sessionToken } = await createSession(user.id);
    const now = Date.now();
    expect((await getUserBySessionToken(sessionToken, new Date(now), userCounter(rule, now)))?.counted).toBe(1);
    expect((await consumeRateLimit(rule, `user:${user.id}`, now)).used).toBe(2);
    expect((await getUserBySessionToken(sessionToken, new Date(now), userCounter(rule, now)))?.counted).toBe(3);
    // Only this user's counter moved.
    const rows = await prisma.rateLimit.findMany({ where: { key: { startsWith: `${rule.bucket}:` } }, select: { key: true, points: true } });
    expect(rows).toEqual([{ key: `${rule.bucket}:user:${user.id}:${Math.floor(now / 60_000) * 60_000}`, points: 3 }]);
  });

  it("counts nothing for an expired session, a removed user or a forged token, and a quote in a token is only text", async () => {
    const rule = { bucket: `no-session-${Date.now()}`, points: 3, windowSeconds: 60 };
    const user = await createUser();
    const expired = await createSession(user.id, new Date(Date.now() - 1000));
    expect(await getUserBySessionToken(expired.sessionToken, new Date(), userCounter(rule))).toBeNull();
    const removed = await createUser();
    const live = await createSession(removed.id);
    await prisma.user.update({ where: { id: removed.id }, data: { disabledAt: new Date() } });
    expect(await getUserBySessionToken(live.sessionToken, new Date(), userCounter(rule))).toBeNull();
    expect(await getUserBySessionToken(`x' OR '1'='1`, new Date(), userCounter(rule))).toBeNull();
    expect(await getUserBySessionToken(`\\'); DELETE FROM rate_limits; --`, new Date(), userCounter(rule))).toBeNull();
    expect(await prisma.rateLimit.count({ where: { key: { startsWith: `${rule.bucket}:` } } })).toBe(0);
    expect(await prisma.session.count({ where: { sessionToken: live.sessionToken } })).toBe(1);
  });
});

/**
 * The counting statements are prepared (named), and each turns synchronous_commit off for its own
 * transaction only (db.ts, ASYNC_COMMIT_CONDITION). Each captured statement is run again inside a
 * transaction, where the setting can be read after it: a condition PostgreSQL never evaluates (in
 * an unused CTE, after a false AND) would leave it on, and the API's every request would wait for
 * a WAL flush again.
 */
describe("the counters' commits", () => {
  afterEach(() => vi.restoreAllMocks());

  async function captured(run: () => Promise<unknown>): Promise<{ name?: string; text: string; values: unknown[] }[]> {
    const spy = vi.spyOn(pgPool(), "query");
    await run();
    return spy.mock.calls.map(([config]) => config as unknown as { name?: string; text: string; values: unknown[] }).filter((c) => typeof c === "object" && /rate_limits/.test(c.text));
  }

  async function settingAfter(statement: { text: string; values: unknown[] }): Promise<{ inside: string; after: string }> {
    const client: pg.PoolClient = await pgPool().connect();
    try {
      // The test cluster runs with synchronous_commit off (fsync off too): this connection turns
      // it on, as a production database has it, so the statement's own change can be seen.
      await client.query("SET synchronous_commit TO on");
      await client.query("BEGIN");
      await client.query(statement.text, statement.values);
      const inside = (await client.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s")).rows[0].s;
      await client.query("COMMIT");
      const after = (await client.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s")).rows[0].s;
      return { inside, after };
    } finally {
      await client.query("RESET synchronous_commit");
      client.release();
    }
  }

  it("each counting statement is prepared and commits without waiting for its WAL flush; the next transaction waits again", async () => {
    const rule = { bucket: `async-${Date.now()}`, points: 100, windowSeconds: 60 };
    const user = await createUser();
    const { sessionToken } = await createSession(user.id);
    const now = Date.now();
    const statements = await captured(async () => {
      await consumeRateLimit(rule, "rep", now);
      await reserveUnits(rule, "rep", 2, now);
      await getUserBySessionToken(sessionToken, new Date(now), userCounter(rule, now));
    });
    expect(statements).toHaveLength(3);
    for (const statement of statements) {
      // Unnamed (parsed each time) only where a transaction pooler needs it.
      if (env().DATABASE_PREPARED_STATEMENTS === "true") expect(statement.name).toMatch(/^eventops_/);
      else expect(statement.name).toBeUndefined();
      expect(await settingAfter(statement)).toEqual({ inside: "off", after: "on" });
    }
    // The replays counted too: 1 + 2 + 1, then each statement once more.
    const rows = await prisma.rateLimit.findMany({ where: { key: { startsWith: `${rule.bucket}:` } }, select: { points: true } });
    expect(rows.reduce((sum, r) => sum + r.points, 0)).toBe(8);
  });
});
