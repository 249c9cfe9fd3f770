import { z } from "zod";
import { formatCount } from "@/lib/numbers";

/**
 * The yard-management ROI model — a pure calculation, every assumption visible.
 *
 * Annual savings are the sum of four lines, each "volume × time or money × improvement":
 *  1. Detention fees avoided: trucks/day/site × sites × operating days × share of trucks held past
 *     free time × average detention hours × fee per hour × detention reduction.
 *  2. Yard labour: jockeys per site × sites × hours per shift × wage × operating days ×
 *     productivity gain (fewer hunts for trailers, fewer moves).
 *  3. Gate check-in: trucks × sites × days × check-in minutes × reduction ÷ 60 × gate labour rate.
 *  4. Dwell time: trucks × sites × days × dwell minutes × reduction ÷ 60 × share on the
 *     company's own fleet × fleet cost per hour (driver and tractor time that is wasted waiting).
 * Cost is a subscription per site per year plus a one-off implementation. Payback (months) =
 * implementation ÷ monthly net savings; 3-year value = 3 × (savings − subscription) −
 * implementation. Defaults come from the account (facilities; else employees ÷ 400 or revenue ÷
 * $150M) and its industry (truck volume); anything can be overridden.
 */

const pct = z.coerce.number().min(0).max(100);
const money = z.coerce.number().min(0).max(1_000_000_000);
const positive = (max: number) => z.coerce.number().min(0).max(max);

export const roiAssumptionsSchema = z.strictObject({
  facilities: z.coerce.number().int().min(1).max(5000),
  trucksPerDayPerSite: positive(5000),
  operatingDaysPerYear: z.coerce.number().int().min(1).max(366),
  detentionSharePct: pct,
  detentionHoursPerTruck: positive(48),
  detentionFeePerHour: money,
  detentionReductionPct: pct,
  jockeysPerSite: positive(200),
  jockeyHoursPerDay: positive(24),
  jockeyWagePerHour: money,
  jockeyProductivityPct: pct,
  gateCheckInMinutes: positive(240),
  gateReductionPct: pct,
  gateLabourPerHour: money,
  dwellMinutes: positive(2880),
  dwellReductionPct: pct,
  ownFleetSharePct: pct,
  fleetCostPerHour: money,
  subscriptionPerSitePerYear: money,
  implementationCost: money,
});
export type RoiAssumptions = z.infer<typeof roiAssumptionsSchema>;
export type AssumptionKey = keyof RoiAssumptions;

/** Each assumption's label, unit and why it has the default it has. */
export const ASSUMPTION_META: Record<AssumptionKey, { label: string; unit: "count" | "pct" | "usd" | "hours" | "minutes" | "days"; group: string }> = {
  facilities: { label: "Facilities with a yard", unit: "count", group: "Volume" },
  trucksPerDayPerSite: { label: "Trucks per day per site", unit: "count", group: "Volume" },
  operatingDaysPerYear: { label: "Operating days per year", unit: "days", group: "Volume" },
  detentionSharePct: { label: "Trucks that incur detention", unit: "pct", group: "Detention" },
  detentionHoursPerTruck: { label: "Detention hours per such truck", unit: "hours", group: "Detention" },
  detentionFeePerHour: { label: "Detention fee per hour", unit: "usd", group: "Detention" },
  detentionReductionPct: { label: "Detention reduction", unit: "pct", group: "Detention" },
  jockeysPerSite: { label: "Yard jockeys per site (per shift)", unit: "count", group: "Yard labour" },
  jockeyHoursPerDay: { label: "Jockey hours per day", unit: "hours", group: "Yard labour" },
  jockeyWagePerHour: { label: "Jockey wage per hour (loaded)", unit: "usd", group: "Yard labour" },
  jockeyProductivityPct: { label: "Jockey productivity gain", unit: "pct", group: "Yard labour" },
  gateCheckInMinutes: { label: "Gate check-in minutes per truck", unit: "minutes", group: "Gate" },
  gateReductionPct: { label: "Check-in time reduction", unit: "pct", group: "Gate" },
  gateLabourPerHour: { label: "Gate labour cost per hour", unit: "usd", group: "Gate" },
  dwellMinutes: { label: "Average dwell time (minutes)", unit: "minutes", group: "Dwell" },
  dwellReductionPct: { label: "Dwell time reduction", unit: "pct", group: "Dwell" },
  ownFleetSharePct: { label: "Trucks on own fleet", unit: "pct", group: "Dwell" },
  fleetCostPerHour: { label: "Own-fleet cost per hour", unit: "usd", group: "Dwell" },
  subscriptionPerSitePerYear: { label: "Subscription per site per year", unit: "usd", group: "Cost" },
  implementationCost: { label: "One-off implementation", unit: "usd", group: "Cost" },
};

const INDUSTRY_TRUCKS: { match: RegExp; trucks: number }[] = [
  { match: /transport|trucking|freight|carrier/i, trucks: 150 },
  { match: /third[- ]party logistics|3pl|logistics|warehous/i, trucks: 120 },
  { match: /retail|e-?commerce/i, trucks: 90 },
  { match: /food|beverage|grocery/i, trucks: 80 },
  { match: /consumer packaged|cpg|consumer goods/i, trucks: 80 },
  { match: /wholesale|distribut/i, trucks: 70 },
  { match: /manufactur|automotive|industrial/i, trucks: 60 },
];

export type AccountFacts = { facilityCount: number | null; employeeCount: number | null; revenue: number | bigint | null; industry: string | null };
export type AssumptionSource = "account" | "estimate" | "default" | "saved" | "override";

/** Defaults from what we know about the account, with where each came from. */
export function defaultAssumptions(facts: AccountFacts): { values: RoiAssumptions; sources: Record<AssumptionKey, AssumptionSource>; notes: Partial<Record<AssumptionKey, string>> } {
  const notes: Partial<Record<AssumptionKey, string>> = {};
  const sources = {} as Record<AssumptionKey, AssumptionSource>;
  let facilities: number;
  if (facts.facilityCount && facts.facilityCount > 0) {
    facilities = facts.facilityCount;
    sources.facilities = "account";
    notes.facilities = "Facility count on the account";
  } else if (facts.employeeCount && facts.employeeCount > 0) {
    facilities = clamp(Math.round(facts.employeeCount / 400), 1, 200);
    sources.facilities = "estimate";
    notes.facilities = `Estimated: about one site per 400 employees (${formatCount(facts.employeeCount)})`;
  } else if (facts.revenue && Number(facts.revenue) > 0) {
    facilities = clamp(Math.round(Number(facts.revenue) / 150e6), 1, 200);
    sources.facilities = "estimate";
    notes.facilities = "Estimated: about one site per $150M of revenue";
  } else {
    facilities = 1;
    sources.facilities = "default";
    notes.facilities = "Nothing known about the footprint: one site";
  }
  const industryHit = facts.industry ? INDUSTRY_TRUCKS.find((i) => i.match.test(facts.industry!)) : undefined;
  const trucks = industryHit?.trucks ?? 60;
  sources.trucksPerDayPerSite = industryHit ? "estimate" : "default";
  notes.trucksPerDayPerSite = industryHit ? `Typical for ${facts.industry}` : "Typical mid-size distribution site";

  const values: RoiAssumptions = {
    facilities,
    trucksPerDayPerSite: trucks,
    operatingDaysPerYear: 310,
    detentionSharePct: 10,
    detentionHoursPerTruck: 1,
    detentionFeePerHour: 60,
    detentionReductionPct: 40,
    jockeysPerSite: Math.max(1, Math.ceil(trucks / 50)),
    jockeyHoursPerDay: 16,
    jockeyWagePerHour: 28,
    jockeyProductivityPct: 20,
    gateCheckInMinutes: 10,
    gateReductionPct: 40,
    gateLabourPerHour: 22,
    dwellMinutes: 90,
    dwellReductionPct: 20,
    ownFleetSharePct: 15,
    fleetCostPerHour: 75,
    subscriptionPerSitePerYear: 12000,
    implementationCost: 15000 + 5000 * facilities,
  };
  for (const key of Object.keys(values) as AssumptionKey[]) sources[key] ??= "default";
  notes.jockeysPerSite = "About one jockey per 50 trucks a day";
  notes.implementationCost = "$15K plus $5K per site";
  return { values, sources, notes };
}

export type RoiLine = { key: string; label: string; annual: number; formula: string };
export type RoiResult = {
  lines: RoiLine[];
  annualSavings: number;
  annualCost: number;
  netAnnual: number;
  implementationCost: number;
  paybackMonths: number | null;
  threeYearValue: number;
};

export function calculateRoi(a: RoiAssumptions): RoiResult {
  const truckDays = a.trucksPerDayPerSite * a.facilities * a.operatingDaysPerYear;
  const detention = truckDays * (a.detentionSharePct / 100) * a.detentionHoursPerTruck * a.detentionFeePerHour * (a.detentionReductionPct / 100);
  const labour = a.jockeysPerSite * a.facilities * a.jockeyHoursPerDay * a.jockeyWagePerHour * a.operatingDaysPerYear * (a.jockeyProductivityPct / 100);
  const gate = truckDays * ((a.gateCheckInMinutes * (a.gateReductionPct / 100)) / 60) * a.gateLabourPerHour;
  const dwell = truckDays * ((a.dwellMinutes * (a.dwellReductionPct / 100)) / 60) * (a.ownFleetSharePct / 100) * a.fleetCostPerHour;
  const lines: RoiLine[] = [
    { key: "detention", label: "Detention fees avoided", annual: Math.round(detention), formula: "trucks × sites × days × detention share × hours × fee × reduction" },
    { key: "labour", label: "Yard labour productivity", annual: Math.round(labour), formula: "jockeys × sites × hours × wage × days × productivity gain" },
    { key: "gate", label: "Faster gate check-in", annual: Math.round(gate), formula: "trucks × sites × days × minutes saved ÷ 60 × gate labour rate" },
    { key: "dwell", label: "Shorter dwell (own fleet)", annual: Math.round(dwell), formula: "trucks × sites × days × minutes saved ÷ 60 × own-fleet share × cost per hour" },
  ];
  const annualSavings = lines.reduce((s, l) => s + l.annual, 0);
  const annualCost = Math.round(a.subscriptionPerSitePerYear * a.facilities);
  const netAnnual = annualSavings - annualCost;
  const implementationCost = Math.round(a.implementationCost);
  const paybackMonths = netAnnual > 0 ? Math.round((implementationCost / (netAnnual / 12)) * 10) / 10 : null;
  return { lines, annualSavings, annualCost, netAnnual, implementationCost, paybackMonths, threeYearValue: 3 * netAnnual - implementationCost };
}

function clamp(n: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, n));
}

export const ROI_EXPLANATION =
  "Yard management pays back in four places: fewer detention fees because trailers are found and " +
  "moved on time, more productive yard jockeys, faster gate check-in, and less time the company's " +
  "own trucks spend waiting. Each line multiplies the site's truck volume by the time or money at " +
  "stake and by the expected improvement; the cost is a per-site subscription plus a one-off " +
  "implementation. Change any assumption to match what the customer tells you.";
