/**
 * 12,345: a number with en-US digit grouping. Whole numbers (every count the app shows) are
 * grouped here without Intl: a page's first Intl number format loads ICU's number data, ~20 ms of
 * main thread on this machine and ~120 ms under Lighthouse's 4× phone slowdown, which the accounts
 * list paid inside hydration for its employee and site counts (docs/PERFORMANCE.md, "Issue 17,
 * round 19"). Fractions and integers past 2^53 go to toLocaleString, whose output this matches for
 * every safe integer (tests/unit/numbers.test.ts).
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString("en-US");
  const digits = String(Math.abs(value));
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/**
 * Money, in whole US dollars: the one way the app writes an amount (costs are entered in whole
 * dollars; revenue and deal values are shown to the dollar at most).
 * - "exact": $12,500 (reports, the P&L, the activity log's cost changes);
 * - "compact": $950, $12K, $1.2M, $12M, $1.2B (tables, charts, dossiers and score reasons):
 *   one decimal under 10 of a unit, none from 10, and the unit is chosen after rounding, so
 *   $999,600 reads $1M, not $1000K.
 * The sign goes before the dollar sign (-$1,200). Null and undefined read "—".
 */
export function formatUsd(value: number | bigint | null | undefined, style: "compact" | "exact" = "compact"): string {
  if (value === null || value === undefined) return "—";
  const amount = Number(value);
  const abs = Math.abs(amount);
  const sign = amount < 0 && Math.round(abs) > 0 ? "-" : "";
  if (style === "exact" || Math.round(abs) < 1_000) return `${sign}$${formatCount(Math.round(abs))}`;
  if (Math.round(abs / 1e3) < 1_000) return `${sign}$${Math.round(abs / 1e3)}K`;
  const inUnit = (scaled: number) => (scaled < 10 ? scaled.toFixed(1).replace(/\.0$/, "") : formatCount(Math.round(scaled)));
  return Math.round(abs / 1e6) < 1_000 ? `${sign}$${inUnit(abs / 1e6)}M` : `${sign}$${inUnit(abs / 1e9)}B`;
}
