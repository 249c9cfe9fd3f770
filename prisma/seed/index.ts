/**
 * Seeds the demo world: Manifest 2026 (plus Manifest 2025 for the event switcher) for the
 * DEMO_TEAM. Generation is pure (generate.ts); this module only writes.
 *
 * - "demo" scale (~6k rows) goes through Prisma createMany in one transaction.
 * - "medium" and "large" scale (~600k rows) go through set-based SQL (write-sql.ts) in one transaction,
 *   then ANALYZE. By default the SQL runs on the PrismaClient you pass ($executeRawUnsafe), so
 *   no second connection string is needed; pass `databaseUrl` to use a dedicated `pg` client.
 *
 * seedDemo does not check that the database is empty: callers do (isDatabaseEmpty), and a
 * clash on a unique key rolls the whole seed back anyway.
 */
import pg from "pg";
import { seedShowResults } from "./show-results";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { generateDataset, DEFAULT_SEED } from "./generate";
import { countDataset, TABLE_ORDER, type SeedCounts, type SeedScale } from "./types";
import { writeWithPrisma } from "./write-prisma";
import { analyzeTables, type SqlRunner, type TableTiming } from "./write-sql";
import { writeWithCopies } from "./replicate";

export { generateDataset, SCALE_TARGETS, PAST_EVENT_TARGETS, DEFAULT_SEED } from "./generate";
export type { GenerateOptions, GeneratedSeed, EventTargets } from "./generate";
export { planTimeline, MANIFEST_2026, EVENT_TIME_ZONE } from "./timeline";
export { classifyTitle, tierForScore, TIER_BANDS } from "../../src/lib/personas";
export { normalizeName, domainFromName } from "./text";
export type { Dataset, SeedCounts, SeedScale } from "./types";

export interface SeedOptions {
  scale: SeedScale;
  /** The demo's "today". Defaults to the real now; dates are relative to it. */
  now?: Date;
  /** PRNG seed (default DEFAULT_SEED). */
  seed?: number;
  /** Large scale only: write through a dedicated pg client on this URL instead of `prisma`. */
  databaseUrl?: string;
  /**
   * SQL writer only: hold the main event's data this many times (1–10; the benchmark's xl set is
   * the large one × 10), copied in the database after the write (replicate.ts). Default 1.
   */
  times?: number;
  /** Progress lines (table timings); silent by default. */
  log?: (line: string) => void;
}

export interface SeededEvent {
  id: string;
  name: string;
  slug: string;
  startDate: string;
  endDate: string;
  /** True when the real dates were in the past and the event was moved (see timeline.ts). */
  relocated: boolean;
}

export interface SeedSummary {
  scale: SeedScale;
  seed: number;
  now: Date;
  events: SeededEvent[];
  counts: SeedCounts;
  totalRows: number;
  writer: "prisma" | "sql";
  timings: { generateMs: number; writeMs: number; analyzeMs: number; totalMs: number };
}

export async function seedDemo(prisma: PrismaClient, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? DEFAULT_SEED;
  const log = opts.log ?? (() => {});

  const { data, timeline } = generateDataset({ scale: opts.scale, now, seed });
  const generated = performance.now();
  log(`generated ${countRows(countDataset(data))} rows in ${ms(generated - started)}`);

  let analyzeMs = 0;
  const writer = opts.scale === "demo" ? "prisma" : "sql";
  const times = opts.times ?? 1;
  if (times !== 1 && writer !== "sql") throw new Error("times > 1 needs the large scale (the SQL writer)");
  const copiedRows = new Map<string, number>();
  const write = (run: SqlRunner, onTable: (t: TableTiming) => void) =>
    writeWithCopies(run, data, times, {
      onTable,
      onCopy: (t) => {
        copiedRows.set(t.table, t.rows);
        onTable({ ...t, table: `${t.table} (copies)` });
      },
    });
  if (writer === "prisma") {
    await writeWithPrisma(prisma, data);
  } else {
    const onTable = (t: TableTiming) => log(`  ${t.table.padEnd(22)} ${String(t.rows).padStart(7)} rows  ${ms(t.ms)}`);
    if (opts.databaseUrl) {
      analyzeMs = await withPgClient(opts.databaseUrl, async (run) => {
        await run.execute("BEGIN", []);
        try {
          await write(run, onTable);
          await run.execute("COMMIT", []);
        } catch (error) {
          await run.execute("ROLLBACK", []).catch(() => {});
          throw error;
        }
        return timeIt(() => analyzeTables(run));
      });
    } else {
      await prisma.$transaction((tx) => write(prismaRunner(tx), onTable), {
        maxWait: 30_000,
        timeout: 15 * 60_000,
      });
      analyzeMs = await timeIt(() => analyzeTables(prismaRunner(prisma)));
    }
  }
  const results = await seedShowResults(prisma, data, now, seed);
  log(`show results: ${results.costs} cost lines, ${results.opportunities} opportunities`);
  const written = performance.now();
  const counts = countDataset(data);
  for (const [key, table] of TABLE_ORDER) counts[key] += copiedRows.get(table) ?? 0;
  return {
    scale: opts.scale,
    seed,
    now,
    events: data.events.map((e, i) => {
      const plan = i === 0 ? timeline.main : timeline.past;
      return { id: e.id, name: e.name, slug: e.slug, startDate: plan.startDate, endDate: plan.endDate, relocated: plan.relocated };
    }),
    counts,
    totalRows: countRows(counts),
    writer,
    timings: {
      generateMs: Math.round(generated - started),
      writeMs: Math.round(written - generated - analyzeMs),
      analyzeMs: Math.round(analyzeMs),
      totalMs: Math.round(written - started),
    },
  };
}

/**
 * True when none of the tables the seed fills has a row. Checking all of them (not just users)
 * means a half-used database (say, events created by hand) is never mistaken for empty.
 */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const checks = await Promise.all([
    prisma.user.findFirst({ select: { id: true } }),
    prisma.event.findFirst({ select: { id: true } }),
    prisma.targetAccount.findFirst({ select: { id: true } }),
    prisma.person.findFirst({ select: { id: true } }),
    prisma.outreach.findFirst({ select: { id: true } }),
    prisma.activity.findFirst({ select: { id: true } }),
    prisma.suppression.findFirst({ select: { id: true } }),
  ]);
  return checks.every((row) => row === null);
}

/**
 * Empties every application table (all tables in the current schema except Prisma's migration
 * history). Listing them from the catalogue keeps this right as the schema grows.
 */
export async function resetDatabase(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  const tables = rows.map((r) => r.tablename);
  if (tables.length > 0) {
    await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }
  return tables;
}

type RawClient = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

function prismaRunner(client: RawClient): SqlRunner {
  return {
    execute: (sql, params) => client.$executeRawUnsafe(sql, ...params),
    query: <T>(sql: string, params: readonly unknown[]) => client.$queryRawUnsafe<T[]>(sql, ...params),
  };
}

async function withPgClient<T>(databaseUrl: string, fn: (run: SqlRunner) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn({
      execute: (sql, params) => client.query(sql, params as unknown[]),
      query: async <R>(sql: string, params: readonly unknown[]) => (await client.query(sql, params as unknown[])).rows as R[],
    });
  } finally {
    await client.end();
  }
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function countRows(counts: SeedCounts): number {
  return TABLE_ORDER.reduce((sum, [key]) => sum + counts[key], 0);
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
