import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { filterFields, type FieldFilter, type FieldSpec, type RecordFields } from "@/lib/fields/define";
import { assigneeFilter, csvEnum, idString } from "@/server/accounts/shared";

/**
 * The list filters a record's fields declare (`filter` in src/lib/fields), in the three forms
 * the lists need: the URL's zod schema (and through it the OpenAPI parameters), SQL for the
 * list statements, and a Prisma `where` for the saved-filter enrolment. One declaration, so
 * the three cannot disagree. Filters that are not one field (search, personas, engagement,
 * a person's account tier) stay with their list.
 */

type ParamOf<K extends string, X> = X extends { kind: "range"; min: infer A extends string; max: infer B extends string } ? A | B : X extends { param: infer P extends string } ? P : K;
type InValues<S, X> = X extends { values: readonly (infer V)[] } ? V[] : S extends { enum: { values: readonly (infer V)[] } } ? V[] : string[];
type ValueOf<S, X> = X extends { kind: "in" } ? InValues<S, X> : X extends { kind: "is" } ? InValues<S, X>[number] : X extends { kind: "range" } ? number : X extends { kind: "present" } ? "true" | "false" : string;
/** The URL parameters a record's field filters read, with their parsed values. */
export type FilterShape<F> = {
  [K in keyof F as F[K] extends { filter: infer X } ? ParamOf<K & string, X> : never]: z.ZodOptional<z.ZodType<F[K] extends { filter: infer X } ? ValueOf<F[K], X> : never>>;
};

function inValues(key: string, spec: FieldSpec, filter: Extract<FieldFilter, { kind: "in" | "is" }>): [string, ...string[]] {
  const values = ("values" in filter ? filter.values : undefined) ?? spec.enum?.values;
  if (!values) throw new Error(`The "${filter.kind}" filter of ${key} needs values or an enum`);
  return [...values];
}

/** The zod shape of a record's field filters, to spread into its list query schema. */
export function filterShape<F extends Record<string, FieldSpec>>(fields: F): FilterShape<F> {
  const shape: Record<string, z.ZodType> = {};
  for (const { key, spec, filter } of filterFields(fields)) {
    switch (filter.kind) {
      case "in": {
        const schema = csvEnum(inValues(key, spec, filter)).optional();
        shape[filter.param ?? key] = filter.description ? schema.describe(filter.description) : schema;
        break;
      }
      case "is": shape[filter.param ?? key] = z.enum(inValues(key, spec, filter)).optional(); break;
      case "equalsIgnoreCase": shape[filter.param ?? key] = z.string().trim().max(filter.max).optional(); break;
      case "equals": shape[filter.param ?? key] = (filter.empty === "any" ? z.string().max(64) : idString).optional(); break;
      case "assignee": shape[filter.param] = z.string().max(64).optional(); break;
      case "present": shape[filter.param] = z.enum(["true", "false"]).optional(); break;
      case "has": {
        const schema = z.string().trim().toLowerCase().min(1).max(filter.max).optional();
        shape[filter.param] = filter.description ? schema.describe(filter.description) : schema;
        break;
      }
      case "range": {
        const bound = z.coerce.number().int().min(filter.bound.min).max(filter.bound.max).optional();
        shape[filter.min] = bound;
        shape[filter.max] = bound;
        break;
      }
    }
  }
  return shape as FilterShape<F>;
}

/** A range's lower bound may not exceed its upper one: "icpMin must not exceed icpMax", on the lower bound. */
export function rangeIssues(fields: Record<string, FieldSpec>, q: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const { filter } of filterFields(fields)) {
    if (filter.kind !== "range") continue;
    const min = q[filter.min];
    const max = q[filter.max];
    if (typeof min === "number" && typeof max === "number" && min > max) ctx.addIssue({ code: "custom", message: `${filter.min} must not exceed ${filter.max}`, path: [filter.min] });
  }
}

type Query = Record<string, unknown>;
const list = (v: unknown): string[] | null => (Array.isArray(v) && v.length > 0 ? (v as string[]) : null);
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** The field filters as SQL conditions on the record's table under `alias`. */
export function filterSql(record: RecordFields, alias: string, q: Query, userId: string): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  for (const { key, spec, filter } of filterFields(record.fields)) {
    const column = Prisma.raw(`${alias}."${key}"`);
    switch (filter.kind) {
      case "in": {
        const values = list(q[filter.param ?? key]);
        if (!values) break;
        parts.push(spec.enum ? Prisma.sql`${column} = ANY (CAST(${values} AS ${Prisma.raw(`"${spec.enum.name}"`)}[]))` : Prisma.sql`${column} = ANY (${values})`);
        break;
      }
      case "is": {
        const value = text(q[filter.param ?? key]);
        if (value !== null) parts.push(spec.enum ? Prisma.sql`${column} = CAST(${value} AS ${Prisma.raw(`"${spec.enum.name}"`)})` : Prisma.sql`${column} = ${value}`);
        break;
      }
      case "equalsIgnoreCase": {
        const value = text(q[filter.param ?? key]);
        if (value !== null) parts.push(Prisma.sql`lower(${column}) = lower(${value})`);
        break;
      }
      case "equals": {
        const value = text(q[filter.param ?? key]);
        if (value !== null) parts.push(Prisma.sql`${column} = ${value}`);
        break;
      }
      case "assignee": {
        const assignee = assigneeFilter(q[filter.param] as string | undefined, userId);
        if (assignee === null) parts.push(Prisma.sql`${column} IS NULL`);
        else if (assignee !== undefined) parts.push(Prisma.sql`${column} = ${assignee}`);
        break;
      }
      case "present": {
        if (q[filter.param] === "true") parts.push(Prisma.sql`${column} IS NOT NULL`);
        if (q[filter.param] === "false") parts.push(Prisma.sql`${column} IS NULL`);
        break;
      }
      case "has": {
        const value = text(q[filter.param]);
        if (value !== null) parts.push(Prisma.sql`${value} = ANY (${column})`);
        break;
      }
      case "range": {
        if (typeof q[filter.min] === "number") parts.push(Prisma.sql`${column} >= ${q[filter.min]}`);
        if (typeof q[filter.max] === "number") parts.push(Prisma.sql`${column} <= ${q[filter.max]}`);
        break;
      }
    }
  }
  return parts;
}

/**
 * Whether the record's field filters set in `q` are among `params` alone: then a rollup keyed by
 * those fields can count the list instead of its rows (the accounts' and messages' totals).
 */
export function narrowsOnlyBy(record: RecordFields, q: Query, params: readonly string[], userId: string): boolean {
  const kept = Object.fromEntries(params.map((param) => [param, q[param]]));
  return filterWhere(record, q, userId).length === filterWhere(record, kept, userId).length;
}

/** The same field filters as Prisma `where` conditions (for code that reads through Prisma). */
export function filterWhere(record: RecordFields, q: Query, userId: string): Record<string, unknown>[] {
  const and: Record<string, unknown>[] = [];
  for (const { key, filter } of filterFields(record.fields)) {
    switch (filter.kind) {
      case "in": {
        const values = list(q[filter.param ?? key]);
        if (values) and.push({ [key]: { in: values } });
        break;
      }
      case "equalsIgnoreCase": {
        const value = text(q[filter.param ?? key]);
        if (value !== null) and.push({ [key]: { equals: value, mode: "insensitive" } });
        break;
      }
      case "is":
      case "equals": {
        const value = text(q[filter.param ?? key]);
        if (value !== null) and.push({ [key]: value });
        break;
      }
      case "assignee": {
        const assignee = assigneeFilter(q[filter.param] as string | undefined, userId);
        if (assignee !== undefined) and.push({ [key]: assignee });
        break;
      }
      case "present": {
        if (q[filter.param] === "true") and.push({ [key]: { not: null } });
        if (q[filter.param] === "false") and.push({ [key]: null });
        break;
      }
      case "has": {
        const value = text(q[filter.param]);
        if (value !== null) and.push({ [key]: { has: value } });
        break;
      }
      case "range": {
        const min = typeof q[filter.min] === "number" ? q[filter.min] : undefined;
        const max = typeof q[filter.max] === "number" ? q[filter.max] : undefined;
        if (min !== undefined || max !== undefined) and.push({ [key]: { gte: min, lte: max } });
        break;
      }
    }
  }
  return and;
}
