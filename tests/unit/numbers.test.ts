import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/numbers";

describe("formatCount", () => {
  it("groups whole numbers exactly as toLocaleString('en-US') does, without Intl", () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -999_999, max: 999_999 })), (n) => {
      expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
    }), { numRuns: 2_000 });
    for (const n of [0, 7, 999, 1_000, -1_000, 12_345, 100_000, 1_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
    }
  });

  it("leaves fractions and numbers past 2^53 to toLocaleString", () => {
    for (const n of [1234.5678, -0.5, 2 ** 60, Number.NaN, Infinity]) expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });
});
