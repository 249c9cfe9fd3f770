import type { LatencySample } from "./types";

export interface MeasureOptions {
  warmup?: number;
  iterations?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(durations: readonly number[]): LatencySample {
  const sorted = [...durations].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(sum / Math.max(1, sorted.length)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/**
 * Warm latency of an async operation: `warmup` unmeasured calls (plans cached, pool connected,
 * JIT warm), then `iterations` sequential calls. `fn` gets the iteration number so a case can vary
 * its input (page number, record id) and not measure one cached row.
 */
export async function measure(fn: (i: number) => Promise<unknown>, options: MeasureOptions = {}): Promise<LatencySample> {
  const warmup = options.warmup ?? 10;
  const iterations = options.iterations ?? 100;
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    durations.push(performance.now() - t0);
  }
  return summarize(durations);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Two operations measured call by call in alternation (a, b, a, b…), so a noisy moment on a
 * shared machine lands on both alike and their ratio stays meaningful.
 */
export async function measurePair(
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  options: MeasureOptions = {},
): Promise<[LatencySample, LatencySample]> {
  const warmup = options.warmup ?? 10;
  const iterations = options.iterations ?? 100;
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const da: number[] = [];
  const db: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t0 = performance.now();
    await a(i);
    da.push(performance.now() - t0);
    t0 = performance.now();
    await b(i);
    db.push(performance.now() - t0);
  }
  return [summarize(da), summarize(db)];
}
