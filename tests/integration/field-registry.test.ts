/**
 * The field registry (src/lib/fields) against the real tables: every column of a record's
 * table is either a declared field or listed as internal with a reason, and each field's
 * declared type matches the column's. When this fails after a schema change, declare the new
 * column in the record's registry file (docs/ARCHITECTURE.md, "Adding a field").
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RECORDS } from "@/lib/fields";
import type { FieldSpec } from "@/lib/fields/define";

const client = new pg.Client({ connectionString: inject("databaseUrl") });
beforeAll(() => client.connect());
afterAll(() => client.end());

type Column = { column_name: string; data_type: string; udt_name: string };

/** The PostgreSQL type a declared field type is stored as (udt_name; enums by their type name). */
function storedAs(spec: FieldSpec): string {
  switch (spec.type) {
    case "id": case "text": return "text";
    case "int": return "int4";
    case "bigint": return "int8";
    case "bool": return "bool";
    case "date": return "date";
    case "timestamp": return "timestamp";
    case "json": return "jsonb";
    case "textList": return "_text";
    case "enum": return spec.enum!.name;
  }
}

describe.each(Object.entries(RECORDS))("the %s registry", (_name, record) => {
  let columns: Column[] = [];
  beforeAll(async () => {
    columns = (await client.query<Column>(`SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [record.table])).rows;
  });

  it("names a table that exists", () => {
    expect(columns.length).toBeGreaterThan(3);
  });

  it("declares every column of the table, as a field or as internal", () => {
    const declared = new Set([...Object.keys(record.fields), ...Object.keys(record.internal)]);
    const undeclared = columns.map((c) => c.column_name).filter((c) => !declared.has(c));
    expect(undeclared, `columns of ${record.table} in neither the registry nor its internal list`).toEqual([]);
  });

  it("declares nothing the table lacks, and nothing twice", () => {
    const present = new Set(columns.map((c) => c.column_name));
    expect([...Object.keys(record.fields), ...Object.keys(record.internal)].filter((c) => !present.has(c))).toEqual([]);
    expect(Object.keys(record.fields).filter((k) => k in record.internal)).toEqual([]);
  });

  it("gives each field the column's type", () => {
    const mismatched = columns
      .filter((c) => c.column_name in record.fields)
      .flatMap((c) => {
        const want = storedAs(record.fields[c.column_name]!);
        return c.udt_name === want ? [] : [`${c.column_name}: declared ${want}, stored ${c.udt_name}`];
      });
    expect(mismatched).toEqual([]);
  });
});
