import { IMPORT_COLUMN_KEYS, IMPORT_COLUMNS } from "@/lib/fields/import";

/**
 * The fields a CSV column can feed (declared with the records' fields: src/lib/fields), and
 * header auto-detection.
 *
 * Headers are compared after folding case, accents and punctuation ("Company Domain Name",
 * "company_domain_name" and "Company domain name" are the same). Each field lists the headers
 * HubSpot, Salesforce and hand-made sheets use for it (its `import.aliases`); the first header that matches a field
 * wins it, so a file with both "Website URL" and "Company Domain Name" maps each to its own
 * field, and a field is never fed by two columns.
 */
export const IMPORT_FIELDS = IMPORT_COLUMNS;
export type ImportField = string;
export const IMPORT_FIELD_KEYS = IMPORT_COLUMN_KEYS;

function foldHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const column of IMPORT_COLUMNS) {
  for (const alias of column.aliases) if (!LOOKUP.has(alias)) LOOKUP.set(alias, column.key);
}

export type ColumnMapping = Record<string, ImportField | null>;

/** header → field (or null for "don't import"), each field used at most once. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = LOOKUP.get(foldHeader(header)) ?? null;
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    } else {
      mapping[header] = null;
    }
  }
  return mapping;
}
