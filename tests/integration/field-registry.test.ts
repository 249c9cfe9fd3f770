/**
 * The field registry (src/lib/fields) against the real tables: every column of a record's
 * table is either a declared field or listed as internal with a reason, and each field's
 * declared type matches the column's. When this fails after a schema change, declare the new
 * column in the record's registry file (docs/ARCHITECTURE.md, "Adding a field").
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../helpers/test-db";
import { RECORDS } from "@/lib/fields";
import type { FieldSpec } from "@/lib/fields/define";

const client = new pg.Client({ connectionString: testDatabaseUrl() });
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

describe("copying a target list into a new event", () => {
  it("copies exactly the fields the registry marks `copy`, resets the reset ones, and leaves the rest at their defaults", async () => {
    const { prisma } = await import("@/server/db");
    const { createEvent, createUser } = await import("../helpers/factories");
    const { copyTargetList } = await import("@/server/events/service");
    const { ACCOUNT } = await import("@/lib/fields/account");
    const { PERSON } = await import("@/lib/fields/person");
    const [from, to, rep] = await Promise.all([createEvent(), createEvent(), createUser()]);
    const account = await prisma.targetAccount.create({
      data: {
        eventId: from.id, name: "Copy Fields Co", normalizedName: "copy fields", website: "https://copyfields.example", domain: "copyfields.example",
        industry: "3PL", headquarters: "Memphis, TN", location: "Memphis, TN, US", employeeCount: 1200, revenue: 5_000_000n, facilityCount: 4,
        tier: "A", status: "ENGAGED", icpScore: 77, icpBreakdown: { fit: 1 }, icpScoredAt: new Date("2026-01-02T03:04:05Z"), notes: "Met at the last show",
        assignedToId: rep.id, source: "csv-import", opportunityStage: "PROPOSAL", opportunityAmount: 90_000, expectedCloseDate: new Date("2026-06-30"),
        closeReason: "n/a", opportunityOpenedAt: new Date(), lastActivityAt: new Date(),
      },
    });
    const person = await prisma.person.create({
      data: {
        eventId: from.id, accountId: account.id, firstName: "Rae", lastName: "Cope", name: "Rae Cope", title: "VP Ops", email: `rae.${from.id}@copyfields.example`,
        phone: "+1 555 0100", linkedin: "https://www.linkedin.com/in/rae", timeZone: "America/Chicago", notes: "Likes yard data", isExecOps: true, isOps: true,
        seniority: "vp", icpScore: 88, icpBreakdown: { fit: 2 }, icpScoredAt: new Date("2026-01-02T03:04:05Z"), leadRating: "hot", interestTags: ["pilot"],
        assignedToId: rep.id, source: "booth", lawfulBasis: "CONSENT", dataSource: "BOOTH", lastActivityAt: new Date(),
      },
    });
    // An erased person stays behind: their anonymised row must not come back to life in the next show.
    await prisma.person.create({ data: { eventId: from.id, accountId: account.id, firstName: "Erased", lastName: "person", name: "Erased person", erasedAt: new Date() } });
    await prisma.$transaction((tx) => copyTargetList(from.id, to.id, tx));
    const copiedAccount = await prisma.targetAccount.findFirstOrThrow({ where: { eventId: to.id } });
    const copiedPeople = await prisma.person.findMany({ where: { eventId: to.id } });
    expect(copiedPeople.map((p) => p.name)).toEqual(["Rae Cope"]);
    const copiedPerson = copiedPeople[0]!;
    expect(copiedPerson.accountId).toBe(copiedAccount.id);

    const check = (fields: Record<string, FieldSpec>, before: Record<string, unknown>, after: Record<string, unknown>, mapped: string[]) => {
      const wrong: string[] = [];
      for (const [key, spec] of Object.entries(fields)) {
        if (mapped.includes(key) || key === "createdAt" || key === "updatedAt") continue;
        const was = JSON.stringify(before[key], (_k, v) => (typeof v === "bigint" ? v.toString() : v));
        const now = JSON.stringify(after[key], (_k, v) => (typeof v === "bigint" ? v.toString() : v));
        if (spec.copy === true && was !== now) wrong.push(`${key} was not copied (${was} → ${now})`);
        if (typeof spec.copy === "object" && after[key] !== spec.copy.reset) wrong.push(`${key} was not reset to ${spec.copy.reset} (${now})`);
        if (spec.copy === false && was === now && before[key] !== null) wrong.push(`${key} was copied though the registry says not (${now})`);
      }
      return wrong;
    };
    expect(check(ACCOUNT.fields, account, copiedAccount, ["id"])).toEqual([]);
    expect(check(PERSON.fields, person, copiedPerson, ["id", "accountId"])).toEqual([]);
  });
});
