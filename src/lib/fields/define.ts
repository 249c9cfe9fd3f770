import { z } from "zod";

/**
 * The field registry: each record (account, person, outreach, meeting) declares every column of
 * its table once, here in src/lib (plain data and zod, safe for client and server alike). What
 * reads a record's fields derives from the declaration instead of listing them again:
 *
 * - the API's create/update schemas (and through them the OpenAPI document) from `input`,
 *   `onCreate` and `onUpdate`;
 * - the CSV import's columns, header aliases and cell readers from `import`;
 * - the full export's columns from `export`;
 * - copying a target list into a new event from `copy`;
 * - the list screens' URL filters (and their SQL) from `filter`;
 * - the record page's in-place editors from `form`.
 *
 * `export` and `copy` have no default: whoever adds a field decides whether it leaves with an
 * export and whether it moves to the next show. A column that is none of the product's business
 * (keys, Trash bookkeeping) is listed in the record's `internal` with the reason, and
 * tests/unit/field-registry.test.ts fails when a column of the table is in neither.
 */

export type FieldType = "id" | "text" | "int" | "bigint" | "bool" | "date" | "timestamp" | "json" | "textList" | "enum";

/** How a value reaches the export: a column of its own name, or under another name (a lookup shows the name behind a foreign key). */
export type ExportColumn = { name?: string; lookup?: "users" | "accounts" | "people"; expr?: string };

/**
 * A list filter read from the list URL. `param` names the query parameter (the field's key
 * unless stated). in: one of the values, comma-separated for several; is: exactly one value of
 * the field's enum; equalsIgnoreCase: the exact text in any case; equals: the exact id
 * (`empty: "any"`: an empty value is no filter rather than an error); assignee: "me",
 * "unassigned" or a teammate's id;
 * present: "true"/"false", whether the field is set; has: one item of a list; range: a lower
 * and an upper bound.
 */
export type FieldFilter =
  | { kind: "in"; param?: string; values?: readonly [string, ...string[]]; description?: string }
  | { kind: "is"; param?: string }
  | { kind: "equalsIgnoreCase"; param?: string; max: number }
  | { kind: "equals"; param?: string; empty?: "any" }
  | { kind: "assignee"; param: string }
  | { kind: "present"; param: string }
  | { kind: "has"; param: string; max: number; description?: string }
  | { kind: "range"; min: string; max: string; bound: { min: number; max: number } };

export type ImportProblems = { error(message: string): void; warn(message: string): void };

type FieldImport = {
  /** The import column's key when it differs from the field's (one CSV row feeds an account and a person). */
  key?: string;
  /** The wizard's name for the column, when it differs from the field's label. */
  label?: string;
  /** Header spellings that map to this field, compared folded (lower case, no accents or punctuation). */
  aliases: readonly string[];
  /** Numbers: larger values are refused as implausible. */
  max?: number;
  /** A reader for cells its type's default reader does not fit: the value, or null (say why through `problems`). */
  read?: (cell: string, problems: ImportProblems) => string | number | boolean | null;
};

export type FieldForm = {
  widget: "text" | "number" | "url" | "email" | "textarea";
  placeholder?: string;
  /** How a number is shown when not being edited. */
  display?: "number" | "usd";
};

export type FieldSpec = {
  /** What a rep reads: the form label, the import option, the name in messages. */
  label: string;
  type: FieldType;
  /** For enum fields: the PostgreSQL type name and the values. */
  enum?: { name: string; values: readonly [string, ...string[]] };
  /** What a client may send on create and update; a field without it is never written through the API. */
  input?: z.ZodType;
  /**
   * How create treats an `input` field (unset: it may be left out): "required"; `{ default }`,
   * the value written when it is left out; "never", only an update writes it (a meeting's
   * outcome is recorded after the meeting).
   */
  onCreate?: "required" | "never" | { default: string | number };
  /** "never": only create writes it (a message's recipient). Unset: an update may change it. */
  onUpdate?: "never";
  /** Leaves with the full export (true: a column named like the field). */
  export: boolean | ExportColumn | readonly ExportColumn[];
  /** Copied when a new event copies a previous event's target list; `reset` writes that value instead. */
  copy: boolean | { reset: string };
  import?: FieldImport;
  filter?: FieldFilter;
  /** Edited in place on the record's page with a standard widget (special editors live in the page). */
  form?: FieldForm;
  /**
   * Personal data (people): "report" — in the person's data report (GDPR access); "erase" — in
   * the report and blanked when the person is erased (src/server/privacy).
   */
  personal?: "report" | "erase";
};

export type RecordFields = {
  /** The table (its @@map name). */
  table: string;
  /** Prisma's model name: the registry test reads the model's columns by it. */
  model: string;
  fields: Record<string, FieldSpec>;
  /** Columns that are none of the derived things, each with the reason. */
  internal: Record<string, string>;
};

/** Declares a record's fields, keeping the field keys as literal types. */
export function defineRecord<const F extends Record<string, FieldSpec>>(record: { table: string; model: string; fields: F; internal: Record<string, string> }) {
  return record;
}

type Entries<F> = { [K in keyof F]: [K & string, F[K]] }[keyof F][];
function entries<F extends Record<string, FieldSpec>>(fields: F): Entries<F> {
  return Object.entries(fields) as Entries<F>;
}

type InputOf<S> = S extends { input: infer Z extends z.ZodType } ? Z : never;
type CreateShape<F> = {
  [K in keyof F as F[K] extends { input: z.ZodType } ? (F[K] extends { onCreate: "never" } ? never : K) : never]: F[K] extends { onCreate: "required" }
    ? InputOf<F[K]>
    : F[K] extends { onCreate: { default: unknown } }
      ? z.ZodDefault<InputOf<F[K]>>
      : z.ZodOptional<InputOf<F[K]>>;
};
type UpdateShape<F> = { [K in keyof F as F[K] extends { input: z.ZodType } ? (F[K] extends { onUpdate: "never" } ? never : K) : never]: z.ZodOptional<InputOf<F[K]>> };

/** The zod shape of a create body: the `input` fields but those `onCreate: "never"`, optional unless required or defaulted. */
export function createShape<F extends Record<string, FieldSpec>>(fields: F): CreateShape<F> {
  return Object.fromEntries(
    entries(fields).flatMap(([key, { input, onCreate }]) => {
      if (!input || onCreate === "never") return [];
      if (onCreate === "required") return [[key, input]];
      return [[key, onCreate ? input.default(onCreate.default as never) : input.optional()]];
    }),
  ) as CreateShape<F>;
}

/** The zod shape of an update body: the `input` fields but those `onUpdate: "never"`, each optional (what is left out stays as it is). */
export function updateShape<F extends Record<string, FieldSpec>>(fields: F): UpdateShape<F> {
  return Object.fromEntries(entries(fields).flatMap(([key, { input, onUpdate }]) => (input && onUpdate !== "never" ? [[key, input.optional()]] : []))) as UpdateShape<F>;
}

/** The fields copied with an event, in declaration order. */
export function copiedFields(fields: Record<string, FieldSpec>): { key: string; reset?: string; spec: FieldSpec }[] {
  return entries(fields).flatMap(([key, spec]) => (spec.copy === false ? [] : [{ key, spec, ...(spec.copy === true ? {} : { reset: spec.copy.reset }) }]));
}

export type ImportColumn = { key: string; field: string; label: string; aliases: readonly string[]; spec: FieldSpec };

/** The import columns that feed a record's fields, in declaration order. */
export function importColumns(fields: Record<string, FieldSpec>): ImportColumn[] {
  return entries(fields).flatMap(([field, spec]) =>
    spec.import ? [{ key: spec.import.key ?? field, field, label: spec.import.label ?? spec.label, aliases: spec.import.aliases, spec }] : [],
  );
}

/** The fields a record page edits with a standard widget, in declaration order. */
export function formFields(fields: Record<string, FieldSpec>): { key: string; label: string; form: FieldForm }[] {
  return entries(fields).flatMap(([key, spec]) => (spec.form ? [{ key, label: spec.label, form: spec.form }] : []));
}

type Personal<F, P> = { [K in keyof F as F[K] extends { personal: P } ? K : never]: true };
/** The fields in a person's data report, as a Prisma-style select. */
export function personalSelect<F extends Record<string, FieldSpec>>(fields: F): Personal<F, "report" | "erase"> {
  return Object.fromEntries(entries(fields).flatMap(([key, spec]) => (spec.personal ? [[key, true]] : []))) as Personal<F, "report" | "erase">;
}
/** The fields erasure blanks, with their types. */
export function erasedFields(fields: Record<string, FieldSpec>): { key: string; type: FieldType }[] {
  return entries(fields).flatMap(([key, spec]) => (spec.personal === "erase" ? [{ key, type: spec.type }] : []));
}

/** The fields with a list filter, in declaration order. */
export function filterFields(fields: Record<string, FieldSpec>): { key: string; spec: FieldSpec; filter: FieldFilter }[] {
  return entries(fields).flatMap(([key, spec]) => (spec.filter ? [{ key, spec, filter: spec.filter }] : []));
}

// ───── shared validators ─────

export const idString = z.string().min(1).max(64);
/** Free text where an empty string means "clear it". */
export const optionalText = (max: number) => z.string().trim().max(max).transform((s) => (s === "" ? null : s)).nullable();
