import { classifyTitle } from "../../../prisma/seed/personas";
import type { DossierDraft } from "@/server/research/researcher";

/**
 * Talking points for each person at a researched account, from the dossier and the person's
 * role: operations executives hear the network-wide cost, operations managers the daily
 * pain, technology people the integration story, procurement the pilot and ROI, sales and
 * everyone else get a request for an introduction. A second point opens with recent news when
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

export function talkingPointsFor(person: InsightPerson, account: { name: string; facilityCount: number | null }, dossier: DossierDraft): string[] {
  const flagged = person.isExecOps || person.isOps || person.isProc || person.isSales || person.isTech;
  const role = flagged ? person : classifyTitle(person.title);
  const first = person.firstName || "They";
  const pain = dossier.painPoints[0] ?? "trailers wait too long in the yard";
  const secondPain = dossier.painPoints[1] ?? pain;
  const sites = account.facilityCount ? `${account.facilityCount} sites` : "every site";
  const stack = dossier.techStack.find((t) => /wms|erp|tms|sap|oracle|manhattan|blue yonder/i.test(t));
  const points: string[] = [];
  if (role.isExecOps) {
    points.push(`Frame the yard as a network lever for ${first}: "${pain}." Lead with detention and dwell costs across ${sites} and a phased rollout.`);
  } else if (role.isOps) {
    points.push(`${first} lives this every shift: "${secondPain}." Offer the 15-minute gate-to-dock walkthrough at the booth.`);
  } else if (role.isTech) {
    points.push(
      stack
        ? `${first} will ask how we integrate with ${stack.replace(/^[^:]+:\s*/, "")}; bring the integration architecture one-pager and SSO details.`
        : `${first} will care about integration: bring the API and WMS/TMS integration one-pager and SSO details.`,
    );
  } else if (role.isProc) {
    points.push(`${first} runs the buying process: mention pilot-first pricing and an ROI model built on ${account.name}'s ${sites}.`);
  } else {
    points.push(`${first} is not in operations; ask for an introduction to whoever owns yard and dock scheduling at ${account.name}.`);
  }
  const news = dossier.recentNews[0];
  if (news) points.push(`Open with the news: "${news.title}" — ask how the yard is coping.`);
  return points;
}
