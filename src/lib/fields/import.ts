import { ACCOUNT } from "@/lib/fields/account";
import { PERSON } from "@/lib/fields/person";
import { importColumns, type FieldSpec } from "@/lib/fields/define";

/**
 * The columns a CSV import can map, for the wizard (browser) and the import (server): the
 * account's and the person's importable fields (`import` in their registries) plus the address
 * parts the import composes into an account's headquarters ("City, ST") and location
 * ("City, ST, Country"), which are no fields of their own.
 */
type ImportGroup = "account" | "person";
export type ImportColumnOption = { key: string; label: string; group: ImportGroup; aliases: readonly string[]; field: string | null; spec: FieldSpec | null };

const ADDRESS_PARTS: ImportColumnOption[] = [
  { key: "city", label: "City", aliases: ["city", "billing city", "mailing city", "company city", "hq city", "headquarters city", "shipping city"] },
  {
    key: "state", label: "State / region",
    aliases: [
      "state region", "state", "billing state province", "mailing state province", "state province", "region",
      "province", "company state", "hq state", "billing state", "mailing state", "state code",
    ],
  },
  { key: "country", label: "Country", aliases: ["country", "country region", "billing country", "mailing country", "company country", "hq country"] },
].map((part) => ({ ...part, group: "account" as const, field: null, spec: null }));

export const IMPORT_COLUMNS: readonly ImportColumnOption[] = [
  ...importColumns(ACCOUNT.fields).map((c) => ({ key: c.key, label: c.label, group: "account" as const, aliases: c.aliases, field: c.field, spec: c.spec })),
  ...ADDRESS_PARTS,
  ...importColumns(PERSON.fields).map((c) => ({ key: c.key, label: c.label, group: "person" as const, aliases: c.aliases, field: c.field, spec: c.spec })),
];

export const IMPORT_COLUMN_KEYS = IMPORT_COLUMNS.map((c) => c.key) as [string, ...string[]];
