// Shapes the import API answers with, as the browser sees them (dates as strings).
export type ImportFieldKey =
  | "accountName" | "website" | "domain" | "industry" | "employeeCount" | "revenue" | "facilityCount" | "city" | "state"
  | "country" | "accountNotes" | "firstName" | "lastName" | "fullName" | "email" | "title" | "phone" | "linkedin";

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

export const FIELD_OPTIONS: { key: ImportFieldKey; label: string; group: "Company" | "Person" }[] = [
  { key: "accountName", label: "Company name", group: "Company" },
  { key: "website", label: "Website", group: "Company" },
  { key: "domain", label: "Domain", group: "Company" },
  { key: "industry", label: "Industry", group: "Company" },
  { key: "employeeCount", label: "Employees", group: "Company" },
  { key: "revenue", label: "Annual revenue", group: "Company" },
  { key: "facilityCount", label: "Facilities", group: "Company" },
  { key: "city", label: "City", group: "Company" },
  { key: "state", label: "State / region", group: "Company" },
  { key: "country", label: "Country", group: "Company" },
  { key: "accountNotes", label: "Account notes", group: "Company" },
  { key: "firstName", label: "First name", group: "Person" },
  { key: "lastName", label: "Last name", group: "Person" },
  { key: "fullName", label: "Full name", group: "Person" },
  { key: "email", label: "Email", group: "Person" },
  { key: "title", label: "Job title", group: "Person" },
  { key: "phone", label: "Phone", group: "Person" },
  { key: "linkedin", label: "LinkedIn URL", group: "Person" },
];
