import { z } from "zod";
import { IMPORT_FIELD_KEYS } from "@/server/import/fields";
import { MAX_IMPORT_BYTES } from "@/server/import/parse";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields } from "@/server/http/pagination";

/**
 * The CSV travels as text inside JSON: the browser reads the file (FileReader) and the route
 * wrapper's JSON parsing, size limit and zod validation apply unchanged. The CSV text itself is
 * capped at 10 MB; the JSON body may be a little larger for escaping and the mapping.
 */
export const IMPORT_BODY_LIMIT = MAX_IMPORT_BYTES + 2 * 1024 * 1024;
export const IMPORT_BATCH_SIZE = 1000;

const csvText = z.string().min(1, "The file is empty").max(MAX_IMPORT_BYTES, "The file is larger than 10 MB");
const mapping = z.record(z.string().max(300), z.enum(IMPORT_FIELD_KEYS).nullable());

export const previewImportBody = z.strictObject({
  csv: csvText,
  fileName: z.string().max(255).optional(),
  mapping: mapping.optional(),
});

const importModes = ["create_only", "upsert"] as const;
export type ImportMode = (typeof importModes)[number];

export const commitImportBody = z.strictObject({
  csv: csvText,
  fileName: z.string().max(255).optional(),
  mapping: mapping.optional(),
  mode: z.enum(importModes).default("upsert"),
  ...eventScopeField,
});

export const commitImportQuery = z.object({ stream: z.enum(["0", "1"]).optional() });

export const listImportsQuery = z.object({
  ...eventScopeField,
  ...paginationFields({ pageSize: 20, maxPageSize: 100 }),
});

export type PreviewImportBody = z.infer<typeof previewImportBody>;
export type CommitImportBody = z.infer<typeof commitImportBody>;
