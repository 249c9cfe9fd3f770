import { describe, expect, it } from "vitest";
import { percentile, summarize } from "../../scripts/bench/lib/measure";
import { budgetPasses, ciBudget, renderTable } from "../../scripts/bench/lib/report";
import type { BenchResult } from "../../scripts/bench/lib/types";

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
  });

  it("the table marks misses and shows the previous figure", () => {
    const now: BenchResult = { id: "a", group: "service", label: "list", metrics: { p50Ms: 10, p95Ms: 60 }, budgets: [{ metric: "p95Ms", max: 50 }] };
    const before = { ...now, metrics: { p50Ms: 12, p95Ms: 45 } };
    const table = renderTable([now], { startedAt: "", finishedAt: "", machine: { cpus: 2, cpuModel: "", memoryGb: 1, node: "", platform: "" }, dataset: null, cases: [], results: [before], summary: { budgets: 1, passed: 1, failed: [] } });
    expect(table).toContain("MISS");
    expect(table).toContain("p95Ms=45.0");
  });
});
