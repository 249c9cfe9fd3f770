import { parse } from "csv-parse/sync";
import { AppError } from "@/server/http/errors";
import { notCsvReason } from "@/lib/csv-sniff";
import { formatCount } from "@/lib/numbers";

/**
 * Reading a CSV file as people export them: a UTF-8 byte-order mark is dropped, the delimiter
 * (comma, semicolon or tab) is the one the header line uses most outside quotes, quoted fields
 * may hold newlines and doubled quotes, rows may be shorter or longer than the header, and
 * blank lines are ignored. Numbers are read leniently ("1,200", "$5M", "12.5k", "10-50" → the
 * midpoint); empty markers ("n/a", "-", "unknown") read as no value; anything else that is not
 * a number is an error for that cell.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 50_000;

export type ParsedCsv = { headers: string[]; rows: string[][]; delimiter: string };

function detectDelimiter(text: string): string {
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
    throw new AppError("payload_too_large", `The file has ${formatCount(rows.length)} rows; the limit is ${formatCount(MAX_IMPORT_ROWS)} per import`);
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

// No real number cell is longer ("USD 1,200,000,000.00+" is 21); longer text is refused at once.
const MAX_NUMBER_CELL = 64;
const CURRENCY_CODES = ["usd", "eur", "gbp"];
const RANGE_SEPARATORS = ["-", "–", "to"];

/**
 * "1,200" → 1200, "$5M" → 5e6, "€1.2 bn" → 1.2e9, "10-50" → 30, "n/a" → null, "lots" → error.
 * Read with string scans, not regular expressions: a crafted 32 KB cell once took seconds here.
 */
export function parseLooseNumber(raw: string): NumberResult {
  const text = raw.trim().toLowerCase();
  if (isEmptyMarker(text)) return { ok: true, value: null };
  const notANumber = { ok: false as const, error: `"${raw.trim().slice(0, 40)}${raw.trim().length > 40 ? "…" : ""}" is not a number` };
  if (text.length > MAX_NUMBER_CELL) return notANumber;
  const range = text.startsWith("-") ? null : splitRange(text);
  if (range) {
    const low = parseSingleNumber(range[0]);
    const high = parseSingleNumber(range[1]);
    if (low !== null && high !== null && low >= 0 && high >= 0) return { ok: true, value: (low + high) / 2 };
  }
  const value = parseSingleNumber(text);
  if (value === null) return notANumber;
  if (value < 0) return { ok: false, error: `"${raw.trim()}" is negative` };
  return { ok: true, value };
}

/** "51-200" → ["51", "200"]: split at the first separator that has text on both sides. */
function splitRange(text: string): [string, string] | null {
  let best: [string, string] | null = null;
  let bestAt = Infinity;
  for (const separator of RANGE_SEPARATORS) {
    const at = text.indexOf(separator, 1);
    if (at < 0 || at >= bestAt) continue;
    const low = text.slice(0, at).trim();
    const high = text.slice(at + separator.length).trim();
    if (low && high) {
      best = [low, high];
      bestAt = at;
    }
  }
  return best;
}

/** One amount: optional currency code or symbol, digits with separators, optional scale word, optional "+". */
function parseSingleNumber(input: string): number | null {
  let text = input.endsWith("+") ? input.slice(0, -1).trimEnd() : input;
  const codeAtEnd = CURRENCY_CODES.find((code) => text.endsWith(code));
  if (codeAtEnd) text = text.slice(0, -codeAtEnd.length).trimEnd();
  const codeAtStart = CURRENCY_CODES.find((code) => text.startsWith(code));
  if (codeAtStart) text = text.slice(codeAtStart.length).trimStart();
  if (text[0] === "$" || text[0] === "€" || text[0] === "£") text = text.slice(1).trimStart();

  // The amount runs from the start to its last digit, over digits, separators and spaces.
  let lastDigit = -1;
  for (let i = text[0] === "-" ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch >= "0" && ch <= "9") lastDigit = i;
    else if (ch !== "." && ch !== "," && !/\s/.test(ch)) break;
  }
  if (lastDigit < 0) return null;
  let scaleWord = text.slice(lastDigit + 1).trim();
  if (scaleWord.endsWith(".")) scaleWord = scaleWord.slice(0, -1);
  let factor = 1;
  if (scaleWord) {
    const scale = SCALE[scaleWord];
    if (!scale) return null;
    factor = scale;
  }
  const value = readDigits(text.slice(0, lastDigit + 1).replace(/\s/g, ""));
  return value === null ? null : value * factor;
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
