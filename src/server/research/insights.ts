import { classifyTitle } from "@/lib/personas";
import { ACCOUNT_DATA, type Claim } from "@/lib/claims";
import { trimTrailing } from "@/lib/utils";
import type { DossierDraft } from "@/server/research/researcher";
import type { SellerProfile } from "@/server/seller/profile";

/**
 * Talking points for each person at a researched account, from the dossier, the seller
 * profile (product, value propositions, how we solve each pain) and the person's role:
 * operations executives hear the network-wide lever, operations people the daily pain and how
 * we solve it, technology people the integration story, procurement the pilot and ROI, everyone
 * else gets a request for an introduction. Each point carries the source of the claim it rests on. A second point opens with recent news when
 * the dossier has any. Generated points (source "research", or "dossier" from the demo seed)
 * are replaced on every research; notes a rep wrote by hand are never touched.
 */
export const GENERATED_INSIGHT_SOURCES = ["research", "dossier"];

export type InsightPerson = {
  id: string;
  firstName: string;
  title: string | null;
  isExecOps: boolean;
  isOps: boolean;
  isProc: boolean;
  isSales: boolean;
  isTech: boolean;
};

export function talkingPointsFor(
  person: InsightPerson,
  account: { name: string; facilityCount: number | null },
  dossier: Pick<DossierDraft, "painPoints" | "techStack" | "recentNews">,
  profile: Pick<SellerProfile, "productName" | "valueProps" | "painPoints">,
): Claim[] {
  const flagged = person.isExecOps || person.isOps || person.isProc || person.isSales || person.isTech;
  const role = flagged ? person : classifyTitle(person.title);
  const first = person.firstName || "They";
  const fallback: Claim = { text: profile.painPoints[0]?.pain ?? "the problem we solve", source: ACCOUNT_DATA };
  const pain = dossier.painPoints[0] ?? fallback;
  const secondPain = dossier.painPoints[1] ?? pain;
  const answer = (claim: Claim) => profile.painPoints.find((p) => p.pain === claim.text)?.solution ?? profile.valueProps[0] ?? profile.productName;
  const sites = account.facilityCount ? `${account.facilityCount} sites` : "every site";
  const stack = dossier.techStack.find((t) => /wms|erp|tms|crm|sap|oracle|salesforce|microsoft|manhattan|blue yonder/i.test(t.text));
  const points: Claim[] = [];
  if (role.isExecOps) {
    points.push({ text: `Frame ${profile.productName} as a lever across ${sites} for ${first}: "${inSentenceEnd(pain.text)}." Lead with: ${answer(pain)}.`, source: pain.source });
  } else if (role.isOps) {
    points.push({ text: `${first} lives this every day: "${inSentenceEnd(secondPain.text)}." Show how: ${answer(secondPain)}.`, source: secondPain.source });
  } else if (role.isTech) {
    points.push(
      stack
        ? { text: `${first} will ask how ${profile.productName} works with ${stack.text.replace(/^[^:]+:\s*/, "")}; bring the integration one-pager and SSO details.`, source: stack.source }
        : { text: `${first} will care about integration: bring the API and integration one-pager and SSO details.`, source: ACCOUNT_DATA },
    );
  } else if (role.isProc) {
    points.push({ text: `${first} runs the buying process: mention pilot-first pricing and an ROI model built on ${account.name}'s ${sites}.`, source: ACCOUNT_DATA });
  } else {
    points.push({ text: `${first} may not own this problem; ask for an introduction to whoever owns "${inSentenceEnd(pain.text)}" at ${account.name}.`, source: pain.source });
  }
  const news = dossier.recentNews[0];
  if (news) points.push({ text: `Open with the news: "${news.title}" — ask how it changes their plans.`, source: news.url ?? ACCOUNT_DATA });
  return points;
}

function inSentenceEnd(text: string): string {
  return trimTrailing(text.trim(), ".!");
}
