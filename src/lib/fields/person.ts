import { z } from "zod";
import { linkedinProfileUrl } from "@/lib/safe-links";
import { defineRecord, idString, optionalText } from "@/lib/fields/define";
import { TIERS } from "@/lib/vocabulary";

/**
 * A person's fields (table people), declared once: see define.ts for what derives from each
 * part. The order is the export's column order.
 */

export const LAWFUL_BASES = ["LEGITIMATE_INTEREST", "CONSENT", "CUSTOMER"] as const;
const DATA_SOURCES = ["IMPORT", "BOOTH", "MANUAL", "BOOKING", "RESEARCH"] as const;
const LEAD_RATINGS = ["hot", "warm", "cold"] as const;

const persona = (label: string) => ({ label, type: "bool", export: true, copy: true, input: z.boolean() }) as const;

export const PERSON = defineRecord({
  table: "people",
  model: "Person",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: true },
    // Copied people point at the copy of their account (copyTargetList maps the id).
    accountId: {
      label: "Account", type: "id", export: [{}, { name: "accountName", lookup: "accounts" }], copy: true,
      input: idString.nullable(),
      filter: { kind: "equals" },
    },
    firstName: {
      label: "First name", type: "text", personal: "erase", export: true, copy: true,
      input: z.string().trim().min(1, "Enter a first name").max(100),
      form: { widget: "text" },
      import: { aliases: ["first name", "firstname", "given name", "contact first name", "first"] },
    },
    lastName: {
      label: "Last name", type: "text", personal: "erase", export: true, copy: true,
      input: z.string().trim().max(100),
      form: { widget: "text", placeholder: "Last name" },
      import: { aliases: ["last name", "lastname", "surname", "family name", "contact last name", "last"] },
    },
    // Denormalised "first last", kept by the services; the import also reads a full-name column into it.
    name: {
      label: "Name", type: "text", personal: "erase", export: true, copy: true,
      import: { key: "fullName", label: "Full name", aliases: ["full name", "name", "contact name", "contact", "person", "contact full name"] },
    },
    title: {
      label: "Title", type: "text", personal: "erase", export: true, copy: true,
      input: optionalText(200),
      form: { widget: "text", placeholder: "Job title" },
      import: { label: "Job title", aliases: ["job title", "title", "position", "role", "job role", "contact title"] },
    },
    email: {
      label: "Email", type: "text", personal: "erase", export: true, copy: true,
      input: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address")).nullable(),
      form: { widget: "email", placeholder: "name@company.com" },
      import: { aliases: ["email", "email address", "e mail", "work email", "business email", "contact email", "primary email"] },
      filter: { kind: "present", param: "hasEmail" },
    },
    phone: {
      label: "Phone", type: "text", personal: "erase", export: true, copy: true,
      input: optionalText(50).refine((p) => p === null || /^[+()\d\s.-]{5,}$/.test(p), "Enter a phone number"),
      form: { widget: "text", placeholder: "+1 …" },
      import: { aliases: ["phone number", "phone", "work phone", "business phone", "mobile phone", "mobile", "direct phone", "telephone"] },
    },
    // Shown as a link on the person's page: only a linkedin.com address is kept (safe-links.ts).
    linkedin: {
      label: "LinkedIn", type: "text", personal: "erase", export: true, copy: true,
      input: z
        .string()
        .max(500)
        .transform((value, ctx) => linkedinProfileUrl(value) ?? (ctx.addIssue({ code: "custom", message: "Enter a linkedin.com profile address, like https://www.linkedin.com/in/name" }), z.NEVER))
        .nullable(),
      form: { widget: "url", placeholder: "https://www.linkedin.com/in/…" },
      import: {
        label: "LinkedIn URL",
        aliases: ["linkedin url", "linkedin", "linkedin profile", "linkedin profile url", "person linkedin url", "linkedin bio"],
        read: (cell, problems) => {
          const url = linkedinProfileUrl(cell);
          if (!url) problems.warn(`LinkedIn "${cell.slice(0, 80)}" is not a linkedin.com address; left empty`);
          return url;
        },
      },
    },
    timeZone: { label: "Time zone", type: "text", personal: "erase", export: true, copy: true, input: optionalText(64), form: { widget: "text", placeholder: "America/Chicago" } },
    // Seniority and the persona flags follow from the title (lib/personas.ts); the flags can be set by hand.
    seniority: { label: "Seniority", type: "text", personal: "erase", export: true, copy: true },
    isExecOps: persona("Ops executive"),
    isOps: persona("Operations"),
    isProc: persona("Procurement"),
    isSales: persona("Sales"),
    isTech: persona("Technology"),
    isNonOps: persona("Not in operations"),
    icpScore: { label: "ICP score", type: "int", export: true, copy: true, filter: { kind: "range", min: "icpMin", max: "icpMax", bound: { min: 0, max: 100 } } },
    // The booth's rating and interest tags belong to the show where they were taken.
    leadRating: {
      label: "Lead rating", type: "text", personal: "report", export: true, copy: false,
      input: optionalText(20),
      filter: { kind: "in", param: "rating", values: LEAD_RATINGS, description: "The booth rating (hot, warm, cold; comma-separated for several)." },
    },
    interestTags: {
      label: "Interest tags", type: "textList", personal: "erase", export: true, copy: false,
      filter: { kind: "has", param: "tag", max: 40, description: "One interest tag from the booth." },
    },
    assignedToId: {
      label: "Assigned rep", type: "id", export: { name: "assignedToEmail", lookup: "users" }, copy: true,
      input: idString.nullable(),
      filter: { kind: "assignee", param: "assignedTo" },
    },
    source: { label: "Source", type: "text", personal: "report", export: true, copy: { reset: "copied" } },
    notes: {
      label: "Notes", type: "text", personal: "erase", export: true, copy: true,
      input: optionalText(10_000),
      form: { widget: "textarea", placeholder: "Add notes for the team…" },
    },
    // Privacy (issue 20): why we may hold them and where the record came from. A copy starts
    // again from the defaults (legitimate interest, manual, now).
    // A person copied into next year's event is the same data subject from the same source, on the
    // same basis: the copy keeps the basis, the source and when it was sourced (GDPR accountability:
    // a consent from last year's booth must not turn into "legitimate interest, entered by hand").
    lawfulBasis: {
      label: "Lawful basis", type: "enum", personal: "report", enum: { name: "LawfulBasis", values: LAWFUL_BASES }, export: true, copy: true,
      input: z.enum(LAWFUL_BASES, { message: "Pick legitimate interest, consent or customer" }),
      filter: { kind: "in", description: "Lawful basis (comma-separated for several)." },
    },
    dataSource: {
      label: "Data source", type: "enum", personal: "report", enum: { name: "DataSource", values: DATA_SOURCES }, export: true, copy: true,
      filter: { kind: "in", description: "Where the record came from (comma-separated for several)." },
    },
    sourcedAt: { label: "Sourced", type: "timestamp", personal: "report", export: true, copy: true },
    erasedAt: { label: "Erased", type: "timestamp", personal: "report", export: true, copy: false },
    lastActivityAt: { label: "Last activity", type: "timestamp", export: true, copy: false },
    // Kept by the database from messages and meetings (migration 20261207200000_last_touched).
    lastTouchedAt: { label: "Last touched", type: "timestamp", export: true, copy: false },
    // Their account's tier, kept by the database for the list's tier chip (migration
    // 20261207220000_people_account_tier); the export has the account. A copy carries it, and the
    // database sets it again from the copied account, which keeps its tier.
    accountTier: { label: "Account tier", type: "enum", enum: { name: "Tier", values: TIERS }, export: false, copy: true },
    createdAt: { label: "Created", type: "timestamp", personal: "report", export: true, copy: false },
    updatedAt: { label: "Updated", type: "timestamp", personal: "report", export: true, copy: false },
    icpBreakdown: { label: "ICP breakdown", type: "json", personal: "erase", export: false, copy: true },
    icpScoredAt: { label: "ICP scored", type: "timestamp", export: false, copy: true },
  },
  internal: {
    eventId: "the event the person belongs to (set by whoever creates or copies them)",
    deletedAt: "Trash bookkeeping (src/server/trash)",
    deletedById: "Trash bookkeeping (src/server/trash)",
    deletionId: "Trash bookkeeping (src/server/trash)",
  },
});
