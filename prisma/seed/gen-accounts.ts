/**
 * Target accounts, their people, research dossiers and talking points.
 *
 * Sizes hang together: the tier comes first, the ICP score falls inside the tier's band, and
 * bigger tiers get bigger companies (employees → revenue → facilities), more people and more
 * research. Status leans on tier too (A accounts are far more often in a meeting).
 */
import {
  CITIES,
  COINED_PREFIXES,
  COMMON_PAIN_POINTS,
  COMPANY_SURNAMES,
  ERP_SYSTEMS,
  FIRST_NAMES,
  GEO_PREFIXES,
  INDUSTRIES,
  LAST_NAMES,
  LEGAL_FORMS,
  NEWS_TEMPLATES,
  NOTES,
  TELEMATICS,
  TITLES,
  TMS_SYSTEMS,
  WMS_SYSTEMS,
  YARD_TODAY,
  type City,
  type IndustryProfile,
} from "./catalog";
import { DAY_MS, HOUR_MS, MINUTE_MS, between, type EventContext } from "./context";
import { TIER_BANDS, classifyTitle, personaFlags, type TierLetter, type TitleProfile } from "../../src/lib/personas";
import { WeightedPicker, type Rng } from "./random";
import { asciiWord, domainFromName, emailLocalPart, normalizeName, slugify, type EmailPattern } from "./text";
import type { AccountRow, DossierRow, InsightRow, Json, JsonObject, PersonRow } from "./types";
import type { AccountStatus } from "../../src/generated/prisma/enums";

/** Facts the rest of the generator needs about an account beyond its row. */
export interface AccountInfo {
  row: AccountRow;
  industry: IndustryProfile;
  city: City;
  people: PersonInfo[];
  dossier: DossierRow | null;
  painPoints: string[];
  wms: string;
}

export interface PersonInfo {
  row: PersonRow;
  account: AccountInfo;
  profile: TitleProfile;
}

const TIER_WEIGHTS: readonly (readonly [TierLetter, number])[] = [
  ["A", 12],
  ["B", 28],
  ["C", 35],
  ["D", 25],
];

const STATUS_BY_TIER: Record<TierLetter, readonly (readonly [AccountStatus, number])[]> = {
  A: [["PROSPECTING", 25], ["ENGAGED", 28], ["MEETING_SCHEDULED", 38], ["WON", 6], ["LOST", 3]],
  B: [["PROSPECTING", 38], ["ENGAGED", 27], ["MEETING_SCHEDULED", 27], ["WON", 5], ["LOST", 3]],
  C: [["PROSPECTING", 51], ["ENGAGED", 22], ["MEETING_SCHEDULED", 16], ["WON", 4], ["LOST", 7]],
  D: [["PROSPECTING", 66], ["ENGAGED", 16], ["MEETING_SCHEDULED", 6], ["WON", 2], ["LOST", 10]],
};

/** Where in the industry's size range (0 = smallest, 1 = largest) each tier's companies sit. */
const SIZE_POSITION: Record<TierLetter, readonly [number, number]> = {
  A: [0.55, 1],
  B: [0.35, 0.85],
  C: [0.15, 0.7],
  D: [0, 0.45],
};

const PEOPLE_WEIGHT: Record<TierLetter, number> = { A: 1.7, B: 1.25, C: 0.9, D: 0.65 };
const RESEARCH_RATE: Record<TierLetter, number> = { A: 0.95, B: 0.8, C: 0.55, D: 0.3 };
const EMAIL_PATTERNS: readonly (readonly [EmailPattern, number])[] = [
  ["first.last", 50],
  ["flast", 25],
  ["first", 8],
  ["firstl", 9],
  ["first_last", 8],
];
/** ICP breakdown components and their maximum points (they sum to 100). */
const ICP_COMPONENTS: readonly (readonly [string, number])[] = [
  ["industryFit", 30],
  ["companySize", 25],
  ["facilityFootprint", 25],
  ["engagement", 20],
];

const titleProfiles = new Map<string, TitleProfile>();
function profileOf(title: string): TitleProfile {
  let profile = titleProfiles.get(title);
  if (!profile) {
    profile = classifyTitle(title);
    titleProfiles.set(title, profile);
  }
  return profile;
}

const OPS_TITLES = TITLES.filter(([t]) => {
  const p = profileOf(t);
  return p.isOps || p.isExecOps;
});

function roundSignificant(value: number, digits: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / magnitude) * magnitude;
}

function formatUsd(value: number): string {
  if (value >= 1e9) return `$${(value / 1e9).toFixed(1).replace(/\.0$/, "")}B`;
  if (value >= 1e6) return `$${Math.round(value / 1e6)}M`;
  return `$${Math.round(value / 1e3)}K`;
}

/** Splits `score` into the breakdown components so that they add up to exactly `score`. */
function icpBreakdown(rng: Rng, score: number): JsonObject {
  const f = score / 100;
  const parts = ICP_COMPONENTS.map(([, max]) => Math.round(max * Math.min(1, Math.max(0, f + rng.range(-0.12, 0.12)))));
  let diff = score - parts.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < 1000; guard++) {
    const i = rng.int(0, parts.length - 1);
    const max = ICP_COMPONENTS[i]![1];
    if (diff > 0 && parts[i]! < max) {
      parts[i]!++;
      diff--;
    } else if (diff < 0 && parts[i]! > 0) {
      parts[i]!--;
      diff++;
    }
  }
  const out: JsonObject = {};
  ICP_COMPONENTS.forEach(([name], i) => (out[name] = parts[i]!));
  return out;
}

function uniqueCompanyName(rng: Rng, industry: IndustryProfile, taken: Set<string>, takenDomains: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const noun = rng.pick(industry.nouns);
    const style = rng.weighted([["surname", 30], ["geo", 28], ["coined", 30], ["pair", attempt > 20 ? 60 : 6]] as const);
    let base: string;
    if (style === "surname") base = `${rng.pick(COMPANY_SURNAMES)} ${noun}`;
    else if (style === "geo") base = `${rng.pick(GEO_PREFIXES)} ${noun}`;
    else if (style === "coined") base = `${rng.pick(COINED_PREFIXES)} ${noun}`;
    else {
      const [a, b] = rng.sample(COMPANY_SURNAMES, 2);
      base = `${a} & ${b} ${noun}`;
    }
    // "… Brewing Co." already carries its legal form.
    const name = /\bCo\.$/.test(noun) ? base : base + rng.weighted(LEGAL_FORMS);
    const key = normalizeName(name);
    const domain = domainFromName(name);
    if (!taken.has(key) && !takenDomains.has(domain)) {
      taken.add(key);
      takenDomains.add(domain);
      return name;
    }
  }
  throw new Error("ran out of company names");
}

function assignOwner(ctx: EventContext, tier: TierLetter): string | null {
  const { team, rng } = ctx;
  const options: readonly (readonly [string | null, number])[] =
    tier === "A"
      ? [[team.enterprise.id, 60], [team.ae.id, 30], [team.admin.id, 10]]
      : tier === "B"
        ? [[team.ae.id, 45], [team.enterprise.id, 30], [team.sdr.id, 25]]
        : tier === "C"
          ? [[team.sdr.id, 50], [team.ae.id, 40], [null, 10]]
          : [[team.sdr.id, 50], [null, 50]];
  return rng.weighted(options);
}

export function generateAccounts(ctx: EventContext, count: number): AccountInfo[] {
  const rng = ctx.rng.fork("accounts");
  const taken = new Set<string>();
  const takenDomains = new Set<string>();
  const industryWeights = INDUSTRIES.map((i) => [i, i.weight] as const);
  const importedAt = ctx.asOf.getTime() - 56 * DAY_MS;
  const accounts: AccountInfo[] = [];
  for (let i = 0; i < count; i++) {
    const industry = rng.weighted(industryWeights);
    const tier = rng.weighted(TIER_WEIGHTS);
    const [lo, hi] = TIER_BANDS[tier];
    const icpScore = rng.int(lo, hi);
    const name = uniqueCompanyName(rng, industry, taken, takenDomains);
    const domain = domainFromName(name);
    const city = rng.pick(CITIES);
    const [pMin, pMax] = SIZE_POSITION[tier];
    const [eMin, eMax] = industry.employees;
    const position = rng.range(pMin, pMax);
    const employeeCount = roundSignificant(Math.exp(Math.log(eMin) + position * (Math.log(eMax) - Math.log(eMin))), 2);
    const revenue = roundSignificant(employeeCount * rng.range(...industry.revenuePerEmployee), 2);
    const facilityCount = Math.max(1, Math.round((employeeCount / 1000) * rng.range(...industry.facilitiesPer1000)));
    // Most of the list arrives in one import eight weeks out; the rest trickles in since.
    const createdAt = rng.chance(0.85)
      ? new Date(importedAt + rng.int(0, 6 * 60) * MINUTE_MS)
      : between(rng, importedAt + 2 * DAY_MS, ctx.asOf.getTime() - 3 * DAY_MS);
    const row: AccountRow = {
      id: ctx.ids.next("acct"),
      eventId: ctx.event.id,
      name,
      normalizedName: normalizeName(name),
      website: `https://www.${domain}`,
      domain,
      industry: industry.label,
      headquarters: `${city.city}, ${city.state}`,
      location: `${city.city}, ${city.stateName}, United States`,
      employeeCount,
      revenue: BigInt(revenue),
      facilityCount,
      tier,
      status: rng.weighted(STATUS_BY_TIER[tier]),
      icpScore,
      icpBreakdown: icpBreakdown(rng, icpScore),
      icpScoredAt: new Date(createdAt.getTime() + rng.int(2, 90) * MINUTE_MS),
      notes: rng.chance(0.2) ? rng.pick(NOTES) : null,
      assignedToId: assignOwner(ctx, tier),
      source: "seed",
      lastActivityAt: null,
      createdAt,
      updatedAt: createdAt,
    };
    const painPoints = [...rng.sample(industry.painPoints, rng.int(1, 2)), ...rng.sample(COMMON_PAIN_POINTS, rng.int(1, 2))];
    const wms = industry.key === "carrier" ? "None (TMS-centric)" : rng.pick(WMS_SYSTEMS);
    accounts.push({ row, industry, city, people: [], dossier: null, painPoints, wms });
  }
  return accounts;
}

/** Distributes `total` people over accounts: at least one each, the rest weighted by tier. */
function peopleCounts(rng: Rng, accounts: readonly AccountInfo[], total: number): number[] {
  const counts = accounts.map(() => 1);
  const picker = new WeightedPicker(
    accounts.map((_, i) => i),
    (i) => PEOPLE_WEIGHT[accounts[i]!.row.tier as TierLetter],
  );
  for (let r = total - accounts.length; r > 0; r--) counts[picker.pick(rng)]!++;
  return counts;
}

function personScore(rng: Rng, accountScore: number, profile: TitleProfile): { score: number; breakdown: JsonObject } {
  const persona = profile.isExecOps ? 40 : profile.isOps ? 35 : profile.isTech ? 22 : profile.isProc ? 20 : profile.isSales ? 5 : 8;
  const seniority = { "C-Suite": 6, VP: 5, Director: 4, Manager: 2, "Individual Contributor": 0 }[profile.seniority];
  const accountFit = Math.round(accountScore * 0.54);
  const score = Math.max(0, Math.min(100, Math.round(accountFit + persona + seniority + rng.range(-5, 5))));
  return { score, breakdown: { accountFit, persona, seniority, adjustment: score - accountFit - persona - seniority } };
}

export function generatePeople(ctx: EventContext, accounts: AccountInfo[], total: number): PersonInfo[] {
  const rng = ctx.rng.fork("people");
  const counts = peopleCounts(rng, accounts, total);
  const emails = new Set<string>();
  const people: PersonInfo[] = [];
  accounts.forEach((account, index) => {
    const pattern = rng.weighted(EMAIL_PATTERNS);
    const usedTitles = new Set<string>();
    const usedNames = new Set<string>();
    for (let k = 0; k < counts[index]!; k++) {
      // Every account has at least one operations contact: that is who buys yard software.
      let title = rng.weighted(k === 0 ? OPS_TITLES : TITLES);
      for (let retry = 0; usedTitles.has(title) && retry < 8; retry++) title = rng.weighted(TITLES);
      usedTitles.add(title);
      let firstName = rng.pick(FIRST_NAMES);
      let lastName = rng.pick(LAST_NAMES);
      for (let retry = 0; usedNames.has(`${firstName} ${lastName}`) && retry < 8; retry++) {
        firstName = rng.pick(FIRST_NAMES);
        lastName = rng.pick(LAST_NAMES);
      }
      usedNames.add(`${firstName} ${lastName}`);
      const profile = profileOf(title);
      let email: string | null = null;
      if (rng.chance(0.88)) {
        const local = emailLocalPart(firstName, lastName, pattern);
        email = `${local}@${account.row.domain}`;
        for (let n = 2; emails.has(email); n++) email = `${local}${n}@${account.row.domain}`;
        emails.add(email);
      }
      const home = rng.chance(0.8) ? account.city : rng.pick(CITIES);
      const { score, breakdown } = personScore(rng, account.row.icpScore, profile);
      const createdAt = new Date(
        Math.min(account.row.createdAt.getTime() + rng.int(0, 72) * HOUR_MS, ctx.asOf.getTime() - HOUR_MS),
      );
      const row: PersonRow = {
        id: ctx.ids.next("pers"),
        eventId: ctx.event.id,
        accountId: account.row.id,
        firstName,
        lastName,
        name: `${firstName} ${lastName}`,
        title,
        email,
        phone: rng.chance(0.62) ? `+1 (${home.areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, "0")}` : null,
        linkedin: rng.chance(0.8) ? `https://www.linkedin.com/in/${asciiWord(firstName)}-${asciiWord(lastName)}-${rng.hex(6)}` : null,
        timeZone: home.timeZone,
        ...personaFlags(profile),
        seniority: profile.seniority,
        icpScore: score,
        icpBreakdown: breakdown,
        icpScoredAt: new Date(createdAt.getTime() + rng.int(1, 120) * MINUTE_MS),
        assignedToId: account.row.assignedToId,
        source: "seed",
        lastActivityAt: null,
        createdAt,
        updatedAt: createdAt,
      };
      const info: PersonInfo = { row, account, profile };
      account.people.push(info);
      people.push(info);
    }
  });
  return people;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}

export function generateDossiers(ctx: EventContext, accounts: AccountInfo[]): { dossiers: DossierRow[]; insights: InsightRow[] } {
  const rng = ctx.rng.fork("dossiers");
  const dossiers: DossierRow[] = [];
  const insights: InsightRow[] = [];
  for (const account of accounts) {
    const a = account.row;
    if (!rng.chance(RESEARCH_RATE[a.tier as TierLetter])) continue;
    const researchedAt = between(rng, Math.max(a.createdAt.getTime() + HOUR_MS, ctx.asOf.getTime() - 30 * DAY_MS), ctx.asOf.getTime() - HOUR_MS);
    const siteCities = [account.city, ...rng.sample(CITIES.filter((c) => c !== account.city), Math.min(5, a.facilityCount - 1))];
    const facilities: Json[] = siteCities.map((c) => {
      const dockDoors = rng.int(4, 24) * 5;
      const type = rng.pick(account.industry.facilityTypes);
      return {
        name: `${c.city} ${type}`,
        city: c.city,
        state: c.state,
        type,
        dockDoors,
        trailerPositions: dockDoors * rng.int(2, 4),
        squareFeet: roundSignificant(dockDoors * rng.range(6000, 12000), 2),
      };
    });
    const states = [...new Set(siteCities.map((c) => c.state))];
    const doors = facilities.reduce<number>((sum, f) => sum + Number((f as JsonObject).dockDoors), 0);
    const avgDoors = doors / facilities.length;
    const networkDoors = roundSignificant(avgDoors * a.facilityCount, 2);
    const newsCount = rng.int(1, 3);
    const recentNews: Json[] = [];
    for (let n = 0; n < newsCount; n++) {
      const title = fill(rng.pick(NEWS_TEMPLATES), {
        account: a.name.replace(/,? (Inc\.|LLC|Corp\.|Co\.|Group|Ltd\.)$/, ""),
        doors: rng.int(8, 30) * 5,
        city: rng.pick(CITIES).city,
        pct: rng.int(3, 18),
        n: rng.int(3, 6),
        capex: rng.int(2, 12) * 5,
        industry: account.industry.label.toLowerCase(),
      });
      const date = new Date(researchedAt.getTime() - rng.int(3, 180) * DAY_MS).toISOString().slice(0, 10);
      recentNews.push({ title, date, url: `${a.website}/news/${slugify(title).slice(0, 60)}`, source: `${a.name} newsroom` });
    }
    const keyContacts: Json[] = account.people
      .slice()
      .sort((x, y) => y.row.icpScore - x.row.icpScore)
      .slice(0, 3)
      .map((p) => ({ name: p.row.name, title: p.row.title, personId: p.row.id, email: p.row.email }));
    const techStack = [
      `WMS: ${account.wms}`,
      `TMS: ${rng.pick(TMS_SYSTEMS)}`,
      `ERP: ${rng.pick(ERP_SYSTEMS)}`,
      `Telematics: ${rng.pick(TELEMATICS)}`,
      `Yard management today: ${rng.pick(YARD_TODAY)}`,
    ];
    const dossier: DossierRow = {
      id: ctx.ids.next("doss"),
      accountId: a.id,
      summary:
        `${a.name} is a ${a.headquarters}-based ${account.industry.label.toLowerCase()} company with about ` +
        `${a.employeeCount.toLocaleString("en-US")} employees and ${formatUsd(Number(a.revenue))} in annual revenue. ` +
        `It runs ${a.facilityCount} ${a.facilityCount === 1 ? "facility" : "facilities"}, and the operations team is trying to ${account.industry.focus}.`,
      footprint: `${a.facilityCount} ${a.facilityCount === 1 ? "facility" : "facilities"} across ${states.join(", ")}${a.facilityCount > siteCities.length ? " and other states" : ""} · ~${networkDoors.toLocaleString("en-US")} dock doors`,
      facilities,
      painPoints: account.painPoints,
      techStack,
      recentNews,
      keyContacts,
      sources: [
        { title: `${a.name} — company website`, url: a.website },
        { title: `${a.name} on LinkedIn`, url: `https://www.linkedin.com/company/${slugify(a.name)}` },
        ...recentNews.map((n) => ({ title: String((n as JsonObject).title), url: String((n as JsonObject).url) })),
      ],
      provider: "seed",
      researchedAt,
      createdAt: researchedAt,
      updatedAt: researchedAt,
    };
    account.dossier = dossier;
    dossiers.push(dossier);

    const firstNews = String((recentNews[0] as JsonObject).title);
    for (const person of account.people) {
      const points = talkingPoints(rng, account, person, firstNews);
      for (const content of points) {
        insights.push({
          id: ctx.ids.next("insi"),
          accountId: a.id,
          personId: person.row.id,
          category: "talking_point",
          content,
          source: "dossier",
          confidence: Math.round(rng.range(0.55, 0.95) * 100) / 100,
          createdAt: new Date(researchedAt.getTime() + rng.int(5, 120) * 1000),
        });
      }
    }
  }
  return { dossiers, insights };
}

function talkingPoints(rng: Rng, account: AccountInfo, person: PersonInfo, news: string): string[] {
  const first = person.row.firstName;
  const pain = rng.pick(account.painPoints);
  const a = account.row;
  const byPersona = person.profile.isExecOps
    ? `Frame the yard as a network lever for ${first}: "${pain}." Lead with detention dollars across ${a.facilityCount} sites and a phased rollout.`
    : person.profile.isOps
      ? `${first} lives this every shift: "${pain}." Offer the 15-minute gate-to-dock walkthrough at the booth.`
      : person.profile.isTech
        ? `${first} will ask how we integrate with ${account.wms}; bring the integration architecture one-pager and SSO details.`
        : person.profile.isProc
          ? `${first} runs the buying process: mention pilot-first pricing and an ROI model built on ${a.name}'s ${a.facilityCount} sites.`
          : `${first} is not in operations; ask for an introduction to whoever owns yard and dock scheduling at ${a.name}.`;
  const points = [byPersona];
  if (rng.chance(0.45)) points.push(`Open with the news: "${news}" — ask how the yard is coping with the extra volume.`);
  return points;
}
