import { Prisma } from "@/generated/prisma/client";

/**
 * Helpers for the few hot reads written as one SQL statement that returns nested JSON (record
 * pages: one round trip instead of five or six, see docs/PERFORMANCE.md). JSON has no dates, so
 * timestamps come back as strings: `withDates` turns them back into Dates on the records we
 * know, by our naming rule (every DateTime column of these models ends in "At"). It is shallow
 * on purpose: Json columns inside a record (dossier facts, ICP breakdowns) stay exactly as
 * stored, as Prisma would return them.
 */

/** `(SELECT coalesce(json_agg(x), '[]') FROM (<sql>) x)`: a sub-list as a JSON array, order kept. */
export function jsonList(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x)`;
}

/**
 * The joined row `alias` as a JSON object of `fields` (plain column names), or null when the
 * LEFT JOIN found nothing — what Prisma returns for an optional relation.
 */
export function joinedObject(alias: string, fields: readonly string[]): Prisma.Sql {
  return Prisma.raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${fields.map((f) => `'${f}', ${alias}.${f}`).join(", ")}) END`);
}

/** PostgreSQL `timestamp(3)` columns hold UTC without a zone mark; JSON prints them bare. */
function toDate(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

/**
 * Rows are typed as the records they become (Dates included): the JSON form only exists between
 * the query and this call.
 */
export function withDates<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (key.endsWith("At") && typeof value === "string") out[key] = toDate(value);
  }
  return out as T;
}

export function listWithDates<T extends object>(rows: readonly T[] | null | undefined): T[] {
  return (rows ?? []).map(withDates);
}
