/**
 * The admin full export (createFullExport, what GET /api/export/full streams) of the whole demo
 * event, once per format the route offers: csv (the zip of one CSV per entity), ndjson and json.
 * Each format runs in a fresh child process (export-child.ts) so the peak RSS is the export's
 * own: the kernel's maxRSS of that process, read when the stream has been consumed to the end.
 * Rows are the records of the export: the NDJSON stream's lines, one per record, over every entity
 * it holds (accounts and people out of the Trash, outreach, meetings, activities, dossiers,
 * campaigns, templates, sequences and their steps and enrollments, reports, the do-not-email
 * list). NDJSON runs first, and its five large entities are checked one by one against counts
 * read from the database here, so an export that drops or repeats records fails the case.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { round } from "../lib/measure";
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FORMATS = ["ndjson", "csv", "json"] as const;
const HEAP_LIMIT_MB = 128;

type ChildResult = { format: string; bytes: number; lines: number; perEntity: Record<string, number>; seconds: number; cpuSeconds: number; baselineRssKb: number; maxRssKb: number; sampledPeakRssKb: number };

function runChild(ctx: BenchContext, format: (typeof FORMATS)[number]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // A 128 MB old-space limit, as a memory-sized serverless function has: with the default limit
    // (~4 GB on this machine) V8 leaves garbage uncollected and RSS says little about what the
    // export holds. An export that buffered its rows could not finish under this limit.
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, "--import", "tsx", "scripts/bench/cases/export-child.ts", format], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, BENCH_EVENT_ID: ctx.eventId, BENCH_ACTOR_ID: ctx.admin.id },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`export child (${format}) exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

/** The five large entities of the event as the export must hold them (the Trash left out). */
async function largeEntityCounts(ctx: BenchContext): Promise<Record<string, number>> {
  const { rows } = await ctx.pg.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM target_accounts WHERE "eventId" = $1 AND "deletedAt" IS NULL) AS accounts,
            (SELECT count(*) FROM people WHERE "eventId" = $1 AND "deletedAt" IS NULL) AS people,
            (SELECT count(*) FROM outreach WHERE "eventId" = $1) AS outreach,
            (SELECT count(*) FROM meeting WHERE "eventId" = $1) AS meetings,
            (SELECT count(*) FROM activities WHERE "eventId" = $1) AS activities`,
    [ctx.eventId],
  );
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([entity, n]) => [entity, Number(n)]));
}

export const benchCase: BenchCase = {
  name: "export",
  mutates: false,
  async run(ctx): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    let rows = 0;
    for (const format of FORMATS) {
      const r = await runChild(ctx, format);
      ctx.log(`export ${format}: ${JSON.stringify(r)}`);
      if (format === "ndjson") {
        // Counted after the run: the export's own audit activity is part of what it exported.
        for (const [entity, n] of Object.entries(await largeEntityCounts(ctx))) {
          if (r.perEntity[entity] !== n) throw new Error(`NDJSON export wrote ${r.perEntity[entity] ?? 0} ${entity} records for ${n} in the database`);
        }
        const counted = Object.values(r.perEntity).reduce((sum, n) => sum + n, 0);
        if (counted !== r.lines || r.perEntity["(unreadable line)"]) throw new Error(`NDJSON export wrote ${r.lines} lines, ${counted} of them records of a known entity`);
        // The CSV and JSON runs export the same records (plus one audit activity each).
        rows = r.lines;
      }
      results.push({
        id: `export.full.${format}`,
        group: "export",
        label: `Full export, ${format === "csv" ? "CSV zip" : format.toUpperCase()}`,
        metrics: {
          rows,
          seconds: round(r.seconds, 3),
          rowsPerSec: round(rows / r.seconds, 0),
          appCpuSeconds: round(r.cpuSeconds, 2),
          peakRssMb: round(r.maxRssKb / 1024, 1),
          bytes: r.bytes,
        },
        budgets: [{ metric: "rowsPerSec", min: 50_000 }, { metric: "peakRssMb", max: 300 }],
        note: `child process with --max-old-space-size=${HEAP_LIMIT_MB}; peak RSS = its maxRSS at the end (sampled peak ${round(r.sampledPeakRssKb / 1024, 1)} MB; ${round(r.baselineRssKb / 1024, 1)} MB before the export started)`,
      });
    }
    return results;
  },
};
