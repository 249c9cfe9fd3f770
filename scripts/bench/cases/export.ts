/**
 * The admin full export (createFullExport, what GET /api/export/full streams) of the whole demo
 * event, once per format the route offers: csv (the zip of one CSV per entity), ndjson and json.
 * Each format runs in a fresh child process (export-child.ts) so the peak RSS is the export's
 * own: the kernel's maxRSS of that process, read when the stream has been consumed to the end.
 * Rows are the event's records over the five entities (checked against the line count of the
 * NDJSON stream, one line per record).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { round } from "../lib/measure";
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FORMATS = ["csv", "ndjson", "json"] as const;
const HEAP_LIMIT_MB = 128;

type ChildResult = { format: string; bytes: number; lines: number; seconds: number; cpuSeconds: number; baselineRssKb: number; maxRssKb: number; sampledPeakRssKb: number };

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

async function eventRows(ctx: BenchContext): Promise<number> {
  const { rows } = await ctx.pg.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM target_accounts WHERE "eventId" = $1) + (SELECT count(*) FROM people WHERE "eventId" = $1)
          + (SELECT count(*) FROM outreach WHERE "eventId" = $1) + (SELECT count(*) FROM meeting WHERE "eventId" = $1)
          + (SELECT count(*) FROM activities WHERE "eventId" = $1) AS n`,
    [ctx.eventId],
  );
  return Number(rows[0].n);
}

export const benchCase: BenchCase = {
  name: "export",
  mutates: false,
  async run(ctx): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    for (const format of FORMATS) {
      const r = await runChild(ctx, format);
      // Counted after the run: the export's own audit activity is part of what it exported.
      const rows = await eventRows(ctx);
      ctx.log(`export ${format}: ${JSON.stringify(r)}`);
      if (format === "ndjson" && r.lines !== rows) throw new Error(`NDJSON export wrote ${r.lines} lines for ${rows} rows`);
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
