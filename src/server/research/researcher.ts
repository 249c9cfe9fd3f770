import { z } from "zod";
import { websiteUrl } from "@/lib/normalize";
import { ACCOUNT_DATA, type Claim } from "@/lib/claims";
import { aiProviderName, generateStructured, isAiConfigured } from "@/server/ai/client";
import { logger } from "@/server/logger";
import { extractPageFacts, type PageFacts } from "@/server/research/extract";
import { industryLabel, likelyPainPoints } from "@/server/research/pain-points";
import { safeFetch, type SafeFetchOptions } from "@/server/research/safe-fetch";
import type { SellerProfile } from "@/server/seller/profile";
import { formatCount, formatUsd } from "@/lib/numbers";

/**
 * Builds a dossier for one account. The public website is always read first (safely, see
 * safe-fetch.ts): the home page and at most two same-site pages about locations, contact or
 * products. Then either the configured OpenAI-compatible model writes the dossier from those
 * facts and the account's own data (its answer validated with zod), or — with no model, or
 * when the model fails — the built-in researcher assembles it from the same facts and
 * the seller profile's industry knowledge. Key contacts always come from our own people, never
 * from the model. Every pain point and technology is a claim with its source: a page we read,
 * or "account data"; a model that cites a page we did not read gets "account data" instead.
 */
export type ResearchAccountInput = {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  industry: string | null;
  headquarters: string | null;
  location: string | null;
  employeeCount: number | null;
  revenue: bigint | null;
  facilityCount: number | null;
  notes: string | null;
  people: { id: string; name: string; title: string | null; email: string | null; icpScore: number | null }[];
};

type Facility = { name: string; city: string | null; state: string | null; type: string | null };
type NewsItem = { title: string; date: string | null; url: string | null; source: string | null };
type Source = { title: string; url: string };
export type DossierDraft = {
  summary: string;
  footprint: string;
  facilities: Facility[];
  painPoints: Claim[];
  techStack: Claim[];
  recentNews: NewsItem[];
  keyContacts: { name: string; title: string | null; personId: string; email: string | null }[];
  sources: Source[];
  provider: string;
  warnings: string[];
  websiteFetched: boolean;
  /** Pages of the company's own website that were read (sources may also list pages a model cited). */
  pagesRead: number;
};

const MAX_EXTRA_PAGES = 2;

async function gatherWebsite(account: ResearchAccountInput, fetchOptions: SafeFetchOptions = {}) {
  const pages: PageFacts[] = [];
  const warnings: string[] = [];
  const start = websiteUrl(account.website) ?? (account.domain ? `https://${account.domain}` : null);
  if (!start) return { pages, warnings: ["No website on the account"] };
  try {
    const home = await safeFetch(start, { timeoutMs: 8000, ...fetchOptions });
    if (home.status >= 400) throw new Error(`the site answered ${home.status}`);
    if (!/html|text\/plain|^$/i.test(home.contentType)) throw new Error(`the site sent ${home.contentType}, not a web page`);
    const facts = await extractPageFacts(home.body, home.url);
    pages.push(facts);
    const wanted = ["locations", "contact", "products", "about"] as const;
    const extra = wanted.map((kind) => facts.links.find((l) => l.kind === kind)).filter((l): l is NonNullable<typeof l> => Boolean(l));
    for (const link of extra.slice(0, MAX_EXTRA_PAGES)) {
      try {
        const page = await safeFetch(link.url, { timeoutMs: 4000, ...fetchOptions });
        if (page.status < 400) pages.push(await extractPageFacts(page.body, page.url));
      } catch (error) {
        warnings.push(`Could not read ${link.url}: ${reason(error)}`);
      }
    }
  } catch (error) {
    warnings.push(`Could not read the website ${start}: ${reason(error)}`);
  }
  return { pages, warnings };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

export async function buildDossier(account: ResearchAccountInput, profile: SellerProfile, fetchOptions: SafeFetchOptions = {}): Promise<DossierDraft> {
  const { pages, warnings } = await gatherWebsite(account, fetchOptions);
  const builtIn = builtInDossier(account, pages, warnings, profile);
  if (!isAiConfigured()) return builtIn;
  try {
    return await aiDossier(account, pages, builtIn, profile);
  } catch (error) {
    logger.warn({ err: error, accountId: account.id }, "AI research failed; using the built-in researcher");
    return { ...builtIn, warnings: [...builtIn.warnings, `The AI provider failed (${reason(error)}); used the built-in researcher`] };
  }
}

function keyContacts(account: ResearchAccountInput) {
  return account.people
    .slice()
    .sort((a, b) => (b.icpScore ?? -1) - (a.icpScore ?? -1))
    .slice(0, 3)
    .map((p) => ({ name: p.name, title: p.title, personId: p.id, email: p.email }));
}

function builtInDossier(account: ResearchAccountInput, pages: PageFacts[], warnings: string[], profile: SellerProfile): DossierDraft {
  const home = pages[0];
  const label = industryLabel(account.industry, profile) ?? account.industry?.toLowerCase() ?? null;
  const sizeBits = [
    account.employeeCount ? `about ${formatCount(account.employeeCount)} employees` : null,
    account.revenue !== null ? `${formatUsd(account.revenue)} in annual revenue` : null,
  ].filter(Boolean);
  const where = account.headquarters ? `${account.headquarters}-based ` : "";
  const what = label ? `${label} company` : "company";
  const sentences = [`${account.name} is a ${where}${what}${sizeBits.length ? ` with ${sizeBits.join(" and ")}` : ""}.`];
  if (home?.description) sentences.push(`Its website says: "${home.description}"`);
  else if (home?.title) sentences.push(`Its website presents it as "${home.title}".`);
  if (account.facilityCount) sentences.push(`It runs ${account.facilityCount} ${account.facilityCount === 1 ? "facility" : "facilities"}.`);

  const locations = [...new Set(pages.flatMap((p) => p.locations))];
  const facilities: Facility[] = locations.slice(0, 12).map((loc) => {
    const [city, state] = loc.split(", ");
    return { name: loc, city: city ?? null, state: state ?? null, type: null };
  });
  const states = [...new Set(facilities.map((f) => f.state).filter(Boolean))];
  const footprintParts = [
    account.facilityCount ? `${account.facilityCount} ${account.facilityCount === 1 ? "facility" : "facilities"}` : null,
    states.length ? `sites named on its website in ${states.join(", ")}` : null,
    !account.facilityCount && !states.length && account.location ? `headquartered in ${account.location}` : null,
  ].filter(Boolean);

  const technologies = new Map<string, Claim>();
  for (const page of pages) for (const t of page.technologies) if (!technologies.has(t)) technologies.set(t, { text: `Website: ${t}`, source: page.url });
  const news = pages.flatMap((p) => p.news).slice(0, 5).map((n) => ({ title: n.title, date: null, url: n.url, source: `${account.name} website` }));
  const sources: Source[] = pages.map((p) => ({ title: p.title ? `${p.title}` : p.url, url: p.url }));
  const products = pages.flatMap((p) => p.headings).slice(0, 4);
  if (products.length && !home?.description) sentences.push(`Headlines on its site: ${products.join("; ")}.`);

  return {
    summary: sentences.join(" "),
    footprint: footprintParts.length ? footprintParts.join(" · ") : "Footprint unknown — add the facility count or research the website",
    facilities,
    painPoints: likelyPainPoints(account, profile),
    techStack: [...technologies.values()],
    recentNews: news,
    keyContacts: keyContacts(account),
    sources,
    provider: "built-in",
    warnings,
    websiteFetched: pages.length > 0,
    pagesRead: pages.length,
  };
}

const aiDossierSchema = z.object({
  summary: z.string().min(1).max(2000),
  footprint: z.string().max(500).default(""),
  facilities: z
    .array(z.object({ name: z.string().max(200), city: z.string().max(100).nullish(), state: z.string().max(100).nullish(), type: z.string().max(100).nullish() }))
    .max(30)
    .default([]),
  painPoints: z.array(z.object({ text: z.string().min(1).max(400), source: z.string().max(500) })).min(1).max(10),
  techStack: z.array(z.object({ text: z.string().min(1).max(200), source: z.string().max(500) })).max(20).default([]),
  recentNews: z
    .array(z.object({ title: z.string().max(300), date: z.string().max(40).nullish(), url: z.string().max(500).nullish(), source: z.string().max(200).nullish() }))
    .max(10)
    .default([]),
  sources: z.array(z.object({ title: z.string().max(300), url: z.string().max(500) })).max(20).default([]),
});

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

async function aiDossier(account: ResearchAccountInput, pages: PageFacts[], builtIn: DossierDraft, profile: SellerProfile): Promise<DossierDraft> {
  const facts = {
    company: {
      name: account.name,
      website: account.website,
      industry: account.industry,
      headquarters: account.headquarters,
      employees: account.employeeCount,
      annualRevenueUsd: account.revenue === null ? null : Number(account.revenue),
      facilities: account.facilityCount,
      notes: account.notes,
    },
    website: pages.map((p) => ({ url: p.url, title: p.title, description: p.description, headings: p.headings, locations: p.locations, technologies: p.technologies, news: p.news })),
  };
  const answer = await generateStructured({
    purpose: "research",
    schema: aiDossierSchema,
    system:
      `You research companies for a sales team that sells ${profile.productName}: ${profile.pitch} ` +
      "Use only the facts given; do not invent numbers, people or URLs. " +
      "Pain points are the problems this company likely has that the product solves; the seller's own library of pains is given as guidance. " +
      `Every pain point and technology names its source: the URL of a website page given to you, or "${ACCOUNT_DATA}" when it follows from the company's own fields.`,
    prompt: JSON.stringify({ ...facts, sellerPainLibrary: profile.painPoints.map((p) => p.pain) }),
  });
  const fetched = new Set(pages.map((p) => p.url));
  const cited = (claim: { text: string; source: string }): Claim => ({ text: claim.text, source: fetched.has(claim.source) ? claim.source : ACCOUNT_DATA });
  const sources = [
    ...builtIn.sources,
    ...answer.sources.map((s) => ({ title: s.title, url: httpUrl(s.url) })).filter((s): s is Source => s.url !== null && !fetched.has(s.url)),
  ];
  return {
    summary: answer.summary,
    footprint: answer.footprint || builtIn.footprint,
    facilities: answer.facilities.map((f) => ({ name: f.name, city: f.city ?? null, state: f.state ?? null, type: f.type ?? null })),
    painPoints: answer.painPoints.map(cited),
    techStack: answer.techStack.map(cited),
    recentNews: answer.recentNews.map((n) => ({ title: n.title, date: n.date ?? null, url: httpUrl(n.url), source: n.source ?? null })),
    keyContacts: builtIn.keyContacts,
    sources,
    provider: aiProviderName(),
    warnings: builtIn.warnings,
    websiteFetched: builtIn.websiteFetched,
    pagesRead: builtIn.pagesRead,
  };
}
