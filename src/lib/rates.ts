/**
 * Rates travel as fractions (0.1234 = 12.34 %) in every API response and service result; only
 * the screen and the printed report turn them into percentages, here.
 */
export function formatRate(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
