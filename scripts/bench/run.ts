/**
 * npm run bench [-- --only=services,export] [--skip=lighthouse] [--reuse] [--quick] [--no-write] [--ci]
 *
 * --ci is the quick benchmark the test command runs in CI (scripts/test.ts): the services case
 * unless --only says otherwise, --quick, nothing written; ratio budgets (service ÷ raw SQL) are
 * enforced as they are and absolute budgets at 3× (÷3 for throughput) to absorb a shared
 * runner's noise, so a real regression still fails the build. The table says which is which.
 *
 * Builds the large demo dataset in its own embedded PostgreSQL (.data/bench), then runs each
 * benchmark case against it through the same service code the routes use, prints one table and
 * writes bench/results.json (the previous run is kept as bench/results.previous.json and shown in
 * the table's last column). Read-only cases run first, the ones that change data (import,
 * sequence run) last, so every read sees the seeded dataset. Exits 1 when a budget is missed,
 * after writing the results.
 */
import pg from "pg";
import { DEMO_EVENT_SLUG } from "../../src/lib/demo-team";
import { runBenchCleanups } from "./lib/cleanup";
import { prepareBenchDatabase } from "./lib/database";
import { budgetPasses, ciBudget, machineFacts, readPrevious, renderTable, writeReport, type BenchReport } from "./lib/report";
import type { BenchCase, BenchContext, BenchResult } from "./lib/types";

const CASES = ["services", "export", "http", "lighthouse", "import", "sequences", "booth-sync"] as const;
type CaseName = (typeof CASES)[number];

interface Args {
  only: Set<CaseName>;
  reuse: boolean;
  quick: boolean;
  write: boolean;
  ci: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: new Set(CASES), reuse: false, quick: false, write: true, ci: false };
  let onlyGiven = false;
  const names = (list: string) => {
    const parsed = list.split(",").map((s) => s.trim()).filter(Boolean);
    for (const n of parsed) if (!CASES.includes(n as CaseName)) throw new Error(`unknown case "${n}" (cases: ${CASES.join(", ")})`);
    return parsed as CaseName[];
  };
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--only" && value) {
      args.only = new Set(names(value));
      onlyGiven = true;
    } else if (flag === "--ci") args.ci = true;
    else if (flag === "--skip" && value) for (const n of names(value)) args.only.delete(n);
    else if (flag === "--reuse") args.reuse = true;
    else if (flag === "--quick") args.quick = true;
    else if (flag === "--no-write") args.write = false;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (args.ci) {
    if (!onlyGiven) args.only = new Set(["services"]);
    args.quick = true;
    args.write = false;
  }
  return args;
}

async function loadCase(name: CaseName): Promise<BenchCase> {
  const mod = (await import(`./cases/${name}.ts`)) as { benchCase: BenchCase };
  return mod.benchCase;
}

function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const db = await prepareBenchDatabase({ reuse: args.reuse, log });
  // Services read configuration lazily from process.env, so this must happen before they load.
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    DEMO_MODE: "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  const results: BenchResult[] = [];
  let prismaModule: typeof import("../../src/server/db") | undefined;
  try {
    prismaModule = await import("../../src/server/db");
    const { prisma } = prismaModule;
    const { resolveActor } = await import("../../src/server/access/actor");
    const event = await prisma.event.findFirstOrThrow({ where: { slug: DEMO_EVENT_SLUG }, select: { id: true, timeZone: true } });
    const userSelect = { id: true, email: true, name: true, image: true, role: true, lastEventId: true } as const;
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN", disabledAt: null }, select: userSelect, orderBy: { email: "asc" } });
    const rep = await prisma.user.findFirstOrThrow({ where: { role: "REP", disabledAt: null }, select: userSelect, orderBy: { email: "asc" } });
    const ctx: BenchContext = {
      databaseUrl: db.url,
      eventId: event.id,
      eventTimeZone: event.timeZone,
      admin: await resolveActor(admin, event.id),
      rep: await resolveActor(rep, event.id),
      pg: pool,
      quick: args.quick,
      log,
    };

    const loaded = await Promise.all([...args.only].map(loadCase));
    const ordered = [...loaded.filter((c) => !c.mutates), ...loaded.filter((c) => c.mutates)];
    for (const benchCase of ordered) {
      log(`case ${benchCase.name}…`);
      const t0 = performance.now();
      try {
        results.push(...(await benchCase.run(ctx)));
      } catch (error) {
        log(`case ${benchCase.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        results.push({ id: `${benchCase.name}.error`, group: benchCase.name, label: "case failed", metrics: {}, budgets: [{ metric: "completed", min: 1 }], note: String(error) });
      }
      log(`case ${benchCase.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await runBenchCleanups(log);
    await pool.end();
    await prismaModule?.prisma.$disconnect().catch(() => {});
    await db.server.stop();
  }

  const previous = readPrevious();
  if (args.ci) for (const r of results) r.budgets = r.budgets.map(ciBudget);
  const failed: string[] = [];
  let budgets = 0;
  for (const r of results) {
    for (const b of r.budgets) {
      budgets++;
      if (budgetPasses(r, b) !== true) failed.push(`${r.id}:${b.metric}`);
    }
  }
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineFacts(),
    dataset: db.seed ? { ...db.seed.counts } : null,
    cases: [...args.only],
    results,
    summary: { budgets, passed: budgets - failed.length, failed },
  };
  console.log(renderTable(results, previous));
  if (args.ci) console.log("\nCI quick benchmark: ratio budgets as they are; absolute budgets at 3× (÷3 for throughput) for a shared runner's noise.");
  console.log(`\n${budgets - failed.length}/${budgets} budgets met${failed.length ? ` — missed: ${failed.join(", ")}` : ""}`);
  if (args.write) {
    writeReport(report);
    log("wrote bench/results.json");
  }
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
