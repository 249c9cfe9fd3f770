import { ACCOUNT_DATA, type Claim } from "@/lib/claims";
import { matchIndustry, type SellerProfile } from "@/server/seller/profile";

/**
 * Likely pain points for an account from what we know without research, read from the seller
 * profile: the pains listed for the account's industry (matched by keywords, since imported
 * industries are free text) come first, then the general pain-point library. Each is a claim
 * whose source is the account's own data (its industry), never a made-up citation.
 */
export function industryLabel(industry: string | null | undefined, profile: Pick<SellerProfile, "industries">): string | null {
  return matchIndustry(profile, industry)?.name.toLowerCase() ?? null;
}

export function likelyPainPoints(account: { industry: string | null }, profile: Pick<SellerProfile, "industries" | "painPoints">): Claim[] {
  const fromIndustry = matchIndustry(profile, account.industry)?.pains ?? [];
  const general = profile.painPoints.map((p) => p.pain).filter((p) => !fromIndustry.includes(p));
  return [...fromIndustry, ...general.slice(0, fromIndustry.length ? 2 : 4)].slice(0, 6).map((text) => ({ text, source: ACCOUNT_DATA }));
}

