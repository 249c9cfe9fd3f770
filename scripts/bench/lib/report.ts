import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchResult, Budget } from "./types";

export const RESULTS_FILE = path.resolve(import.meta.dirname, "../../../bench/results.json");

/** Where a run at each dataset size writes its results (large keeps the historical name). */
export function resultsFile(scale: "medium" | "large" | "xl"): string {
  return scale === "large" ? RESULTS_FILE : RESULTS_FILE.replace(/\.json$/, `.${scale}.json`);
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  /** The commit measured (with "+dirty" when the work tree had changes) and the arguments. */
  commit?: string;
  args?: string[];
  scale?: "medium" | "large" | "xl";
  /** 1-minute load average when the run started and ended: a shared machine's figures are read against it. */
  loadAverage?: { start: number; end: number };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  dataset: Record<string, number> | null;
  /** The mutating cases that had changed the database since its seed when the run started (lib/database.ts). */
  changedSinceSeed?: string[];
  cases: string[];
  results: BenchResult[];
  summary: { budgets: number; passed: number; failed: string[] };
}

export function budgetPasses(result: BenchResult, budget: Budget): boolean | null {
  const value = result.metrics[budget.metric];
  if (value === undefined || Number.isNaN(value)) return null;
  if (budget.max !== undefined && value > budget.max) return false;
  if (budget.min !== undefined && value < budget.min) return false;
  return true;
}

/** Metrics that compare two measurements of the same run (noise hits both), and correctness checks: never relaxed. */
const RATIO_METRICS = new Set(["ratio", "ratioP95", "ofFloor", "sameIds"]);

/**
 * A budget as the CI quick benchmark checks it: ratios unchanged, absolute limits at 3× (a time
 * may be 3× its budget, a throughput a third), and zero-limits (errors ≤ 0) unchanged.
 */
export function ciBudget(budget: Budget): Budget {
  if (RATIO_METRICS.has(budget.metric)) return budget;
  return {
    metric: budget.metric,
    ...(budget.max !== undefined ? { max: budget.max * 3 } : {}),
    ...(budget.min !== undefined ? { min: budget.min / 3 } : {}),
  };
}

export function machineFacts(): BenchReport["machine"] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function readPrevious(file = RESULTS_FILE): BenchReport | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as BenchReport;
  } catch {
    return null;
  }
}

export function writeReport(report: BenchReport, file = RESULTS_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // The previous run is kept next to it so `git diff` and the table can show the change.
  if (existsSync(file)) writeFileSync(file.replace(/\.json$/, ".previous.json"), readFileSync(file));
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

function fmt(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function budgetText(budget: Budget): string {
  if (budget.max !== undefined) return `${budget.metric} ≤ ${fmt(budget.max)}`;
  return `${budget.metric} ≥ ${fmt(budget.min)}`;
}

/** The main figure of a result: the first budgeted metric, else p95, else the first metric. */
function headline(result: BenchResult): string {
  return result.budgets[0]?.metric ?? (result.metrics.p95Ms !== undefined ? "p95Ms" : Object.keys(result.metrics)[0]);
}

export function renderTable(results: readonly BenchResult[], previous: BenchReport | null): string {
  const prevById = new Map((previous?.results ?? []).map((r) => [r.id, r]));
  const rows: string[][] = [["operation", "p50 ms", "p95 ms", "raw p95", "÷ raw", "other", "budget", "result", "previous"]];
  for (const r of results) {
    const m = r.metrics;
    const others = Object.entries(m)
      .filter(([k]) => !["p50Ms", "p95Ms", "rawP50Ms", "rawP95Ms", "ratio", "meanMs", "n", "rawN", "rawMeanMs"].includes(k))
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(" ");
    const verdicts = r.budgets.map((b) => {
      const ok = budgetPasses(r, b);
      return ok === null ? "n/a" : ok ? "pass" : "MISS";
    });
    const key = headline(r);
    const prev = key ? prevById.get(r.id)?.metrics[key] : undefined;
    rows.push([
      `${r.group} · ${r.label}`,
      fmt(m.p50Ms),
      fmt(m.p95Ms),
      fmt(m.rawP95Ms),
      fmt(m.ratio),
      others,
      r.budgets.map(budgetText).join("; ") || "–",
      verdicts.join(",") || "–",
      prev === undefined ? "–" : `${key}=${fmt(prev)}`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join("  ");
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}
