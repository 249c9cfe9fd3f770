/**
 * Deterministic randomness for the seed. Every generator takes an Rng so that the same seed
 * and the same `now` always produce byte-identical data (tests and screenshots rely on it).
 *
 * Each section of the generator forks its own stream by name: adding a field to, say, meetings
 * must not reshuffle every account that was generated before it.
 */

/** mulberry32: tiny, fast, good enough statistical quality for fake data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a stream name into a 32-bit seed component. */
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** An independent stream derived from this seed and a name (not from this stream's state). */
  fork(name: string): Rng {
    return new Rng((Math.imul(this.seed ^ hashString(name), 0x9e3779b1) ^ hashString(`${name}#${this.seed}`)) >>> 0);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** `count` distinct items (or all of them when fewer exist), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Exponentially distributed value with the given mean (waiting times: opens, replies …). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Roughly normal (Irwin–Hall of 4), clamped: good enough for sizes and scores. */
  normal(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    const z = (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
    return Math.min(max, Math.max(min, mean + z * sd));
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, "0");
    return out.slice(0, length);
  }
}

/**
 * Picks many items by weight quickly (binary search over cumulative weights): the large scale
 * draws 100k outreach recipients from 25k people.
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      sum += Math.max(0, weight(item));
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T {
    if (this.items.length === 0 || this.total <= 0) throw new Error("WeightedPicker has nothing to pick");
    const r = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * Deterministic, cuid-shaped ids: "c" + a 4-letter table tag + a zero-padded base-36 counter
 * (25 characters, lower-case alphanumerics). They pass cuid/cuid2-style validators that the API
 * may apply to route params, and they are readable in tests ("cacct…01a").
 */
export function seedId(tag: string, index: number): string {
  if (!/^[a-z]{4}$/.test(tag)) throw new Error(`id tag must be 4 lower-case letters: ${tag}`);
  return `c${tag}${index.toString(36).padStart(20, "0")}`;
}
