import { z } from "zod";
import { ACCOUNT_STATUSES, OPPORTUNITY_STAGES, TIERS } from "@/lib/vocabulary";
import { defineRecord, idString, optionalText } from "@/lib/fields/define";

/**
 * A target account's fields (table target_accounts), declared once: see define.ts for what
 * derives from each part. The order is the export's column order.
 */

const domain = z
  .string()
  .trim()
  .toLowerCase()
  // split, not /\/.*$/: that expression backtracks (a body of slashes took seconds).
  .transform((d) => d.replace(/^https?:\/\//, "").replace(/^www\./, "").split("/")[0]!)
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain like acme.com").max(253));
const website = z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/, message: "Enter a full URL starting with https://" }));

export const ACCOUNT = defineRecord({
  table: "target_accounts",
  model: "TargetAccount",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: true },
    name: {
      label: "Name", type: "text", export: true, copy: true,
      input: z.string().trim().min(1, "Name is required").max(200), onCreate: "required",
      form: { widget: "text" },
      import: {
        key: "accountName", label: "Company name",
        aliases: [
          "company name", "company", "account name", "account", "organization", "organisation", "organization name",
          "business name", "employer", "associated company", "company name primary", "parent account",
        ],
      },
    },
    domain: {
      label: "Domain", type: "text", export: true, copy: true,
      input: domain.nullable(),
      form: { widget: "text", placeholder: "acme.com" },
      import: { aliases: ["company domain name", "domain", "company domain", "domain name", "email domain"] },
    },
    website: {
      label: "Website", type: "text", export: true, copy: true,
      input: website.nullable(),
      form: { widget: "url", placeholder: "https://…" },
      import: { aliases: ["website url", "website", "company website", "web site", "url", "homepage", "site", "company url", "web address"] },
    },
    industry: {
      label: "Industry", type: "text", export: true, copy: true,
      input: optionalText(100),
      form: { widget: "text", placeholder: "Industry" },
      import: { aliases: ["industry", "company industry", "sector", "vertical", "industry type"] },
      filter: { kind: "equalsIgnoreCase", max: 100 },
    },
    // Headquarters and location are composed by the import from its city, state and country columns (import/fields.ts).
    headquarters: { label: "Headquarters", type: "text", export: true, copy: true, input: optionalText(200), form: { widget: "text", placeholder: "City, ST" } },
    location: { label: "Location", type: "text", export: true, copy: true, input: optionalText(200), form: { widget: "text", placeholder: "Region or address" } },
    employeeCount: {
      label: "Employees", type: "int", export: true, copy: true,
      input: z.number().int("Whole number").min(0).max(10_000_000).nullable(),
      form: { widget: "number", display: "number" },
      import: {
        max: 10_000_000,
        aliases: [
          "number of employees", "employees", "employee count", "company size", "headcount", "no of employees",
          "num employees", "size", "employee range", "total employees",
        ],
      },
    },
    revenue: {
      label: "Annual revenue (USD)", type: "bigint", export: true, copy: true,
      input: z.number().int("Whole dollars").min(0).max(10_000_000_000_000).nullable(),
      form: { widget: "number", display: "usd" },
      import: { label: "Annual revenue", max: 1e15, aliases: ["annual revenue", "revenue", "company revenue", "annual revenue usd", "total revenue", "sales volume"] },
    },
    facilityCount: {
      label: "Facilities", type: "int", export: true, copy: true,
      input: z.number().int("Whole number").min(0).max(100_000).nullable(),
      form: { widget: "number" },
      import: { max: 1_000_000, aliases: ["facilities", "facility count", "number of facilities", "sites", "locations", "number of locations", "dcs", "number of sites"] },
    },
    tier: {
      label: "Tier", type: "enum", enum: { name: "Tier", values: TIERS }, export: true, copy: true,
      input: z.enum(TIERS),
      filter: { kind: "in" },
    },
    status: {
      label: "Status", type: "enum", enum: { name: "AccountStatus", values: ACCOUNT_STATUSES }, export: true,
      // A new show starts every account over.
      copy: { reset: "PROSPECTING" },
      input: z.enum(ACCOUNT_STATUSES),
      filter: { kind: "in" },
    },
    icpScore: { label: "ICP score", type: "int", export: true, copy: true, filter: { kind: "range", min: "icpMin", max: "icpMax", bound: { min: 0, max: 100 } } },
    assignedToId: {
      label: "Assigned rep", type: "id", export: { name: "assignedToEmail", lookup: "users" }, copy: true,
      input: idString.nullable(),
      filter: { kind: "assignee", param: "assignedTo" },
    },
    source: { label: "Source", type: "text", export: true, copy: { reset: "copied" } },
    notes: {
      label: "Notes", type: "text", export: true, copy: true,
      input: optionalText(10_000),
      form: { widget: "textarea", placeholder: "Add notes for the team…" },
      import: { key: "accountNotes", label: "Account notes", aliases: ["notes", "description", "company description", "account description", "about"] },
    },
    // The account's opportunity (show ROI): stage, value in whole dollars, expected close, why won
    // or lost. It is this show's deal, so it stays behind when the target list is copied.
    opportunityStage: {
      label: "Opportunity stage", type: "enum", enum: { name: "OpportunityStage", values: OPPORTUNITY_STAGES }, export: true, copy: false,
      input: z.enum(OPPORTUNITY_STAGES, { error: "Pick a stage: qualified, proposal, negotiation, won or lost" }).nullable(),
    },
    opportunityAmount: {
      label: "Amount (USD)", type: "int", export: true, copy: false,
      input: z.number({ error: "Enter an amount in whole dollars" }).int("Whole dollars").min(0, "Cannot be negative").max(2_000_000_000).nullable(),
    },
    expectedCloseDate: { label: "Expected close", type: "date", export: true, copy: false, input: z.iso.date("Enter a date like 2026-06-30").nullable() },
    closeReason: { label: "Won or lost because", type: "text", export: true, copy: false, input: optionalText(500) },
    opportunityOpenedAt: { label: "Opportunity opened", type: "timestamp", export: true, copy: false },
    closedAt: { label: "Closed", type: "timestamp", export: true, copy: false },
    lastActivityAt: { label: "Last activity", type: "timestamp", export: true, copy: false },
    createdAt: { label: "Created", type: "timestamp", export: true, copy: false },
    updatedAt: { label: "Updated", type: "timestamp", export: true, copy: false },
    // Kept by the code, not by people: the name's natural key and the score's reasons travel with a copy.
    normalizedName: { label: "Normalised name", type: "text", export: false, copy: true },
    icpBreakdown: { label: "ICP breakdown", type: "json", export: false, copy: true },
    icpScoredAt: { label: "ICP scored", type: "timestamp", export: false, copy: true },
  },
  internal: {
    eventId: "the event the account belongs to (set by whoever creates or copies it)",
    deletedAt: "Trash bookkeeping (src/server/trash)",
    deletedById: "Trash bookkeeping (src/server/trash)",
    deletionId: "Trash bookkeeping (src/server/trash)",
  },
});
