import { toStorableDeep } from "@/lib/storable-text";
import { Prisma } from "@/generated/prisma/client";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { reserveAiUnits } from "@/server/ai/budget";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { inActorEvent, isInActorEvent } from "@/server/access/scope";
import { AppError } from "@/server/http/errors";
import { createBackgroundJob } from "@/server/jobs/background";
import { GENERATED_INSIGHT_SOURCES, talkingPointsFor } from "@/server/research/insights";
import { buildDossier } from "@/server/research/researcher";
import { getSellerProfile } from "@/server/seller/service";
import type { SafeFetchOptions } from "@/server/research/safe-fetch";
import type { ResearchCandidatesQuery } from "@/server/research/schemas";
import { cappedCountLimit, pageWindow, paginatedUpTo, rowsOfPage } from "@/server/http/pagination";
import { containsPattern } from "@/server/accounts/shared";

/**
 * Research of accounts: the network work (website, AI) happens first and outside any
 * transaction; then one transaction replaces the dossier, replaces the generated talking
 * points of the account's people and writes the activity.
 */
export type ResearchOptions = { actor: Actor; fetch?: SafeFetchOptions };

export type ResearchResult = {
  accountId: string;
  name: string;
  provider: string;
  researchedAt: Date;
  painPoints: number;
  sources: number;
  insights: number;
  websiteFetched: boolean;
  warnings: string[];
  /** What happened, in a sentence the rep reads next to the account (never a silent fallback). */
  outcome: string;
};

/** Says where the dossier's facts came from: the pages read, the model used, or why neither. */
function describeResearch(draft: { provider: string; websiteFetched: boolean; warnings: string[]; pagesRead: number }): string {
  const pagesRead = draft.pagesRead;
  const aiFailed = draft.warnings.find((w) => w.startsWith("The AI provider failed"));
  const siteProblem = draft.warnings.find((w) => w.startsWith("Could not read the website") || w === "No website on the account");
  const read = draft.websiteFetched
    ? `Read ${pagesRead} ${pagesRead === 1 ? "page" : "pages"} of the company's website.`
    : `${siteProblem ? `${siteProblem.replace(/\.$/, "")}, so` : "No web page was read, so"} nothing in this dossier comes from the website.`;
  if (draft.provider !== "built-in") return `${read} The AI model (${draft.provider}) wrote the summary and pain points from ${draft.websiteFetched ? "those pages and " : ""}the account's own data.`;
  const why = aiFailed ? `${aiFailed.replace(/; used the built-in researcher$/, "")}.` : "No AI model is configured.";
  return `${read} ${why} The built-in researcher wrote the summary from the account's own data${draft.websiteFetched ? " and those pages" : ""}; the pain points are the ones typical for its industry.`;
}

/** Research of one account in the two parts a background job needs: the network work now, the writes in the caller's transaction. */
async function prepareResearch(accountId: string, options: ResearchOptions): Promise<{ result: ResearchResult; write(tx: Prisma.TransactionClient): Promise<void> }> {
  const account = await prisma.targetAccount.findUnique({
    where: { id: accountId },
    select: {
      id: true, eventId: true, deletedAt: true, name: true, website: true, domain: true, industry: true, headquarters: true, location: true,
      employeeCount: true, revenue: true, facilityCount: true, notes: true,
      people: {
        where: { deletedAt: null },
        select: {
          id: true, name: true, firstName: true, title: true, email: true, icpScore: true,
          isExecOps: true, isOps: true, isProc: true, isSales: true, isTech: true,
        },
      },
    },
  }).then((found) => inActorEvent(options.actor, "account", found));
  const profile = await getSellerProfile();
  // Web pages and model answers are other people's text: NUL and broken characters are cleaned.
  const draft = toStorableDeep(await buildDossier(account, profile, options.fetch));
  const researchedAt = new Date();
  const fields = {
    summary: draft.summary,
    footprint: draft.footprint,
    facilities: draft.facilities as unknown as Prisma.InputJsonValue,
    painPoints: draft.painPoints as unknown as Prisma.InputJsonValue,
    techStack: draft.techStack as unknown as Prisma.InputJsonValue,
    recentNews: draft.recentNews as unknown as Prisma.InputJsonValue,
    keyContacts: draft.keyContacts as unknown as Prisma.InputJsonValue,
    sources: draft.sources as unknown as Prisma.InputJsonValue,
    provider: draft.provider,
    researchedAt,
  };
  const insights = account.people.flatMap((person) =>
    talkingPointsFor(person, account, draft, profile).map((point) => ({
      accountId: account.id,
      personId: person.id,
      category: "talking_point",
      content: point.text,
      source: "research",
      citation: point.source,
      // No confidence: neither the built-in researcher nor the model gives a calibrated one.
      confidence: null,
    })),
  );
  const write = async (tx: Prisma.TransactionClient) => {
    await tx.companyDossier.upsert({ where: { accountId: account.id }, create: { accountId: account.id, ...fields }, update: fields });
    const personIds = account.people.map((p) => p.id);
    if (personIds.length) {
      await tx.insight.deleteMany({
        where: { personId: { in: personIds }, category: "talking_point", source: { in: GENERATED_INSIGHT_SOURCES } },
      });
      await tx.insight.createMany({ data: insights });
    }
    await recordActivity(
      {
        type: "research.completed",
        description: `Researched ${account.name} (${draft.provider === "built-in" ? "built-in researcher" : draft.provider}): ${draft.painPoints.length} pain points, ${draft.sources.length} sources`,
        ...activityAbout("account", account, options.actor.id),
        metadata: { provider: draft.provider, websiteFetched: draft.websiteFetched, insights: insights.length, warnings: draft.warnings },
      },
      tx,
    );
  };
  const result: ResearchResult = {
    accountId: account.id,
    name: account.name,
    provider: draft.provider,
    researchedAt,
    painPoints: draft.painPoints.length,
    sources: draft.sources.length,
    insights: insights.length,
    websiteFetched: draft.websiteFetched,
    warnings: draft.warnings,
    outcome: describeResearch(draft),
  };
  return { result, write };
}

/** Researches one account now: one unit of the caller's AI limit (ai/budget.ts). */
export async function researchAccount(accountId: string, options: ResearchOptions): Promise<ResearchResult> {
  await reserveAiUnits(options.actor, 1, "Researching this account");
  const { result, write } = await prepareResearch(accountId, options);
  await prisma.$transaction(write);
  return result;
}

/** Researches accounts of the actor's event in the background (one item per account); answers with the job. */
export async function startResearch(accountIds: string[], actor: Actor) {
  const ids = [...new Set(accountIds)];
  const accounts = (await prisma.targetAccount.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, eventId: true, deletedAt: true } }))
    .filter((a) => isInActorEvent(actor, "account", a));
  const unknown = ids.filter((id) => !accounts.some((a) => a.id === id));
  if (unknown.length) throw new AppError("validation_error", `Some accounts are not in ${actor.event.name}`, unknown.map((id) => ({ path: "accountIds", message: `Unknown account ${id}` })));
  const ordered = ids.map((id) => accounts.find((a) => a.id === id)!);
  return createBackgroundJob({
    kind: "research", label: `Research of ${ordered.length} account${ordered.length === 1 ? "" : "s"}`, eventId: actor.eventId, actor,
    input: { accountIds: ids }, items: ordered.map((a) => ({ key: a.id, label: a.name })),
  });
}

/**
 * One item of a research job, as the person who started it: one unit of their AI limit. When
 * the limit is used up the item waits (the job engine runs it again when the minute is over).
 */
export async function researchJobItem(accountId: string, actor: Actor) {
  await reserveAiUnits(actor, 1, "Researching this account");
  const { result, write } = await prepareResearch(accountId, { actor });
  return { write: async (tx: Prisma.TransactionClient) => {
    await write(tx);
    return { provider: result.provider, painPoints: result.painPoints, sources: result.sources, insights: result.insights, websiteFetched: result.websiteFetched, warnings: result.warnings, outcome: result.outcome };
  } };
}

/**
 * Accounts with no dossier or one older than `staleDays` (no fresh one), best tier and ICP score
 * first. The page walks target_accounts_research_order_idx and looks up each account's dossier by
 * its key, skipping the freshly researched ones; the total is counted the same way up to the
 * search cap ("More than 1,000"). As Prisma wrote it, the dossier test hashed every dossier and the
 * order sorted every account of the event (339 ms at the xl dataset), and the exact total read
 * every candidate.
 */
export async function listResearchCandidates(query: ResearchCandidatesQuery, actor: Actor) {
  const cutoff = new Date(Date.now() - query.staleDays * 86_400_000);
  const candidates = Prisma.sql`
    FROM target_accounts a
    WHERE a."eventId" = ${actor.eventId} AND a."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM company_dossiers d WHERE d."accountId" = a.id AND d."researchedAt" >= ${cutoff})
      ${query.q ? Prisma.sql`AND a.name ILIKE ${containsPattern(query.q)}` : Prisma.empty}`;
  const { skip, take } = pageWindow(query);
  const [rows, counted] = await Promise.all([
    rowsOfPage(
      prisma.$queryRaw<{ id: string }[]>`SELECT a.id ${candidates} ORDER BY a.tier, a."icpScore" DESC NULLS LAST, a.name, a.id LIMIT ${take} OFFSET ${skip}`,
      (ids) => prisma.targetAccount.findMany({
        where: { id: { in: ids } },
        select: {
          id: true, name: true, domain: true, website: true, industry: true, tier: true, icpScore: true, facilityCount: true,
          dossier: { select: { researchedAt: true, provider: true } },
          _count: { select: { people: { where: { deletedAt: null } } } },
        },
      }),
    ),
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${candidates} LIMIT ${cappedCountLimit(query)}) found`,
  ]);
  const items = rows.map(({ _count, dossier, ...r }) => ({ ...r, people: _count.people, researchedAt: dossier?.researchedAt ?? null, provider: dossier?.provider ?? null }));
  return { ...paginatedUpTo(items, counted[0]?.n ?? 0, query), staleDays: query.staleDays };
}

/** An account's dossier and the generated talking points of its people, for display. */
export async function getAccountDossier(accountId: string, actor: Actor) {
  const account = await prisma.targetAccount.findUnique({
    where: { id: accountId },
    select: {
      id: true, name: true, eventId: true, deletedAt: true,
      dossier: {
        select: {
          summary: true, footprint: true, facilities: true, painPoints: true, techStack: true, recentNews: true,
          keyContacts: true, sources: true, provider: true, researchedAt: true,
        },
      },
    },
  }).then((found) => inActorEvent(actor, "account", found));
  const insights = await prisma.insight.findMany({
    where: { accountId, personId: { not: null }, category: "talking_point" },
    orderBy: [{ personId: "asc" }, { createdAt: "asc" }],
    select: { id: true, content: true, source: true, citation: true, person: { select: { id: true, name: true, title: true } } },
  });
  return { account: { id: account.id, name: account.name, eventId: account.eventId }, dossier: account.dossier, talkingPoints: insights };
}
