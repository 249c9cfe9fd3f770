/**
 * tsx prisma/seed/cli.ts [--scale=demo|large] [--reset] [--now=<ISO date>] [--seed=<n>]
 *
 * Seeds the database at DATABASE_URL. Refuses a database that already has data unless --reset
 * is given (which empties every application table first), so a stray run can never mix demo
 * rows into real ones.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { isDatabaseEmpty, resetDatabase, seedDemo, type SeedSummary } from "./index";
import type { SeedScale } from "./types";

interface CliOptions {
  scale: SeedScale;
  reset: boolean;
  now?: Date;
  seed?: number;
}

const USAGE = "usage: tsx prisma/seed/cli.ts [--scale=demo|large] [--reset] [--now=2026-01-20T17:00:00Z] [--seed=42]";

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { scale: "demo", reset: false };
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--reset" && value === undefined) options.reset = true;
    else if (flag === "--scale" && (value === "demo" || value === "large")) options.scale = value;
    else if (flag === "--large" && value === undefined) options.scale = "large";
    else if (flag === "--now" && value && !Number.isNaN(Date.parse(value))) options.now = new Date(value);
    else if (flag === "--seed" && value && /^\d+$/.test(value)) options.seed = Number(value);
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown or malformed argument: ${arg}`);
  }
  return options;
}

class UsageError extends Error {}

function printSummary(summary: SeedSummary): void {
  const lines = [
    `Seeded ${summary.scale} scale (seed ${summary.seed}, now ${summary.now.toISOString()}) via ${summary.writer}`,
    ...summary.events.map(
      (e) => `  event ${e.name} [${e.slug}] ${e.startDate} → ${e.endDate}${e.relocated ? " (moved: real dates are past)" : ""}`,
    ),
    ...Object.entries(summary.counts).map(([table, count]) => `  ${table.padEnd(16)} ${count.toLocaleString("en-US").padStart(9)}`),
    `  ${"total".padEnd(16)} ${summary.totalRows.toLocaleString("en-US").padStart(9)} rows`,
    `  generate ${summary.timings.generateMs} ms · write ${summary.timings.writeMs} ms · analyze ${summary.timings.analyzeMs} ms · total ${(summary.timings.totalMs / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join("\n"));
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Point it at the database to seed (migrations applied).");
    return 1;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (options.reset) {
      const tables = await resetDatabase(prisma);
      console.log(`Reset: emptied ${tables.length} tables.`);
    } else if (!(await isDatabaseEmpty(prisma))) {
      console.error(
        "Refusing to seed: the database already has data (users, events, accounts …).\n" +
          "Run again with --reset to empty every application table first. This deletes all existing data.",
      );
      return 1;
    }
    const summary = await seedDemo(prisma, {
      scale: options.scale,
      now: options.now,
      seed: options.seed,
      // The large path is faster on its own pg connection than through the Prisma adapter.
      databaseUrl: options.scale === "large" ? url : undefined,
      log: (line) => console.log(line),
    });
    printSummary(summary);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Seed failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
