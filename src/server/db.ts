import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

export type Db = PrismaClient;
/** A client or an interactive transaction: services take one so callers can compose writes. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * One pg pool per process, shared by Prisma (through its driver adapter) and the job engine
 * (graphile-worker takes a pg Pool), so a worker inside the web server does not open a second set
 * of connections.
 */
export function createPool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: env().DATABASE_POOL_MAX });
  // An idle client that loses its connection (database restart) must not crash the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  pool.on("connect", (client) => client.on("error", (error) => logger.warn({ err: error }, "database connection lost")));
  return pool;
}

export function createPrismaClient(connectionString: string, pool = createPool(connectionString)) {
  const statementNameGenerator = env().DATABASE_PREPARED_STATEMENTS === "true" ? statementNamer() : undefined;
  // $disconnect() ends the pool too, so scripts exit promptly.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator }) });
}

/**
 * Prisma's statements are prepared once per connection (pg's named statements), so PostgreSQL
 * parses each once and, after a few runs, keeps its plan. Unnamed, the accounts list's page was
 * planned again on every request (1.2 ms of a 13-ms API call) and the person page's statement
 * ~1 ms; service ÷ raw SQL went from 1.6–2.0 to 0.9–1.35 (docs/PERFORMANCE.md, round 11).
 * - A name is a hash of the SQL text: pg refuses one name for two texts on a connection, and the
 *   pool outlives a module reload in development, so names must not depend on the order seen.
 * - A text is named the second time it runs, and at most PREPARED_STATEMENTS texts are: each
 *   connection keeps what it prepared until it closes, and generated SQL varies (list lengths,
 *   filter combinations), so one-off texts stay unnamed and the number stays bounded.
 * - Text searches (LIKE, ILIKE, pg_trgm's `<<%`) stay unnamed. Once PostgreSQL switches a named
 *   statement to its generic plan, that plan cannot see the pattern: a prefix ("nor%") no longer
 *   becomes a btree range, and a trigram match is costed without its text. Named, global search
 *   took 19–65 ms p50 against 15–16 unnamed (same minutes, large dataset).
 * - Through a transaction pooler they need protocol-level prepared statements (PgBouncer ≥ 1.21
 *   with max_prepared_statements); DATABASE_PREPARED_STATEMENTS=false turns them off.
 */
const PREPARED_STATEMENTS = 500;
/** How many texts seen once are remembered (then forgotten all at once, and counted again). */
const SEEN_ONCE_LIMIT = 5_000;
const PLANNED_BY_ITS_PATTERN = /\bI?LIKE\b|<<%/i;

function statementNamer() {
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  // pg runs a query without a name (undefined) as an unnamed statement, parsed and planned each time.
  return (query: { sql: string }): string => {
    const known = names.get(query.sql);
    if (known !== undefined || names.size >= PREPARED_STATEMENTS || PLANNED_BY_ITS_PATTERN.test(query.sql)) return known as string;
    if (!seenOnce.has(query.sql)) {
      if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear();
      seenOnce.add(query.sql);
      return undefined as unknown as string;
    }
    seenOnce.delete(query.sql);
    const name = `eventops_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 24)}`;
    names.set(query.sql, name);
    return name;
  };
}

// One client per process (Next.js dev reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

/** The process's pg pool (created with the Prisma client). */
export function pgPool(): pg.Pool {
  return (globalForPrisma.pgPool ??= createPool(env().DATABASE_URL));
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  // Lazy so that importing this module (e.g. during `next build`) never needs a database.
  get(_target, prop) {
    const client = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL, pgPool()));
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * One statement with parameters, prepared once per connection under `name` (parsed and planned
 * once, then only its values are sent), or unnamed when DATABASE_PREPARED_STATEMENTS=false (a
 * transaction pooler). Used where a request's bookkeeping must cost one short round trip: the
 * session lookup that counts the rate limit, and the rate limiter. As one multi-statement simple
 * query (BEGIN; SET LOCAL …; COMMIT) the session's bookkeeping took 0.58–0.79 ms a call, parsed
 * and planned each time; prepared, 0.15–0.22 ms (docs/PERFORMANCE.md, round 20).
 */
export async function preparedQuery<T extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<T[]> {
  const named = env().DATABASE_PREPARED_STATEMENTS === "true";
  return (await pgPool().query<T>({ ...(named ? { name } : {}), text, values })).rows;
}

/**
 * A condition that turns synchronous_commit off for the statement's own transaction (always
 * true): put it in the WHERE of a bookkeeping write, so the write's commit does not wait for
 * its WAL flush. set_config(…, true) lasts until the transaction ends, and a lone statement's
 * transaction commits after it, so this is `SET LOCAL synchronous_commit TO off` without a
 * transaction block, in one statement that can be prepared. A database crash can forget the
 * last fraction of a second of such writes (rate-limit counts), never corrupt them.
 */
export const ASYNC_COMMIT_CONDITION = "set_config('synchronous_commit', 'off', true) = 'off'";

/**
 * Runs `fn` in the caller's transaction when it passes one, else in a new one: a service that
 * takes an optional `db` can then be composed into a larger atomic write (the booth's offline
 * queue stores an operation's idempotency key in the same transaction as the operation).
 */
export function withTransaction<T>(db: DbTx | undefined, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return db ? fn(db) : prisma.$transaction(fn);
}

/**
 * Limits for a transaction over up to 500 selected records (the lists' bulk actions): Prisma's
 * default 5 s ran out on a busy 2-core server for a bulk delete of 500 accounts (the trash moves,
 * activity rows and rollup triggers), and a timed-out transaction answers the rep with a 500.
 */
export const BULK_WRITE_TX = { maxWait: 15_000, timeout: 60_000 };
