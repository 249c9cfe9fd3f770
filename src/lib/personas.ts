/**
 * Persona flags and seniority derived from a job title, plus the ICP tier bands.
 *
 * The rule, for a vendor that sells yard-management software:
 * - Function keywords decide the department: technology (CIO, IT, systems, digital, data),
 *   procurement (procurement, purchasing, sourcing, buyer), sales (sales, marketing, business
 *   development, customer success) and operations (operations, supply chain, logistics,
 *   distribution, transportation, warehouse, yard, fleet, dock, shipping, fulfillment, plant …).
 *   Tech, procurement and sales win over operations: "Director of Supply Chain Systems" is a
 *   technology buyer, "VP Procurement" a procurement one.
 * - An operations title at VP level or above (COO, Chief Supply Chain Officer, VP Logistics)
 *   is isExecOps; any other operations title is isOps. The two never overlap, so a report that
 *   counts people per persona adds up.
 * - isNonOps is everyone who is neither (IT, procurement, sales, finance, HR, the CEO …).
 */
import type { Tier } from "./vocabulary";

/** The six persona flags a person carries (columns of people). */
export type PersonaFlags = {
  isExecOps: boolean;
  isOps: boolean;
  isProc: boolean;
  isSales: boolean;
  isTech: boolean;
  isNonOps: boolean;
};

/** Just the persona flags of a profile (a TitleProfile also carries the seniority), to store on a person. */
export function personaFlags({ isExecOps, isOps, isProc, isSales, isTech, isNonOps }: PersonaFlags): PersonaFlags {
  return { isExecOps, isOps, isProc, isSales, isTech, isNonOps };
}

const SENIORITIES = ["C-Suite", "VP", "Director", "Manager", "Individual Contributor"] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface TitleProfile extends PersonaFlags {
  seniority: Seniority;
}

const TECH = /\b(cio|cto|cdo|chief (information|technology|digital|data)|information technology|it|systems?|technology|digital|data|software|architect|applications?|erp|wms analyst)\b/;
const PROC = /\b(procurement|purchasing|sourcing|buyer|vendor management|category manager|cpo|chief procurement)\b/;
const SALES = /\b(sales|marketing|business development|account executive|account manager|customer success|commercial|revenue|cmo|cro)\b/;
const OPS = /\b(coo|chief operating|operations?|supply chain|logistics|distribution|transportation|warehouse|warehousing|yard|fleet|shipping|receiving|dock|fulfillment|dc|plant|network|inbound|outbound|traffic|facility|facilities|site|materials|hostler|gate|continuous improvement)\b/;

const C_SUITE = /\b(chief|ceo|coo|cio|cto|cfo|cdo|cmo|cro|cpo|president|founder|owner)\b/;
const VP = /\b([se]?vp|vice president|head of)\b/;
const DIRECTOR = /\b(director|general manager|gm)\b/;
const MANAGER = /\b(manager|supervisor|lead|superintendent|foreman)\b/;

export function seniorityFromTitle(title: string): Seniority {
  const t = title.toLowerCase();
  // "Vice President" contains "president": check VP before C-suite.
  if (VP.test(t)) return "VP";
  if (C_SUITE.test(t)) return "C-Suite";
  if (DIRECTOR.test(t)) return "Director";
  if (MANAGER.test(t)) return "Manager";
  return "Individual Contributor";
}

export function classifyTitle(title: string | null | undefined): TitleProfile {
  const t = (title ?? "").toLowerCase().replace(/&/g, " and ");
  const seniority = seniorityFromTitle(t);
  const isTech = TECH.test(t);
  const isProc = !isTech && PROC.test(t);
  const isSales = !isTech && !isProc && SALES.test(t);
  const opsDomain = !isTech && !isProc && !isSales && OPS.test(t);
  const executive = seniority === "C-Suite" || seniority === "VP";
  const isExecOps = opsDomain && executive;
  const isOps = opsDomain && !executive;
  return { isExecOps, isOps, isProc, isSales, isTech, isNonOps: !isExecOps && !isOps, seniority };
}

export type TierLetter = Tier;

/** ICP score bands: the tier is a coarse view of the score, so the two always agree. */
export const TIER_BANDS: Readonly<Record<TierLetter, readonly [number, number]>> = {
  A: [80, 100],
  B: [60, 79],
  C: [40, 59],
  D: [0, 39],
};

export function tierForScore(score: number): TierLetter {
  if (score >= TIER_BANDS.A[0]) return "A";
  if (score >= TIER_BANDS.B[0]) return "B";
  if (score >= TIER_BANDS.C[0]) return "C";
  return "D";
}
