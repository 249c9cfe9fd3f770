import { describe, expect, it } from "vitest";
import { percentile, summarize } from "../../scripts/bench/lib/measure";
import { budgetPasses, ciBudget, renderTable } from "../../scripts/bench/lib/report";
import { growthMisses, growthRows, renderGrowth } from "../../scripts/bench/lib/growth";
import type { BenchReport } from "../../scripts/bench/lib/report";
import type { BenchResult } from "../../scripts/bench/lib/types";

function report(results: BenchResult[]): BenchReport {
  return { startedAt: "2026-12-05T22:00:00Z", finishedAt: "", machine: { cpus: 2, cpuModel: "", memoryGb: 1, node: "", platform: "" }, dataset: null, cases: [], results, summary: { budgets: 0, passed: 0, failed: [] } };
}

describe("benchmark statistics", () => {
  it("nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
    expect(summarize([3, 1, 2, 10])).toMatchObject({ n: 4, p50: 2, p95: 10, min: 1, max: 10, mean: 4 });
  });

  it("budgets: max for times, min for throughput; a missing metric is not a pass", () => {
    const r: BenchResult = { id: "x", group: "g", label: "l", metrics: { p95Ms: 40, rowsPerSec: 60_000 }, budgets: [] };
    expect(budgetPasses(r, { metric: "p95Ms", max: 50 })).toBe(true);
    expect(budgetPasses(r, { metric: "p95Ms", max: 30 })).toBe(false);
    expect(budgetPasses(r, { metric: "rowsPerSec", min: 50_000 })).toBe(true);
    expect(budgetPasses(r, { metric: "rowsPerSec", min: 70_000 })).toBe(false);
    expect(budgetPasses(r, { metric: "score", min: 90 })).toBeNull();
  });

  it("the CI quick benchmark keeps ratios and zero-limits, and relaxes absolute budgets 3×", () => {
    expect(ciBudget({ metric: "ratio", max: 2 })).toEqual({ metric: "ratio", max: 2 });
    expect(ciBudget({ metric: "ofFloor", min: 0.3 })).toEqual({ metric: "ofFloor", min: 0.3 });
    expect(ciBudget({ metric: "p95Ms", max: 50 })).toEqual({ metric: "p95Ms", max: 150 });
    expect(ciBudget({ metric: "rps", min: 400 })).toEqual({ metric: "rps", min: 400 / 3 });
    expect(ciBudget({ metric: "errors", max: 0 })).toEqual({ metric: "errors", max: 0 });
    // The raw baselines' same-result check is a correctness check: never relaxed.
    expect(ciBudget({ metric: "sameIds", min: 1 })).toEqual({ metric: "sameIds", min: 1 });
  });

  it("the growth table: lists and details may be at most 1.5× slower at xl; aggregates are shown without a limit", () => {
    const result = (id: string, metrics: Record<string, number>): BenchResult => ({ id, group: id.split(".")[0]!, label: id, metrics, budgets: [] });
    const large = report([
      result("service.people-list", { p50Ms: 4, p95Ms: 8, rawP50Ms: 2 }),
      result("service.person-detail", { p50Ms: 3, p95Ms: 5 }),
      result("service.dashboard-stats", { p50Ms: 60, p95Ms: 70 }),
      result("http.api.accounts", { rps: 400, p50Ms: 20, p95Ms: 30 }),
      result("http.api.floor", { rps: 600, p50Ms: 10, p95Ms: 20 }),
      result("service.page-outreach", { p50Ms: 10, p95Ms: 20 }),
      result("export.csv", { rowsPerSec: 60_000 }),
    ]);
    const xl = report([
      result("service.people-list", { p50Ms: 8, p95Ms: 9, rawP50Ms: 7 }),
      result("service.person-detail", { p50Ms: 3.3, p95Ms: 6 }),
      result("service.dashboard-stats", { p50Ms: 600, p95Ms: 700 }),
      result("http.api.accounts", { rps: 200, p50Ms: 25, p95Ms: 60 }),
      // The floor reads no data: its change is the machine's noise, shown without a limit.
      result("http.api.floor", { rps: 200, p50Ms: 30, p95Ms: 60 }),
      result("service.page-outreach", { p50Ms: 20, p95Ms: 40 }),
    ]);
    const rows = growthRows(large, xl);
    expect(rows.find((r) => r.id === "service.people-list" && r.metric === "p50Ms")).toMatchObject({ large: 4, xl: 8, growth: 2, limit: 1.5 });
    // Throughput grows the other way: half the requests per second is 2× slower.
    expect(rows.find((r) => r.id === "http.api.accounts" && r.metric === "rps")).toMatchObject({ growth: 2 });
    expect(rows.find((r) => r.id === "service.dashboard-stats" && r.metric === "p50Ms")?.limit).toBeUndefined();
    expect(rows.some((r) => r.id.startsWith("export."))).toBe(false);
    expect(rows.find((r) => r.id === "http.api.floor" && r.metric === "p50Ms")?.limit).toBeUndefined();
    expect(growthMisses(rows).map((r) => r.id)).toEqual(["service.people-list", "service.page-outreach"]);
    const table = renderGrowth(large, xl, rows);
    expect(table).toMatch(/service\.people-list\s+p50Ms\s+4\.00\s+8\.00\s+×2\.00\s+≤ ×1\.5\s+MISS/);
    expect(table).toMatch(/service\.person-detail\s+p50Ms\s+3\.00\s+3\.30\s+×1\.10\s+≤ ×1\.5\s+pass/);
    expect(table).not.toContain("CHANGED");
    // A reused database the mutating cases changed is not the seed: the table says so.
    const changed = renderGrowth({ ...large, changedSinceSeed: ["import", "sequences"] }, xl, rows);
    expect(changed.split("\n")[0]).toContain("large: 2026-12-05T22:00:00Z, CHANGED since its seed by import, sequences: not like for like; xl: 2026-12-05T22:00:00Z)");
  });

  it("the table marks misses and shows the previous figure", () => {
    const now: BenchResult = { id: "a", group: "service", label: "list", metrics: { p50Ms: 10, p95Ms: 60 }, budgets: [{ metric: "p95Ms", max: 50 }] };
    const before = { ...now, metrics: { p50Ms: 12, p95Ms: 45 } };
    const table = renderTable([now], { startedAt: "", finishedAt: "", machine: { cpus: 2, cpuModel: "", memoryGb: 1, node: "", platform: "" }, dataset: null, cases: [], results: [before], summary: { budgets: 1, passed: 1, failed: [] } });
    expect(table).toContain("MISS");
    expect(table).toContain("p95Ms=45.0");
  });
});
