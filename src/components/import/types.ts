import { IMPORT_COLUMNS } from "@/lib/fields/import";

// Shapes the import API answers with, as the browser sees them (dates as strings).
/** An import column's key (src/lib/fields/import.ts). */
export type ImportFieldKey = string;

export type Mapping = Record<string, ImportFieldKey | null>;

export type Preview = {
  fileName: string | null;
  delimiter: string;
  headers: string[];
  detected: Mapping;
  mapping: Mapping;
  samples: Record<string, string[]>;
  totalRows: number;
  counts: { valid: number; invalid: number; duplicates: number; accounts: number; people: number };
  rows: {
    row: number;
    company: string | null;
    domain: string | null;
    person: string | null;
    email: string | null;
    title: string | null;
    errors: string[];
    warnings: string[];
    duplicateOf: number | null;
    /** What importing it would do (null for rows that will be skipped). */
    action: "create" | "add" | "update" | null;
  }[];
  problems: { row: number; reason: string }[];
};

export type ImportReport = {
  jobId: string;
  fileName: string | null;
  mode: "create_only" | "upsert";
  status: "COMPLETED" | "FAILED";
  totalRows: number;
  rows: { created: number; updated: number; unchanged: number; skipped: number };
  accounts: { created: number; updated: number; unchanged: number };
  people: { created: number; updated: number; unchanged: number };
  skipped: { row: number; reason: string }[];
  batchSize: number;
  batches: number;
  failedBatches: { batch: number; fromRow: number; toRow: number; error: string }[];
  durationMs: number;
};

export type ImportHistoryItem = {
  id: string;
  fileName: string | null;
  mode: string;
  status: "COMPLETED" | "UNDONE" | "FAILED";
  created: number;
  updated: number;
  skipped: number;
  createdAt: string;
  undoneAt: string | null;
  canUndo: boolean;
  /** Why the signed-in teammate may not undo the latest import (the permission matrix). */
  undoRefusal: string | null;
  user: { id: string; name: string | null; email: string } | null;
};

/** The wizard's choices per CSV column, from the records' field registries. */
export const FIELD_OPTIONS: { key: ImportFieldKey; label: string; group: "Company" | "Person" }[] = IMPORT_COLUMNS.map((c) => ({
  key: c.key,
  label: c.label,
  group: c.group === "account" ? "Company" : "Person",
}));
