import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatUsd } from "@/lib/numbers";

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

describe("formatUsd: whole dollars, one way everywhere", () => {
  it("writes the amounts reps read", () => {
    const cases: [number | bigint | null | undefined, string, string][] = [
      [null, "—", "—"],
      [undefined, "—", "—"],
      [0, "$0", "$0"],
      [-0.4, "$0", "$0"],
      [950, "$950", "$950"],
      [999.6, "$1K", "$1,000"],
      [12_499, "$12K", "$12,499"],
      [999_600, "$1M", "$999,600"],
      [1_200_000, "$1.2M", "$1,200,000"],
      [9_960_000, "$10M", "$9,960,000"],
      [410_000_000n, "$410M", "$410,000,000"],
      [999_700_000, "$1B", "$999,700,000"],
      [2_500_000_000, "$2.5B", "$2,500,000,000"],
      [12_345_000_000_000, "$12,345B", "$12,345,000,000,000"],
      [-1_200, "-$1K", "-$1,200"],
      [-3_400_000, "-$3.4M", "-$3,400,000"],
    ];
    for (const [value, compact, exact] of cases) {
      expect([formatUsd(value), formatUsd(value, "exact")], String(value)).toEqual([compact, exact]);
    }
  });

  it("compact is within half a shown unit of the amount, in one unit, never '1000K'", () => {
    fc.assert(fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), (amount) => {
      const text = formatUsd(amount);
      const match = /^(-?)\$([\d,]+(?:\.\d)?)([KMB]?)$/.exec(text);
      expect(match, text).not.toBeNull();
      const [, sign, digits, unit] = match!;
      const shown = Number(digits.replace(/,/g, "")) * { "": 1, K: 1e3, M: 1e6, B: 1e9 }[unit as "" | "K" | "M" | "B"];
      // One decimal under 10 of a unit, whole units from 10: the step of the last digit shown.
      const step = { "": 1, K: 1e3, M: 1e6, B: 1e9 }[unit as "" | "K" | "M" | "B"] * (digits.includes(".") ? 0.1 : 1);
      expect(Math.abs((sign ? -shown : shown) - amount), text).toBeLessThanOrEqual(step / 2 + 1e-6 * Math.abs(amount) + 0.5);
      if (unit === "K" || unit === "M") expect(Number(digits.replace(/,/g, "")), text).toBeLessThan(1_000);
      expect(formatUsd(amount, "exact")).toBe(`${sign}$${formatCount(Math.round(Math.abs(amount)))}`);
    }), { numRuns: 2_000 });
  });
});
