import { describe, expect, it } from "vitest";
import { consumeRateLimit, reserveUnits } from "@/server/http/rate-limit";
import { prisma } from "@/server/db";

/** The counter is one simple query with an escaped key (src/server/http/rate-limit.ts). */
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
