import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RECORDS } from "@/lib/fields";
import { ACCOUNT } from "@/lib/fields/account";
import { PERSON } from "@/lib/fields/person";
import { IMPORT_COLUMNS } from "@/lib/fields/import";
import { copiedFields, createShape, defineRecord, formFields, importColumns, updateShape, type FieldSpec } from "@/lib/fields/define";
import { filterShape } from "@/server/lists/filters";
import { COLUMNS } from "@/server/exports/entities";
import { detectMapping } from "@/server/import/fields";
import { readRecords } from "@/server/import/records";
import { createPersonBody, listPeopleQuery, updatePersonBody } from "@/server/people/service";
import { createOutreachBody, listOutreachQuery, updateOutreachBody } from "@/server/outreach/schemas";
import { createMeetingBody, listMeetingsQuery, updateMeetingBody } from "@/server/meetings/schemas";

// The field walk of docs/ARCHITECTURE.md: a field added to a registry reaches every derived
// place. A copy of the person registry with one more field stands in for the edited file.
const linkedinConnection: FieldSpec = {
  label: "LinkedIn connection", type: "enum", enum: { name: "LinkedinConnection", values: ["FIRST", "SECOND", "THIRD"] }, export: true, copy: true,
  input: z.enum(["FIRST", "SECOND", "THIRD"]).nullable(),
  import: { aliases: ["linkedin connection", "connection degree"] },
  filter: { kind: "in", param: "connection" },
  form: { widget: "text" },
};
const walked = defineRecord({ ...PERSON, fields: { ...PERSON.fields, linkedinConnection } });

describe("the field registry", () => {
  it("walks a new field into the API schema, import, copy, filters and the record page", () => {
    expect(Object.keys(createShape(walked.fields))).toContain("linkedinConnection");
    expect(Object.keys(updateShape(walked.fields))).toContain("linkedinConnection");
    expect(importColumns(walked.fields).map((c) => c.key)).toContain("linkedinConnection");
    expect(copiedFields(walked.fields).map((f) => f.key)).toContain("linkedinConnection");
    expect(Object.keys(filterShape(walked.fields))).toContain("connection");
    expect(formFields(walked.fields).map((f) => f.key)).toContain("linkedinConnection");
  });

  it("is what the API validates with, messages included", () => {
    expect(updatePersonBody.safeParse({ linkedin: "https://evil.example/in/x" }).error?.issues[0]?.message).toBe("Enter a linkedin.com profile address, like https://www.linkedin.com/in/name");
    expect(createPersonBody.parse({ name: "Dana Ruiz" })).toMatchObject({ firstName: "Dana", lastName: "Ruiz" });
    expect(listPeopleQuery.parse({ rating: "hot,warm", hasEmail: "true", icpMin: "10" })).toMatchObject({ rating: ["hot", "warm"], hasEmail: "true", icpMin: 10 });
    expect(listPeopleQuery.safeParse({ icpMin: "60", icpMax: "20" }).error?.issues[0]).toMatchObject({ message: "icpMin must not exceed icpMax", path: ["icpMin"] });
  });

  it("derives the outreach and meeting bodies and list filters: required, defaults, create-only and update-only fields", () => {
    expect(createOutreachBody.parse({ personId: "p1", subject: "Hi", message: "Hello" })).toEqual({ personId: "p1", channel: "EMAIL", subject: "Hi", message: "Hello", generatedBy: "manual" });
    expect(createOutreachBody.safeParse({ personId: "p1", message: " " }).error?.issues[0]).toMatchObject({ path: ["message"], message: "The message is empty" });
    expect(updateOutreachBody.parse({ subject: "New" })).toEqual({ subject: "New" });
    expect(updateOutreachBody.safeParse({ personId: "p2" }).success).toBe(false);
    expect(listOutreachQuery.parse({ status: "SENT", channel: "EMAIL", ownerId: "" })).toMatchObject({ status: "SENT", channel: "EMAIL", ownerId: "" });
    expect(listOutreachQuery.safeParse({ status: "SENT,FAILED" }).success).toBe(false);

    expect(createMeetingBody.parse({ personId: "p1", scheduledAt: "2026-12-14T09:30" })).toEqual({ personId: "p1", scheduledAt: "2026-12-14T09:30", durationMinutes: 30, locationType: "BOOTH", sendInvite: true, allowConflicts: false });
    expect(createMeetingBody.safeParse({ personId: "p1", scheduledAt: "2026-12-14T09:30", outcome: "Signed" }).success).toBe(false);
    expect(createMeetingBody.safeParse({ personId: "p1", scheduledAt: "2026-12-14T09:30", locationType: "OFFSITE" }).error?.issues[0]).toMatchObject({ path: ["address"], message: "An off-site meeting needs an address" });
    // What an edit leaves out stays as it is: the dialog's edit used to blank the title, outcome and next step.
    expect(updateMeetingBody.parse({ agenda: "" })).toEqual({ agenda: null, sendInvite: true, allowConflicts: false });
    expect(updateMeetingBody.safeParse({ personId: "p2" }).success).toBe(false);
    expect(listMeetingsQuery.parse({ status: "SCHEDULED", accountId: "a1" })).toMatchObject({ status: "SCHEDULED", accountId: "a1" });
    expect(listMeetingsQuery.safeParse({ ownerId: "" }).success).toBe(false);
  });

  it("exports a column per exported field, under its export name, in declaration order", () => {
    expect(COLUMNS.people.slice(0, 4)).toEqual(["id", "accountId", "accountName", "firstName"]);
    expect(COLUMNS.accounts).toContain("assignedToEmail");
    expect(COLUMNS.accounts).not.toContain("assignedToId");
    expect(COLUMNS.accounts).not.toContain("normalizedName");
  });

  it("imports every importable field from its aliases, read by its type", () => {
    const headers = ["Company", "Employees", "Email", "Job Title", "LinkedIn Profile"];
    const mapping = detectMapping(headers);
    expect(mapping).toEqual({ Company: "accountName", Employees: "employeeCount", Email: "email", "Job Title": "title", "LinkedIn Profile": "linkedin" });
    const [row] = readRecords(headers, [["Acme", "1,200", "a@acme.example", "VP Ops", "not a profile"]], mapping);
    expect(row!.account).toMatchObject({ name: "Acme", employeeCount: 1200 });
    expect(row!.person).toMatchObject({ email: "a@acme.example", title: "VP Ops", linkedin: null });
    expect(row!.warnings).toContain('LinkedIn "not a profile" is not a linkedin.com address; left empty');
    const [bad] = readRecords(["Company", "Employees"], [["Acme", "lots"]], detectMapping(["Company", "Employees"]));
    expect(bad!.errors).toEqual(['Employees: "lots" is not a number']);
  });

  it("gives each import column one key and each header spelling one column", () => {
    const keys = IMPORT_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const aliases = IMPORT_COLUMNS.flatMap((c) => c.aliases);
    expect(aliases.filter((a, i) => aliases.indexOf(a) !== i)).toEqual([]);
  });

  it.each(Object.entries(RECORDS))("declares %s fields consistently", (_name, record) => {
    const problems: string[] = [];
    for (const [key, spec] of Object.entries(record.fields)) {
      if (spec.type === "enum" && !spec.enum) problems.push(`${key}: an enum without its values`);
      if (spec.form && !spec.input) problems.push(`${key}: editable on the page but not accepted by the API`);
      if (spec.import && !spec.import.read && !["id", "text", "int", "bigint", "bool", "enum", "date"].includes(spec.type)) problems.push(`${key}: the import has no reader for ${spec.type}`);
      if (spec.filter?.kind === "in" && !spec.filter.values && !spec.enum) problems.push(`${key}: an "in" filter without values`);
      if (spec.filter?.kind === "is" && !spec.enum) problems.push(`${key}: an "is" filter on a field that is not an enum`);
      if ((spec.onCreate || spec.onUpdate) && !spec.input) problems.push(`${key}: create/update rules for a field the API does not accept`);
      if (spec.onCreate === "never" && spec.onUpdate === "never") problems.push(`${key}: accepted by the API but written by neither create nor update`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps account and person fields apart from the Trash and event columns", () => {
    for (const record of [ACCOUNT, PERSON]) {
      expect(Object.keys(record.internal).sort()).toEqual(["deletedAt", "deletedById", "deletionId", "eventId"]);
    }
  });
});
