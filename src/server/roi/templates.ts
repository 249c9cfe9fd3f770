import { formatCount } from "@/lib/numbers";
import {
  ASSUMPTION_META, calculateRoi, defaultAssumptions, ROI_EXPLANATION, roiAssumptionsSchema,
  type AccountFacts, type AssumptionSource, type RoiAssumptions, type RoiLine, type RoiResult,
} from "./model";

/**
 * The ROI models a seller can pick in Settings → "Our product". Each template declares its
 * inputs (label, unit, group, bounds), how their defaults follow from an account's facts, and
 * its formulas; the seller profile may replace any input's generic default with its own
 * numbers. Yard management is the shipped default (model.ts); the other two cover the common
 * shapes of a B2B business case: hours given back to a team, and money taken off a spend.
 */
export const ROI_TEMPLATE_IDS = ["yard_management", "time_savings", "spend_reduction"] as const;
export type RoiTemplateId = (typeof ROI_TEMPLATE_IDS)[number];

type RoiUnit = "count" | "pct" | "usd" | "hours" | "minutes" | "days";
/** `min`: the smallest sensible value (0 when absent). */
type RoiInputMeta = { label: string; unit: RoiUnit; group: string; min?: number; max: number; integer?: boolean };
type RoiValues = Record<string, number>;
type RoiDefaults = { values: RoiValues; sources: Record<string, AssumptionSource>; notes: Record<string, string> };

export type RoiTemplate = {
  id: RoiTemplateId;
  label: string;
  description: string;
  explanation: string;
  inputs: Record<string, RoiInputMeta>;
  defaults(facts: AccountFacts): RoiDefaults;
  calculate(values: RoiValues): RoiResult;
};

function finish(lines: RoiLine[], annualCost: number, implementation: number): RoiResult {
  const annualSavings = lines.reduce((s, l) => s + l.annual, 0);
  const netAnnual = annualSavings - Math.round(annualCost);
  const implementationCost = Math.round(implementation);
  const paybackMonths = netAnnual > 0 ? Math.round((implementationCost / (netAnnual / 12)) * 10) / 10 : null;
  return { lines, annualSavings, annualCost: Math.round(annualCost), netAnnual, implementationCost, paybackMonths, threeYearValue: 3 * netAnnual - implementationCost };
}

function allDefault(values: RoiValues, notes: Record<string, string> = {}, estimated: Record<string, AssumptionSource> = {}): RoiDefaults {
  const sources: Record<string, AssumptionSource> = {};
  for (const key of Object.keys(values)) sources[key] = estimated[key] ?? "default";
  return { values, sources, notes };
}

const yardBounds = roiAssumptionsSchema.shape;
const yardManagement: RoiTemplate = {
  id: "yard_management",
  label: "Yard management",
  description: "Detention, yard labour, gate check-in and dwell time across the account's sites.",
  explanation: ROI_EXPLANATION,
  inputs: Object.fromEntries(
    (Object.keys(ASSUMPTION_META) as (keyof RoiAssumptions)[]).map((key) => {
      const bound = yardBounds[key].maxValue ?? 1_000_000_000;
      return [key, { ...ASSUMPTION_META[key], min: yardBounds[key].minValue ?? 0, max: bound, integer: key === "facilities" || key === "operatingDaysPerYear" }];
    }),
  ),
  defaults(facts) {
    const d = defaultAssumptions(facts);
    return { values: { ...d.values }, sources: { ...d.sources }, notes: { ...d.notes } as Record<string, string> };
  },
  calculate: (values) => calculateRoi(values as RoiAssumptions),
};

/** Users at an account: employees × share who would use the product, at least 5. */
function estimatedUsers(facts: AccountFacts): { users: number; note: string; source: AssumptionSource } {
  if (facts.employeeCount && facts.employeeCount > 0) {
    return { users: Math.max(5, Math.round(facts.employeeCount * 0.05)), note: `Estimated: 5% of ${formatCount(facts.employeeCount)} employees`, source: "estimate" };
  }
  return { users: 50, note: "Nothing known about the team size: 50 users", source: "default" };
}

const timeSavings: RoiTemplate = {
  id: "time_savings",
  label: "Time saved by a team",
  description: "Hours the product gives back to the people who use it, plus rework avoided.",
  explanation:
    "The product pays back in time: each user saves some hours a week, valued at their loaded hourly cost, for the weeks they work, " +
    "scaled by how many actually adopt it; fewer errors also cut the cost of rework. The cost is a per-user subscription plus a one-off " +
    "implementation. Change any assumption to match what the customer tells you.",
  inputs: {
    users: { label: "Users", unit: "count", group: "Team", max: 1_000_000, integer: true },
    hoursSavedPerUserPerWeek: { label: "Hours saved per user per week", unit: "hours", group: "Team", max: 40 },
    loadedHourlyCost: { label: "Loaded cost per hour", unit: "usd", group: "Team", max: 10_000 },
    workingWeeksPerYear: { label: "Working weeks per year", unit: "count", group: "Team", max: 52, integer: true },
    adoptionPct: { label: "Users who adopt it", unit: "pct", group: "Team", max: 100 },
    reworkCostPerYear: { label: "Cost of errors and rework per year", unit: "usd", group: "Quality", max: 1_000_000_000 },
    reworkReductionPct: { label: "Rework reduction", unit: "pct", group: "Quality", max: 100 },
    pricePerUserPerYear: { label: "Subscription per user per year", unit: "usd", group: "Cost", max: 1_000_000 },
    implementationCost: { label: "One-off implementation", unit: "usd", group: "Cost", max: 1_000_000_000 },
  },
  defaults(facts) {
    const u = estimatedUsers(facts);
    return allDefault(
      { users: u.users, hoursSavedPerUserPerWeek: 2, loadedHourlyCost: 55, workingWeeksPerYear: 46, adoptionPct: 80, reworkCostPerYear: u.users * 400, reworkReductionPct: 25, pricePerUserPerYear: 600, implementationCost: 10000 },
      { users: u.note, reworkCostPerYear: "About $400 of rework per user a year" },
      { users: u.source, reworkCostPerYear: u.source === "estimate" ? "estimate" : "default" },
    );
  },
  calculate(v) {
    const time = v.users * v.hoursSavedPerUserPerWeek * v.workingWeeksPerYear * v.loadedHourlyCost * (v.adoptionPct / 100);
    const rework = v.reworkCostPerYear * (v.reworkReductionPct / 100);
    return finish(
      [
        { key: "time", label: "Time given back", annual: Math.round(time), formula: "users × hours saved a week × weeks × cost per hour × adoption" },
        { key: "rework", label: "Rework avoided", annual: Math.round(rework), formula: "cost of rework a year × reduction" },
      ],
      v.pricePerUserPerYear * v.users,
      v.implementationCost,
    );
  },
};

const spendReduction: RoiTemplate = {
  id: "spend_reduction",
  label: "Spend reduced",
  description: "Money taken off an addressable spend, plus the process cost of managing it.",
  explanation:
    "The product pays back by lowering a spend the customer already has (a share of the addressable spend) and by making the process " +
    "that manages it cheaper. The cost is an annual fee plus a one-off implementation. Change any assumption to match what the customer tells you.",
  inputs: {
    addressableSpend: { label: "Addressable spend per year", unit: "usd", group: "Spend", max: 100_000_000_000 },
    savingsPct: { label: "Savings on that spend", unit: "pct", group: "Spend", max: 100 },
    processCostPerYear: { label: "Cost of running the process per year", unit: "usd", group: "Process", max: 1_000_000_000 },
    processReductionPct: { label: "Process cost reduction", unit: "pct", group: "Process", max: 100 },
    annualFee: { label: "Annual fee", unit: "usd", group: "Cost", max: 1_000_000_000 },
    implementationCost: { label: "One-off implementation", unit: "usd", group: "Cost", max: 1_000_000_000 },
  },
  defaults(facts) {
    const revenue = facts.revenue ? Number(facts.revenue) : 0;
    const spend = revenue > 0 ? Math.round(revenue * 0.05) : 5_000_000;
    return allDefault(
      { addressableSpend: spend, savingsPct: 3, processCostPerYear: 250_000, processReductionPct: 20, annualFee: 60_000, implementationCost: 20_000 },
      { addressableSpend: revenue > 0 ? "Estimated: 5% of annual revenue" : "Nothing known about revenue: $5M" },
      { addressableSpend: revenue > 0 ? "estimate" : "default" },
    );
  },
  calculate(v) {
    return finish(
      [
        { key: "spend", label: "Spend saved", annual: Math.round(v.addressableSpend * (v.savingsPct / 100)), formula: "addressable spend × savings" },
        { key: "process", label: "Cheaper process", annual: Math.round(v.processCostPerYear * (v.processReductionPct / 100)), formula: "process cost × reduction" },
      ],
      v.annualFee,
      v.implementationCost,
    );
  },
};

export const ROI_TEMPLATES: Record<RoiTemplateId, RoiTemplate> = {
  yard_management: yardManagement,
  time_savings: timeSavings,
  spend_reduction: spendReduction,
};
