/**
 * The benchmark's own database: an embedded PostgreSQL under .data/bench (wiped on every run
 * unless --reuse), migrated and filled with the large demo seed. Never the dev database, so a
 * benchmark cannot disturb anyone's demo data and always measures the same dataset.
 *
 * Each scale has its own data directory (.data/bench for large, .data/bench-xl for xl,
 * .data/bench-medium for the quick CI run), so `--reuse` keeps the seeded sets side by side. xl is the large seed's main event copied in
 * the database to ten times its size (prisma/seed/replicate.ts): same shape, so figures compare.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../../src/generated/prisma/client";
import { applyMigrations } from "../../../prisma/tooling/schema-engine";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "../../../prisma/seed/index";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../db/embedded";
import { installJobEngine } from "../../../src/server/jobs/install";
import { DEMO_EVENT_SLUG } from "../../../src/lib/demo-team";

export const BENCH_SCALES = ["medium", "large", "xl"] as const;
export type BenchScale = (typeof BENCH_SCALES)[number];

const SCALES: Record<BenchScale, { dir: string; seed: "medium" | "large"; times: number; description: string }> = {
  // The quick CI benchmark's (--ci): same generator, a fifth of large, seeded in seconds.
  medium: { dir: "bench-medium", seed: "medium", times: 1, description: "1,000 accounts, 5,000 people, 20,000 outreach, 40,000 activities" },
  large: { dir: "bench", seed: "large", times: 1, description: "5,000 accounts, 25,000 people, 100,000 outreach, 200,000 activities" },
  xl: { dir: "bench-xl", seed: "large", times: 10, description: "50,000 accounts, 250,000 people, 1,000,000 outreach, 2,000,000 activities" },
};

export function benchDataDir(scale: BenchScale): string {
  return path.resolve(import.meta.dirname, "../../../.data", SCALES[scale].dir);
}

/**
 * The mutating cases (import, sequences, booth sync) leave their rows in the database: 2,500 more
 * accounts per import, 10,300 people and a 10,300-enrollment sequence per sequences run, 20,000
 * newer activities. A --reuse run then measures a database that is no longer the seed, and a
 * growth table compares it with the other size as if it were (round 19 found the sequence page,
 * the research queue and a rep's feed measured that way). Which cases changed it since it was
 * seeded is kept next to it, and said wherever its figures are shown.
 */
const CHANGED_FILE = "changed-since-seed.json";

export function changedSinceSeed(scale: BenchScale): string[] {
  const file = path.join(benchDataDir(scale), CHANGED_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as string[]) : [];
}

/** Called before a mutating case runs on the database. */
export function markChangedBy(scale: BenchScale, caseName: string): void {
  const changed = changedSinceSeed(scale);
  if (!changed.includes(caseName)) writeFileSync(path.join(benchDataDir(scale), CHANGED_FILE), JSON.stringify([...changed, caseName]));
}

export interface BenchDatabase {
  url: string;
  server: EmbeddedPostgres;
  seed: SeedSummary | null;
  /** The mutating cases that ran on it since it was seeded (empty for a fresh seed). */
  changedBy: string[];
  /** Rows of the main event's big tables as they are in the database (also after --reuse). */
  counts: Record<string, number>;
  timings: { startMs: number; migrateMs: number; seedMs: number };
}

export async function prepareBenchDatabase(options: { reuse: boolean; scale: BenchScale; log: (line: string) => void }): Promise<BenchDatabase> {
  const dataDir = benchDataDir(options.scale);
  const scale = SCALES[options.scale];
  if (!options.reuse) rmSync(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), databaseName: "eventops_bench" });
  const t1 = performance.now();
  await applyMigrations(server.url);
  // The job engine's own schema, as the dev/start scripts install it (the sequences case runs workers).
  await installJobEngine(server.url);
  const t2 = performance.now();

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
  let seed: SeedSummary | null = null;
  let counts: Record<string, number>;
  // Read once: a fresh seed (the directory was just removed) has none.
  const changedBy = changedSinceSeed(options.scale);
  try {
    if (await isDatabaseEmpty(prisma)) {
      options.log(`seeding the ${options.scale} dataset (${scale.description})…`);
      seed = await seedDemo(prisma, { scale: scale.seed, times: scale.times, databaseUrl: server.url, log: (line) => options.log(`  ${line}`) });
      options.log(`seeded ${seed.totalRows.toLocaleString("en-US")} rows in ${(seed.timings.totalMs / 1000).toFixed(1)} s`);
    } else {
      options.log(`--reuse: the ${options.scale} bench database already has data; not seeding${changedBy.length ? ` (changed since its seed by the ${changedBy.join(", ")} case${changedBy.length === 1 ? "" : "s"}: not the seeded dataset)` : ""}`);
    }
    counts = await mainEventCounts(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const t3 = performance.now();
  return { url: server.url, server, seed, changedBy, counts, timings: { startMs: t1 - t0, migrateMs: t2 - t1, seedMs: t3 - t2 } };
}

async function mainEventCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  const [row] = await prisma.$queryRaw<Record<string, number>[]>`
    WITH e AS (SELECT id FROM events WHERE slug = ${DEMO_EVENT_SLUG})
    SELECT (SELECT count(*)::int FROM target_accounts WHERE "eventId" = (SELECT id FROM e)) AS accounts,
      (SELECT count(*)::int FROM people WHERE "eventId" = (SELECT id FROM e)) AS people,
      (SELECT count(*)::int FROM outreach WHERE "eventId" = (SELECT id FROM e)) AS outreach,
      (SELECT count(*)::int FROM email_events WHERE "eventId" = (SELECT id FROM e)) AS "emailEvents",
      (SELECT count(*)::int FROM meeting WHERE "eventId" = (SELECT id FROM e)) AS meetings,
      (SELECT count(*)::int FROM activities WHERE "eventId" = (SELECT id FROM e)) AS activities`;
  return row!;
}
