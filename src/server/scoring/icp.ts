import { z } from "zod";
import { DEFAULT_SELLER_PROFILE, matchIndustry, type SellerProfile } from "@/server/seller/profile";
import { formatCount, formatUsd } from "@/lib/numbers";

/**
 * ICP scoring — pure, explainable, 0–100.
 *
 * An account's score is the sum of five factors, each worth at most its weight (weights sum to
 * 100): industry fit (the seller profile's fit for that industry, see seller/profile.ts), employee count and
 * annual revenue (size bands on a log scale), footprint (number of facilities, plus a small
 * share for a known HQ/location), and engagement (what our outreach and meetings already got:
 * a meeting counts most, then a reply, an open, a send). A factor's points are
 * round(weight × fit) with fit in [0, 1], so the breakdown always adds up to the score.
 * A person's score is persona fit (ops leaders first), seniority read from the title, and their
 * account's score scaled to its weight. When an AI endpoint is configured, the service may move
 * an account score by at most ±15 points; the adjustment and its reason are part of the
 * breakdown and shown to the user. Tiers follow the score (A ≥ 80, B ≥ 60, C ≥ 40, D below)
 * only as a suggestion: rescoring never overwrites the tier a rep chose.
 */

const ACCOUNT_FACTORS = ["industry", "employees", "revenue", "footprint", "engagement"] as const;
const PERSON_FACTORS = ["persona", "seniority", "account"] as const;
type AccountFactor = (typeof ACCOUNT_FACTORS)[number];
type PersonFactor = (typeof PERSON_FACTORS)[number];

const FACTOR_LABELS: Record<AccountFactor | PersonFactor, string> = {
  industry: "Industry fit",
  employees: "Employees",
  revenue: "Revenue",
  footprint: "Footprint",
  engagement: "Engagement",
  persona: "Persona",
  seniority: "Seniority",
  account: "Account fit",
};

const weight = z.number().int("Weights are whole numbers").min(0, "A weight cannot be negative").max(100, "A weight is at most 100");
const sumsTo100 = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0) === 100;

export const icpWeightsSchema = z.strictObject({
  account: z
    .strictObject({ industry: weight, employees: weight, revenue: weight, footprint: weight, engagement: weight })
    .refine(sumsTo100, { message: "Account weights must add up to 100" }),
  person: z
    .strictObject({ persona: weight, seniority: weight, account: weight })
    .refine(sumsTo100, { message: "Person weights must add up to 100" }),
});
export type IcpWeights = z.infer<typeof icpWeightsSchema>;

export const DEFAULT_WEIGHTS: IcpWeights = {
  account: { industry: 30, employees: 15, revenue: 15, footprint: 25, engagement: 15 },
  person: { persona: 40, seniority: 20, account: 40 },
};

type FactorScore = { key: string; label: string; weight: number; fit: number; points: number; reason: string };
export type AiAdjustment = { adjustment: number; reason: string; provider: string };
export type IcpBreakdown = {
  version: 1;
  kind: "account" | "person";
  factors: FactorScore[];
  base: number;
  ai: AiAdjustment | null;
  aiNote?: string;
  total: number;
  suggestedTier: Tier;
};

export type Tier = "A" | "B" | "C" | "D";
export function tierForScore(score: number): Tier {
  if (score >= 80) return "A";
  if (score >= 60) return "B";
  if (score >= 40) return "C";
  return "D";
}

/** How well each industry fits, from the seller profile (Settings → "Our product"). */
export type IndustryFitRules = Pick<SellerProfile, "industries" | "otherIndustryFit">;

function industryFit(industry: string | null | undefined, rules: IndustryFitRules): { fit: number; reason: string } {
  if (!industry?.trim()) return { fit: 0, reason: "Industry unknown" };
  const hit = matchIndustry(rules, industry);
  if (hit) return { fit: hit.fit / 100, reason: `${industry}: ${hit.why || `a target industry (${hit.name})`}` };
  return { fit: rules.otherIndustryFit / 100, reason: `${industry}: not one of our target industries` };
}

function band(value: number, bands: [number, number][]): number {
  let fit = 0;
  for (const [min, f] of bands) if (value >= min) fit = f;
  return fit;
}

const EMPLOYEE_BANDS: [number, number][] = [[1, 0.1], [100, 0.3], [500, 0.5], [1000, 0.75], [5000, 0.9], [20000, 1]];
const REVENUE_BANDS: [number, number][] = [[1, 0.1], [10e6, 0.3], [50e6, 0.5], [250e6, 0.75], [1e9, 0.9], [5e9, 1]];
const FACILITY_BANDS: [number, number][] = [[1, 0.2], [2, 0.45], [5, 0.7], [10, 0.9], [25, 1]];

export type Engagement = { sent: number; opened: number; replied: number; meetings: number };
export const NO_ENGAGEMENT: Engagement = { sent: 0, opened: 0, replied: 0, meetings: 0 };

export type AccountScoreInput = {
  industry: string | null;
  employeeCount: number | null;
  revenue: number | bigint | null;
  facilityCount: number | null;
  headquarters: string | null;
  location: string | null;
  engagement: Engagement;
};

function factor(key: AccountFactor | PersonFactor, weightValue: number, fit: number, reason: string): FactorScore {
  const clamped = Math.max(0, Math.min(1, fit));
  return { key, label: FACTOR_LABELS[key], weight: weightValue, fit: Math.round(clamped * 100) / 100, points: Math.round(weightValue * clamped), reason };
}

export function scoreAccount(input: AccountScoreInput, weights: IcpWeights["account"] = DEFAULT_WEIGHTS.account, industries: IndustryFitRules = DEFAULT_SELLER_PROFILE): IcpBreakdown {
  const industry = industryFit(input.industry, industries);
  const employees = input.employeeCount ?? 0;
  const revenue = Number(input.revenue ?? 0);
  const facilities = input.facilityCount ?? 0;
  const hasLocation = Boolean(input.headquarters?.trim() || input.location?.trim());
  const e = input.engagement;
  const engagementFit = e.meetings > 0 ? 1 : e.replied > 0 ? 0.7 : e.opened > 0 ? 0.35 : e.sent > 0 ? 0.1 : 0;
  const engagementReason =
    e.meetings > 0 ? `${e.meetings} meeting${e.meetings === 1 ? "" : "s"} booked`
      : e.replied > 0 ? `${e.replied} repl${e.replied === 1 ? "y" : "ies"} to outreach`
        : e.opened > 0 ? `${e.opened} email${e.opened === 1 ? "" : "s"} opened`
          : e.sent > 0 ? `${e.sent} sent, no response yet` : "No outreach yet";

  const factors = [
    factor("industry", weights.industry, industry.fit, industry.reason),
    factor("employees", weights.employees, band(employees, EMPLOYEE_BANDS), employees > 0 ? `${formatCount(employees)} employees` : "Employee count unknown"),
    factor("revenue", weights.revenue, band(revenue, REVENUE_BANDS), revenue > 0 ? `${formatUsd(revenue)} annual revenue` : "Revenue unknown"),
    factor(
      "footprint",
      weights.footprint,
      0.85 * band(facilities, FACILITY_BANDS) + (hasLocation ? 0.15 : 0),
      `${facilities > 0 ? `${formatCount(facilities)} ${facilities === 1 ? "facility" : "facilities"}` : "Facility count unknown"}${hasLocation ? ` · HQ ${input.headquarters ?? input.location}` : " · location unknown"}`,
    ),
    factor("engagement", weights.engagement, engagementFit, engagementReason),
  ];
  return finish("account", factors, null);
}

export type Seniority = "C-Suite" | "VP" | "Director" | "Manager" | "Individual Contributor";
// VP before C-suite: "Vice President" contains "President".
const SENIORITY_RULES: { match: RegExp; level: Seniority; fit: number }[] = [
  { match: /\b(svp|evp|avp|vp|vice[- ]president)\b/i, level: "VP", fit: 0.85 },
  { match: /\b(chief|ceo|coo|cfo|cio|cto|cso|cpo|president|owner|founder)\b/i, level: "C-Suite", fit: 1 },
  { match: /\b(director|head of)\b/i, level: "Director", fit: 0.7 },
  { match: /\b(manager|lead|supervisor|superintendent)\b/i, level: "Manager", fit: 0.45 },
];

export function seniorityFromTitle(title: string | null | undefined): { level: Seniority | null; fit: number } {
  if (!title?.trim()) return { level: null, fit: 0 };
  const hit = SENIORITY_RULES.find((r) => r.match.test(title));
  return hit ? { level: hit.level, fit: hit.fit } : { level: "Individual Contributor", fit: 0.2 };
}

type Persona = { isExecOps: boolean; isOps: boolean; isProc: boolean; isSales: boolean; isTech: boolean; isNonOps: boolean };
const PERSONA_LABELS: Record<keyof Persona, string> = {
  isExecOps: "Exec ops",
  isOps: "Operations",
  isProc: "Procurement",
  isSales: "Sales",
  isTech: "Technology",
  isNonOps: "Non-ops",
};

function personaFit(p: Persona): { fit: number; reason: string } {
  if (p.isExecOps) return { fit: 1, reason: "Operations executive: owns the yard budget" };
  if (p.isOps) return { fit: 0.9, reason: "Operations: lives with yard congestion daily" };
  if (p.isTech) return { fit: 0.55, reason: "Technology: evaluates and integrates the system" };
  if (p.isProc) return { fit: 0.5, reason: "Procurement: part of the buying committee" };
  if (p.isNonOps) return { fit: 0.2, reason: "Outside operations" };
  if (p.isSales) return { fit: 0.1, reason: "Sales: rarely involved in yard decisions" };
  return { fit: 0.3, reason: "Persona not set" };
}

export type PersonScoreInput = Persona & { title: string | null; accountScore: number | null; accountName?: string | null };

export function scorePerson(input: PersonScoreInput, weights: IcpWeights["person"] = DEFAULT_WEIGHTS.person): IcpBreakdown {
  const persona = personaFit(input);
  const seniority = seniorityFromTitle(input.title);
  const accountScore = input.accountScore;
  const factors = [
    factor("persona", weights.persona, persona.fit, persona.reason),
    factor("seniority", weights.seniority, seniority.fit, seniority.level ? `${seniority.level} (from “${input.title}”)` : "No title"),
    factor(
      "account",
      weights.account,
      accountScore === null ? 0 : accountScore / 100,
      accountScore === null ? (input.accountName ? `${input.accountName} not scored yet` : "No account") : `${input.accountName ?? "Account"} scores ${accountScore}`,
    ),
  ];
  return finish("person", factors, null);
}

/** Applies a model's suggested adjustment, clamped to ±15 and to 0–100; never silent. */
export function withAiAdjustment(breakdown: IcpBreakdown, ai: AiAdjustment): IcpBreakdown {
  const adjustment = Math.max(-15, Math.min(15, Math.round(ai.adjustment)));
  return finish(breakdown.kind, breakdown.factors, { ...ai, adjustment });
}

function finish(kind: "account" | "person", factors: FactorScore[], ai: AiAdjustment | null): IcpBreakdown {
  const base = Math.max(0, Math.min(100, factors.reduce((sum, f) => sum + f.points, 0)));
  const total = Math.max(0, Math.min(100, base + (ai?.adjustment ?? 0)));
  return { version: 1, kind, factors, base, ai, total, suggestedTier: tierForScore(total) };
}

/** Reads a stored breakdown defensively (old or seeded rows have other shapes). */
export function readBreakdown(value: unknown): IcpBreakdown | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<IcpBreakdown>;
  if (v.version !== 1 || !Array.isArray(v.factors) || typeof v.total !== "number") return null;
  return v as IcpBreakdown;
}

/** Older or imported breakdowns are flat `{ factor: points }` maps: shown as they are, labelled as such. */
export function readLegacyBreakdown(value: unknown): { label: string; points: number }[] | null {
  if (!value || typeof value !== "object" || Array.isArray(value) || readBreakdown(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number");
  if (entries.length === 0) return null;
  return entries.map(([key, points]) => ({ label: key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase()), points }));
}
