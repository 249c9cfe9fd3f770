import { parse } from "csv-parse/sync";
import { AppError } from "@/server/http/errors";
import { notCsvReason } from "@/lib/csv-sniff";

/**
 * Reading a CSV file as people export them: a UTF-8 byte-order mark is dropped, the delimiter
 * (comma, semicolon or tab) is the one the header line uses most outside quotes, quoted fields
 * may hold newlines and doubled quotes, rows may be shorter or longer than the header, and
 * blank lines are ignored. Numbers are read leniently ("1,200", "$5M", "12.5k", "10-50" → the
 * midpoint); empty markers ("n/a", "-", "unknown") read as no value; anything else that is not
 * a number is an error for that cell.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ParsedCsv = { headers: string[]; rows: string[][]; delimiter: string };

export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  for (let i = 0; i < text.length && i < 64_000; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ",";
}

export function parseCsvText(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, "");
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("payload_too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files`);
  }
  if (text.trim() === "") throw new AppError("validation_error", "The file is empty", [{ path: "csv", message: "empty file" }]);
  const notCsv = notCsvReason(text);
  if (notCsv) throw new AppError("validation_error", notCsv, [{ path: "csv", message: "not a CSV file" }]);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : "unreadable CSV";
    throw new AppError("validation_error", `The file is not valid CSV: ${message}`, [{ path: "csv", message }]);
  }
  const [headerRow, ...rows] = records;
  if (!headerRow || headerRow.every((h) => h === "")) {
    throw new AppError("validation_error", "The first line must hold the column names", [{ path: "csv", message: "no header" }]);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError("payload_too_large", `The file has ${rows.length.toLocaleString("en-US")} rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en-US")} per import`);
  }
  const headers = uniqueHeaders(headerRow);
  const nonBlank = rows.filter((r) => r.some((cell) => cell !== ""));
  return { headers, rows: nonBlank, delimiter };
}

/** Two "Email" columns become "Email" and "Email (2)" so each can be mapped on its own. */
function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const EMPTY_MARKERS = new Set(["", "n/a", "na", "n.a.", "-", "--", "none", "null", "unknown", "?", "tbd", "#n/a"]);

export function isEmptyMarker(value: string): boolean {
  return EMPTY_MARKERS.has(value.trim().toLowerCase());
}

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12,
};

export type NumberResult = { ok: true; value: number | null } | { ok: false; error: string };

/** "1,200" → 1200, "$5M" → 5e6, "€1.2 bn" → 1.2e9, "n/a" → null, "lots" → error. */
export function parseLooseNumber(raw: string): NumberResult {
  const text = raw.trim().toLowerCase();
  if (isEmptyMarker(text)) return { ok: true, value: null };
  const range = /^(.+?)\s*(?:-|–|to)\s*(.+)$/.exec(text);
  if (range && !text.startsWith("-")) {
    const low = parseLooseNumber(range[1]);
    const high = parseLooseNumber(range[2]);
    if (low.ok && high.ok && low.value !== null && high.value !== null) return { ok: true, value: (low.value + high.value) / 2 };
  }
  const plus = text.replace(/\+$/, "");
  const match = /^(?:usd|eur|gbp)?\s*[$€£]?\s*(-?[\d.,\s]*\d)\s*([a-z]+)?\.?$/.exec(plus.replace(/\s*(usd|eur|gbp)$/, ""));
  if (!match) return { ok: false, error: `"${raw.trim()}" is not a number` };
  const scaleWord = match[2];
  let factor = 1;
  if (scaleWord) {
    const scale = SCALE[scaleWord];
    if (!scale) return { ok: false, error: `"${raw.trim()}" is not a number` };
    factor = scale;
  }
  const value = readDigits(match[1].replace(/\s/g, ""));
  if (value === null) return { ok: false, error: `"${raw.trim()}" is not a number` };
  if (value < 0) return { ok: false, error: `"${raw.trim()}" is negative` };
  return { ok: true, value: value * factor };
}

function readDigits(text: string): number | null {
  let normalised = text;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator ("1.200,50" or "1,200.50").
    normalised = lastComma > lastDot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  } else if (lastComma >= 0) {
    normalised = /^-?\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, "") : text.replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(text)) {
    normalised = text.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
