/**
 * CSV cells that a spreadsheet would run as a formula are neutralised: a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe (OWASP "CSV injection").
 * Only text is touched: numbers, booleans and dates are written by us, not typed by a person, so
 * a negative number stays a number.
 */
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvValue = string | number | boolean | Date | null | undefined;

export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return neutralizeCell(value);
  return String(value);
}

/** CSV text for a batch of rows in a fixed column order (with the header line if asked). */
export function csvChunk(columns: readonly string[], rows: Record<string, CsvValue>[], withHeader: boolean): string {
  const records = rows.map((row) => columns.map((c) => toCsvCell(row[c])));
  return stringify(withHeader ? [columns as string[], ...records] : records, { record_delimiter: "windows" });
}
