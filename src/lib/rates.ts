/**
 * Rates travel as fractions (0.1234 = 12.34 %) in every API response and service result; only
 * the screen and the printed report turn them into percentages, here.
 */
export function formatRate(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** part/whole as a fraction rounded to four places (0 when there is no whole). */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
