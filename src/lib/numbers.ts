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
