/**
 * The benchmark's own database: an embedded PostgreSQL under .data/bench (wiped on every run
 * unless --reuse), migrated and filled with the large demo seed. Never the dev database, so a
 * benchmark cannot disturb anyone's demo data and always measures the same dataset.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../../src/generated/prisma/client";
import { applyMigrations } from "../../../prisma/tooling/schema-engine";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "../../../prisma/seed/index";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../db/embedded";
import { installJobEngine } from "../../../src/server/jobs/install";

export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "../../../.data/bench");

export interface BenchDatabase {
  url: string;
  server: EmbeddedPostgres;
  seed: SeedSummary | null;
  timings: { startMs: number; migrateMs: number; seedMs: number };
}

export async function prepareBenchDatabase(options: { reuse: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  if (!options.reuse) rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
  const t0 = performance.now();
  const server = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DATA_DIR, "pg"), databaseName: "eventops_bench" });
  const t1 = performance.now();
  await applyMigrations(server.url);
  // The job engine's own schema, as the dev/start scripts install it (the sequences case runs workers).
  await installJobEngine(server.url);
  const t2 = performance.now();

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
  let seed: SeedSummary | null = null;
  try {
    if (await isDatabaseEmpty(prisma)) {
      options.log("seeding the large dataset (5,000 accounts, 25,000 people, 100,000 outreach, 200,000 activities)…");
      seed = await seedDemo(prisma, { scale: "large", databaseUrl: server.url });
      options.log(`seeded ${seed.totalRows.toLocaleString("en-US")} rows in ${(seed.timings.totalMs / 1000).toFixed(1)} s`);
    } else {
      options.log("--reuse: the bench database already has data; not seeding (mutating cases may have changed it)");
    }
  } finally {
    await prisma.$disconnect();
  }
  const t3 = performance.now();
  return { url: server.url, server, seed, timings: { startMs: t1 - t0, migrateMs: t2 - t1, seedMs: t3 - t2 } };
}
