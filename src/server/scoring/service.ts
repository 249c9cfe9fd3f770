import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { readSetting, writeSetting } from "@/server/settings/store";
import { AppError } from "@/server/http/errors";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { reserveAiUnits } from "@/server/ai/budget";
import { aiProviderName, generateStructured, isAiConfigured } from "@/server/ai/client";
import { createBackgroundJob, type JobContext } from "@/server/jobs/background";
import type { SellerProfile } from "@/server/seller/profile";
import { getSellerProfile } from "@/server/seller/service";
import { logger } from "@/server/logger";
import { actorName, type Actor, type TeamActor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import {
  DEFAULT_WEIGHTS, icpWeightsSchema, NO_ENGAGEMENT, scoreAccount, scorePerson, withAiAdjustment,
  type AccountScoreInput, type Engagement, type IcpBreakdown, type IcpWeights,
} from "./icp";

/**
 * Persists ICP scores. One account or one person is scored with its own queries (and, for an
 * account, an optional AI adjustment); a whole event is scored with a handful of grouped reads
 * and one `UPDATE … FROM unnest(…)` per 5,000 rows — accounts first, then people, who use
 * their account's fresh score. Event runs skip the AI: thousands of model calls are neither
 * fast nor cheap, and a rep can ask for one account's AI review from its page.
 */

const WEIGHTS_KEY = "icp.weights";

export const scoreIcpBody = z.union([
  z.strictObject({ accountId: z.string().min(1).max(64) }),
  z.strictObject({ personId: z.string().min(1).max(64) }),
  z.strictObject({ eventId: z.string().min(1).max(64) }),
], { error: "Send exactly one of accountId, personId or eventId" });

async function getIcpWeights(db: DbTx = prisma): Promise<IcpWeights> {
  return (await readSetting(WEIGHTS_KEY, icpWeightsSchema, db))?.value ?? DEFAULT_WEIGHTS;
}

export async function getIcpWeightsWithMeta(db: DbTx = prisma) {
  const stored = await readSetting(WEIGHTS_KEY, icpWeightsSchema, db);
  return { weights: stored?.value ?? DEFAULT_WEIGHTS, defaults: DEFAULT_WEIGHTS, isDefault: !stored, updatedAt: stored?.updatedAt ?? null };
}

export async function setIcpWeights(weights: IcpWeights, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const before = await getIcpWeights(tx);
    await writeSetting(WEIGHTS_KEY, weights, actor.id, tx);
    await recordActivity(
      { type: "settings.icp_weights_updated", description: `${actor.name ?? actor.email} changed the ICP scoring weights`, actorId: actor.id, entityType: "setting", entityId: WEIGHTS_KEY, metadata: { before, after: weights } },
      tx,
    );
    return { weights, defaults: DEFAULT_WEIGHTS, isDefault: false };
  });
}

type EngagementRow = { key: string; sent: bigint; opened: bigint; replied: bigint };
type MeetingRow = { key: string; meetings: bigint };

/** Outreach and meeting counts per account of an event (or for some accounts): two grouped reads. */
export async function engagementByAccount(where: { eventId: string } | { accountIds: string[] }, db: DbTx): Promise<Map<string, Engagement>> {
  const scope = "eventId" in where ? Prisma.sql`"eventId" = ${where.eventId} AND "accountId" IS NOT NULL` : Prisma.sql`"accountId" = ANY(${where.accountIds}::text[])`;
  const [outreach, meetings] = "accountIds" in where && where.accountIds.length === 0 ? [[], []] : await Promise.all([
    db.$queryRaw<EngagementRow[]>`
      SELECT "accountId" AS key, count(*) FILTER (WHERE "sentAt" IS NOT NULL) AS sent,
             count(*) FILTER (WHERE "openedAt" IS NOT NULL) AS opened, count(*) FILTER (WHERE "repliedAt" IS NOT NULL) AS replied
      FROM outreach WHERE ${scope} GROUP BY "accountId"`,
    db.$queryRaw<MeetingRow[]>`SELECT "accountId" AS key, count(*) AS meetings FROM meeting WHERE ${scope} AND status <> 'CANCELLED' GROUP BY "accountId"`,
  ]);
  const map = new Map<string, Engagement>();
  for (const r of outreach) map.set(r.key, { sent: Number(r.sent), opened: Number(r.opened), replied: Number(r.replied), meetings: 0 });
  for (const m of meetings) map.set(m.key, { ...(map.get(m.key) ?? NO_ENGAGEMENT), meetings: Number(m.meetings) });
  return map;
}

const aiAnswer = z.object({ adjustment: z.number().min(-100).max(100), reason: z.string().trim().min(3).max(400) });

/** Asks the configured model to review a score; returns the breakdown unchanged (with a note) if it fails. */
async function aiReview(name: string, facts: AccountScoreInput, breakdown: IcpBreakdown, dossierSummary: string | null, profile: SellerProfile): Promise<IcpBreakdown> {
  if (!isAiConfigured()) return breakdown;
  try {
    const answer = await generateStructured({
      purpose: "score-review",
      schema: aiAnswer,
      system:
        `You review ideal-customer-profile scores for the company that sells ${profile.productName}: ${profile.pitch} ` +
        `Target industries: ${profile.industries.map((i) => i.name).join(", ") || "any"}. ` +
        'Answer JSON {"adjustment": integer between -15 and 15, "reason": one sentence}. Adjust only for evidence the rules below miss; 0 is a fine answer.',
      prompt: JSON.stringify({
            account: name,
            facts: { ...facts, revenue: facts.revenue === null ? null : Number(facts.revenue) },
            ruleBasedScore: breakdown.base,
            factors: breakdown.factors.map((f) => ({ factor: f.label, points: f.points, of: f.weight, reason: f.reason })),
            dossier: dossierSummary,
          }),
    });
    return withAiAdjustment(breakdown, { adjustment: answer.adjustment, reason: answer.reason, provider: aiProviderName() });
  } catch (error) {
    logger.warn({ err: error }, "AI score review failed; keeping the rule-based score");
    return { ...breakdown, aiNote: "The AI review was unavailable; this is the rule-based score." };
  }
}

async function scoreOneAccount(accountId: string, actor: Actor) {
  const account = inActorEvent(actor, "account", await prisma.targetAccount.findUnique({ where: { id: accountId }, include: { dossier: { select: { summary: true } } } }));
  const [weights, profile] = await Promise.all([getIcpWeights(), getSellerProfile()]);
  const engagement = (await engagementByAccount({ accountIds: [accountId] }, prisma)).get(accountId) ?? NO_ENGAGEMENT;
  const facts: AccountScoreInput = { ...account, engagement };
  if (isAiConfigured()) await reserveAiUnits(actor, 1, `The AI review of ${account.name}'s score`);
  // The model call happens outside the transaction: a slow endpoint must not hold locks.
  const breakdown = await aiReview(account.name, facts, scoreAccount(facts, weights.account, profile), account.dossier?.summary ?? null, profile);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.targetAccount.update({
      where: { id: accountId },
      data: { icpScore: breakdown.total, icpBreakdown: breakdown as unknown as Prisma.InputJsonValue, icpScoredAt: new Date() },
      select: { id: true, name: true, icpScore: true, icpBreakdown: true, icpScoredAt: true, tier: true },
    });
    await recordActivity(
      {
        type: "account.scored",
        description: `${actor.name ?? actor.email} rescored ${account.name}: ${account.icpScore ?? "—"} → ${breakdown.total}${breakdown.ai ? ` (AI ${breakdown.ai.adjustment >= 0 ? "+" : ""}${breakdown.ai.adjustment})` : ""}`,
        ...activityAbout("account", account, actor.id),
        metadata: { from: account.icpScore, to: breakdown.total },
      },
      tx,
    );
    return { kind: "account" as const, id: accountId, score: breakdown.total, breakdown, tier: updated.tier, suggestedTier: breakdown.suggestedTier };
  });
}

async function scoreOnePerson(personId: string, actor: Actor) {
  const person = inActorEvent(actor, "person", await prisma.person.findUnique({ where: { id: personId }, include: { account: { select: { name: true, icpScore: true } } } }));
  const weights = await getIcpWeights();
  const breakdown = scorePerson({ ...person, accountScore: person.account?.icpScore ?? null, accountName: person.account?.name ?? null }, weights.person);
  return prisma.$transaction(async (tx) => {
    await tx.person.update({
      where: { id: personId },
      data: { icpScore: breakdown.total, icpBreakdown: breakdown as unknown as Prisma.InputJsonValue, icpScoredAt: new Date() },
    });
    await recordActivity(
      {
        type: "person.scored",
        description: `${actor.name ?? actor.email} rescored ${person.name}: ${person.icpScore ?? "—"} → ${breakdown.total}`,
        ...activityAbout("person", person, actor.id),
        metadata: { from: person.icpScore, to: breakdown.total },
      },
      tx,
    );
    return { kind: "person" as const, id: personId, score: breakdown.total, breakdown };
  });
}

const CHUNK = 5000;

/** What scoring reads besides the records: the weights and the seller's industries (once per run). */
export type ScoringRules = { weights: IcpWeights; profile: SellerProfile };
export async function scoringRules(db: DbTx = prisma): Promise<ScoringRules> {
  const [weights, profile] = await Promise.all([getIcpWeights(db), getSellerProfile(db)]);
  return { weights, profile };
}

type AccountFacts = Omit<AccountScoreInput, "engagement"> & { id: string; name: string };
type PersonFacts = { id: string; accountId: string | null; title: string | null; isExecOps: boolean; isOps: boolean; isProc: boolean; isSales: boolean; isTech: boolean; isNonOps: boolean };
export type ScoredAccount = { score: number | null; name: string; breakdown?: IcpBreakdown };

/** Rule-based scores of accounts from their facts and engagement (none for a new account). */
export function scoreAccountFacts(rules: ScoringRules, accounts: AccountFacts[], engagement: Map<string, Engagement>): Map<string, ScoredAccount> {
  return new Map(accounts.map((a) => {
    const breakdown = scoreAccount({ ...a, engagement: engagement.get(a.id) ?? NO_ENGAGEMENT }, rules.weights.account, rules.profile);
    return [a.id, { score: breakdown.total, name: a.name, breakdown }];
  }));
}

/**
 * Rule-based scores of people. A person's score uses their account's: from `accounts` when it was
 * scored in the same run, else as stored (one read for all of them).
 */
export async function scorePersonFacts(rules: ScoringRules, people: PersonFacts[], accounts: Map<string, ScoredAccount>, db: DbTx): Promise<Map<string, IcpBreakdown>> {
  const known = new Map(accounts);
  const otherAccounts = [...new Set(people.flatMap((p) => (p.accountId && !known.has(p.accountId) ? [p.accountId] : [])))];
  if (otherAccounts.length) {
    for (const a of await db.targetAccount.findMany({ where: { id: { in: otherAccounts } }, select: { id: true, name: true, icpScore: true } })) known.set(a.id, { score: a.icpScore, name: a.name });
  }
  return new Map(people.map((p) => {
    const account = p.accountId ? known.get(p.accountId) : undefined;
    return [p.id, scorePerson({ ...p, accountScore: account?.score ?? null, accountName: account?.name ?? null }, rules.weights.person)];
  }));
}

/**
 * Rule-based scores for an event's accounts and people in a few statements (no AI review): all of
 * them, or only the given ones — new records are scored this way as they arrive, so none waits for
 * "Rescore all" (the import scores its rows in the statements that write them, with the two
 * functions above). A person's score uses their account's (fresh when scored together).
 */
export async function scoreRecords(
  eventId: string,
  only: { accountIds: string[]; personIds: string[] } | null,
  db: DbTx = prisma,
  /** A background job's progress (rescoring a whole event). */
  onProgress?: (done: number, total: number, current: string) => Promise<void>,
) {
  if (only && only.accountIds.length === 0 && only.personIds.length === 0) return { accounts: 0, people: 0 };
  const rules = await scoringRules(db);
  const [accounts, people, engagement] = await Promise.all([
    only && only.accountIds.length === 0 ? [] : db.targetAccount.findMany({
      where: { eventId, deletedAt: null, ...(only ? { id: { in: only.accountIds } } : {}) },
      select: { id: true, industry: true, employeeCount: true, revenue: true, facilityCount: true, headquarters: true, location: true, name: true },
    }),
    only && only.personIds.length === 0 ? [] : db.person.findMany({
      where: { eventId, deletedAt: null, ...(only ? { id: { in: only.personIds } } : {}) },
      select: { id: true, accountId: true, title: true, isExecOps: true, isOps: true, isProc: true, isSales: true, isTech: true, isNonOps: true },
    }),
    engagementByAccount(only ? { accountIds: only.accountIds } : { eventId }, db),
  ]);
  const accountScores = scoreAccountFacts(rules, accounts, engagement);
  const personScores = await scorePersonFacts(rules, people, accountScores, db);
  const accountRows = [...accountScores].map(([id, a]) => ({ id, score: a.score, breakdown: JSON.stringify(a.breakdown) }));
  const personRows = [...personScores].map(([id, b]) => ({ id, score: b.total, breakdown: JSON.stringify(b) }));
  const total = accountRows.length + personRows.length;
  for (let i = 0; i < accountRows.length; i += CHUNK) {
    await onProgress?.(i, total, "Accounts");
    const chunk = accountRows.slice(i, i + CHUNK);
    await db.$executeRaw`
      UPDATE target_accounts AS t SET "icpScore" = v.score, "icpBreakdown" = v.breakdown, "icpScoredAt" = now()
      FROM unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.score)}::int[], ${chunk.map((r) => r.breakdown)}::jsonb[]) AS v(id, score, breakdown)
      WHERE t.id = v.id`;
  }
  for (let i = 0; i < personRows.length; i += CHUNK) {
    await onProgress?.(accountRows.length + i, total, "People");
    const chunk = personRows.slice(i, i + CHUNK);
    await db.$executeRaw`
      UPDATE people AS p SET "icpScore" = v.score, "icpBreakdown" = v.breakdown, "icpScoredAt" = now()
      FROM unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.score)}::int[], ${chunk.map((r) => r.breakdown)}::jsonb[]) AS v(id, score, breakdown)
      WHERE p.id = v.id`;
  }
  return { accounts: accountRows.length, people: personRows.length };
}

/** Scores every account and person of the actor's event in a few statements; returns counts and timing. */
async function scoreEvent(actor: Actor, onProgress?: (done: number, total: number, current: string) => Promise<void>) {
  const started = Date.now();
  const { event, eventId } = actor;
  const counts = await prisma.$transaction(
    async (tx) => {
      const scored = await scoreRecords(eventId, null, tx, onProgress);
      await recordActivity(
        {
          type: "scoring.event_scored",
          description: `${actorName(actor)} rescored ${event.name}: ${scored.accounts} accounts and ${scored.people} people`,
          actorId: actor.id,
          eventId,
          entityType: "event",
          entityId: eventId,
          metadata: scored,
        },
        tx,
      );
      return scored;
    },
    { timeout: 120_000 },
  );
  await onProgress?.(counts.accounts + counts.people, counts.accounts + counts.people, "Saved");
  return { kind: "event" as const, id: eventId, ...counts, ms: Date.now() - started };
}

/** Rescoring a whole event runs in the background (seconds to minutes on a large event); answers with the job. */
async function startEventRescore(actor: Actor) {
  const job = await createBackgroundJob({ kind: "rescore", label: `Rescoring ${actor.event.name}`, eventId: actor.eventId, actor, input: {} });
  return { kind: "event" as const, id: actor.eventId, job };
}

/** The rescore job's work, as the person who started it. */
export async function rescoreJob(ctx: JobContext) {
  await ctx.checkCancelled();
  const result = await scoreEvent(ctx.actor, (done, total, current) => ctx.progress(done, total, current));
  return { accounts: result.accounts, people: result.people, ms: result.ms };
}

/** `{ eventId }` names the event to rescore (in the background); the route wrapper made it the actor's event. */
export async function scoreIcp(body: z.infer<typeof scoreIcpBody>, actor: Actor) {
  if ("accountId" in body) return scoreOneAccount(body.accountId, actor);
  if ("personId" in body) return scoreOnePerson(body.personId, actor);
  return startEventRescore(actor);
}
