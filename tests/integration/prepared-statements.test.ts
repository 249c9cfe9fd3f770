/**
 * Prisma's statements are prepared once per connection (src/server/db.ts): PostgreSQL keeps them,
 * each SQL text under one name from its second run, text searches stay unnamed, and
 * DATABASE_PREPARED_STATEMENTS=false runs them all unnamed. Each client names its own texts, so
 * what other test files ran in this worker does not matter.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db";
import { testDatabaseUrl } from "../helpers/test-db";

const opened: { $disconnect(): Promise<void> }[] = [];
afterEach(async () => {
  delete process.env.DATABASE_PREPARED_STATEMENTS;
  await Promise.all(opened.splice(0).map((db) => db.$disconnect()));
});

/** A client on one connection, so pg_prepared_statements (per session) shows what it prepared. */
function oneConnectionClient() {
  const db = createPrismaClient(testDatabaseUrl(), new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 }));
  opened.push(db);
  return db;
}

const ours = (db: ReturnType<typeof oneConnectionClient>) =>
  db.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'eventops\\_%'`;

describe("prepared statements", () => {
  it("prepares each statement once per connection, under a name that depends only on its text", async () => {
    const db = oneConnectionClient();
    await db.event.count(); // once: a text seen once stays unnamed
    await db.user.count();
    await db.user.count(); // named the second time it runs
    await db.user.count();
    const prepared = await ours(db);
    const counts = prepared.filter((p) => /count/i.test(p.statement));
    expect(counts.filter((p) => p.statement.includes('"users"'))).toHaveLength(1);
    expect(counts.filter((p) => p.statement.includes('"events"'))).toHaveLength(0);

    // Another client (another process, or the same one after a module reload) names it the same.
    const other = oneConnectionClient();
    await other.user.count();
    await other.user.count();
    const again = (await ours(other)).find((p) => p.statement.includes('"users"') && /count/i.test(p.statement));
    expect(again?.name).toBe(counts.find((p) => p.statement.includes('"users"'))?.name);
  });

  it("leaves text searches unnamed: their plans depend on the pattern", async () => {
    const db = oneConnectionClient();
    for (let run = 0; run < 3; run++) {
      await db.user.count({ where: { email: { contains: "maya", mode: "insensitive" } } });
      await db.$queryRaw`SELECT count(*) FROM users WHERE lower(email) LIKE ${"maya%"}`;
      await db.user.count();
    }
    const prepared = await ours(db);
    expect(prepared.filter((p) => /LIKE/i.test(p.statement)).map((p) => p.statement)).toEqual([]);
    expect(prepared.filter((p) => p.statement.includes('"users"'))).toHaveLength(1);
  });

  it("runs every statement unnamed when DATABASE_PREPARED_STATEMENTS=false", async () => {
    process.env.DATABASE_PREPARED_STATEMENTS = "false";
    const db = oneConnectionClient();
    for (let run = 0; run < 3; run++) await db.user.count();
    expect(await ours(db)).toEqual([]);
  });
});
