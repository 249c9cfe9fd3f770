import fc from "fast-check";
import type { ZodType } from "zod";

/**
 * Reading the API's zod 4 schemas for the fuzz test: which fields a params/query/body schema
 * has (per variant of a discriminated union), a valid example for each (so one bad field at a
 * time reaches the handler), and the bad values to try. Schemas are read through their public
 * definition objects (`schema._zod.def`), not re-declared, so routes added later are covered.
 */

type Check = { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string; minimum?: number; maximum?: number; pattern?: RegExp } } };
type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  element?: ZodType;
  options?: ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Check[];
  format?: string;
  minimum?: number;
  maximum?: number;
  pattern?: RegExp;
  coerce?: boolean;
};

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object variants of a schema: one for an object, one per option of a union of objects. */
export function objectVariants(schema: ZodType): Record<string, ZodType>[] {
  const def = defOf(schema);
  if (def.shape) return [def.shape];
  if (def.type === "pipe" && def.in) return objectVariants(def.in);
  if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) return objectVariants(def.innerType);
  if (def.type === "union" && def.options) return def.options.flatMap(objectVariants);
  return [];
}

/** Peels optional/default/nullable/pipe wrappers: what a present value must look like. */
export function innerOf(schema: ZodType): { core: ZodType; optional: boolean; nullable: boolean } {
  let core = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(core);
    if (def.type === "optional" || def.type === "default") optional = true;
    else if (def.type === "nullable") nullable = true;
    else if (def.type !== "nonoptional" && def.type !== "pipe") return { core, optional, nullable };
    core = (def.type === "pipe" ? def.in : def.innerType)!;
  }
}

export type IdPicker = (field: string) => string;

const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** A value the schema accepts, or undefined when we cannot tell. */
export function exampleValue(schema: ZodType, field: string, pickId: IdPicker): unknown {
  const { core } = innerOf(schema);
  const def = defOf(core);
  switch (def.type) {
    case "object":
      return exampleObject(def.shape ?? {}, pickId);
    case "string":
      return exampleString(def, field, pickId);
    case "number": {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === "greater_than")?.value as number | undefined;
      const max = checks.find((c) => c.check === "less_than")?.value as number | undefined;
      const value = Math.min(Math.max(min ?? 1, 1), max ?? Infinity);
      return def.coerce ? String(value) : value;
    }
    case "boolean":
      return true;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "date":
      return "2026-03-10T17:00:00.000Z";
    case "array": {
      const min = checksOf(def).find((c) => c.check === "min_length")?.minimum ?? 1;
      const item = exampleValue(def.element!, field.replace(/s$/, ""), pickId);
      return Array.from({ length: Math.max(1, min) }, () => item);
    }
    case "record":
      return {};
    case "union":
      return exampleValue(def.options![0]!, field, pickId);
    default:
      return "Fuzz";
  }
}

export function exampleObject(shape: Record<string, ZodType>, pickId: IdPicker): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (innerOf(field).optional) continue;
    value[key] = exampleValue(field, key, pickId);
  }
  return value;
}

let emailCounter = 0;

function exampleString(def: Def, field: string, pickId: IdPicker): string {
  const checks = checksOf(def);
  const format = checks.find((c) => c.check === "string_format")?.format ?? def.format;
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  if (/(^id$|Id$)/.test(field) || field === "ids" || /Ids$/.test(field)) return pickId(field);
  if (format === "email" || /email/i.test(field)) return `fuzz.${(emailCounter++).toString(36)}@example.test`;
  if (format === "url" || /website|url|linkedin/i.test(field)) return "https://example.test/";
  if (format === "datetime" || /At$|Date$|^(from|to|since|until)$/.test(field)) return "2026-03-10T17:00:00.000Z";
  if (format === "date") return "2026-03-10";
  if (/timeZone/i.test(field)) return "America/Chicago";
  if (/domain/i.test(field)) return "example.test";
  const pattern = checks.find((c) => c.check === "string_format" && c.pattern)?.pattern;
  if (pattern) {
    const [sample] = fc.sample(fc.stringMatching(pattern), { numRuns: 1, seed: 1 });
    if (sample !== undefined) return sample;
  }
  return "Fuzz value".padEnd(min, "x");
}

/** Whether a value sent as JSON (or as a query string) would pass the schema right now. */
export function accepts(schema: ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

const DEEP = (() => {
  let value: unknown = "bottom";
  for (let i = 0; i < 40; i++) value = [value];
  return value;
})();

/** Odd but valid text: the schema usually accepts it and then the request must succeed. */
export const ODD_TEXT = ["Zoë 🚚 👩🏽‍💻 Logistics", "\u202eשלום עולם\u202c \u200f", "O'Brien; DROP TABLE people;--", "<script>alert(1)</script>", "../../etc/passwd", "名古屋物流株式会社"];

/** The bad values every field gets, by label (a label names the class in a failure). */
export const BAD_VALUES: Record<string, unknown> = {
  "number 42": 42,
  "boolean true": true,
  null: null,
  "empty array": [],
  "object with an operator": { $ne: null },
  "empty string": "",
  "only spaces": "   ",
  "10 KB string": "x".repeat(10_000),
  "NUL byte": "a\u0000b",
  "lone surrogate": "a\ud800b",
  "huge number": 1e308,
  "negative number": -1,
  "fraction": 0.5,
  "beyond safe integer": 2 ** 53 + 2,
  "2^31": 2 ** 31,
  "impossible date": "2026-02-30T25:61:00Z",
  "date past JavaScript's range": "+275760-09-13T00:00:00.001Z",
  "year zero": "0000-01-01T00:00:00Z",
  "deep JSON": DEEP,
  "an id that exists nowhere": "cm0doesnotexist000000000",
  ...Object.fromEntries(ODD_TEXT.map((text, i) => [`odd text ${i + 1}`, text])),
};

/** The same for a query string or a path: strings only. */
export const BAD_STRINGS: Record<string, string> = Object.fromEntries(
  Object.entries(BAD_VALUES)
    .filter(([, v]) => typeof v !== "object" || v === null)
    .map(([label, v]) => [label, v === null ? "null" : String(v)]),
);

/** Random extra values for the property run, mixed from fast-check's generators. */
export const randomValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...Object.values(BAD_VALUES)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 3 }),
);

export const randomString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...Object.values(BAD_STRINGS)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);
