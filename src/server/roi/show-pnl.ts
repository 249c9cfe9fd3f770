import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { TeamActor } from "@/server/access/actor";
import { formatCount, formatUsd } from "@/lib/numbers";

/**
 * "Was the show worth it?" — the show's P&L. Costs are what admins entered for the event
 * (booth space, build, travel, sponsorship, other; deleted lines do not count). The rest is
 * counted from the event's own records:
 * - a lead is a person of the event captured at the booth, who replied, or who had a meeting
 *   that was not cancelled;
 * - meetings are the event's meetings that were not cancelled;
 * - an account is touched by the show when the show's outreach was sent to it or it had a
 *   meeting that was not cancelled;
 * - pipeline influenced is the value of the open and won opportunities at touched accounts;
 *   pipeline created is the part of it whose opportunity was opened after the account's first
 *   touch (the show came first); won revenue is the value of won opportunities at touched
 *   accounts; lost opportunities count as opportunities but never as pipeline;
 * - cost per lead / meeting / opportunity divide the total cost; the ROI multiple is won
 *   revenue ÷ total cost (and the pipeline multiple, pipeline influenced ÷ total cost).
 * By rep means the account's assigned rep; by tier the account's tier. The previous show is
 * the event that started last before this one; its numbers are counted the same way.
 */
export const COST_CATEGORIES = ["BOOTH_SPACE", "BUILD", "TRAVEL", "SPONSORSHIP", "OTHER"] as const;
export const COST_CATEGORY_LABELS: Record<(typeof COST_CATEGORIES)[number], string> = {
  BOOTH_SPACE: "Booth space", BUILD: "Booth build and shipping", TRAVEL: "Travel and hotels", SPONSORSHIP: "Sponsorship", OTHER: "Other",
};

const amount = z.number({ error: "Enter an amount in whole dollars" }).int("Whole dollars").min(1, "At least $1").max(100_000_000, "At most $100,000,000");
export const createCostBody = z.strictObject({
  /** Another event than the current one (the route resolves it into the actor). */
  eventId: z.string().min(1).max(64).optional(),
  category: z.enum(COST_CATEGORIES, { error: "Pick a category" }),
  amount,
  description: z.string().trim().max(200).transform((v) => v || null).nullish(),
});
export const updateCostBody = z
  .strictObject({ category: z.enum(COST_CATEGORIES), amount, description: z.string().trim().max(200).transform((v) => v || null).nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" });
export const listCostsQuery = z.strictObject({ eventId: z.string().min(1).max(64).optional() });
export const showPnlQuery = z.strictObject({ eventId: z.string().min(1).max(64).optional() });

const usd = (v: number | null) => formatUsd(v, "exact");

export async function listEventCosts(eventId: string, db: DbTx = prisma) {
  await eventOrThrow(eventId, db);
  return db.eventCost.findMany({
    where: { eventId, deletedAt: null },
    orderBy: [{ category: "asc" }, { createdAt: "asc" }],
    select: { id: true, category: true, amount: true, description: true, createdAt: true, createdBy: { select: { name: true, email: true } } },
  });
}

async function eventOrThrow(eventId: string, db: DbTx) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, name: true } });
  if (!event) throw new AppError("not_found", "Event not found");
  return event;
}

export async function addEventCost(body: z.infer<typeof createCostBody> & { eventId: string }, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const event = await eventOrThrow(body.eventId, tx);
    const cost = await tx.eventCost.create({
      data: { eventId: event.id, category: body.category, amount: body.amount, description: body.description ?? null, createdById: actor.id },
      select: { id: true, category: true, amount: true, description: true, createdAt: true },
    });
    await recordActivity({
      type: "event.cost_added", description: `${actor.name ?? actor.email} added a ${COST_CATEGORY_LABELS[body.category].toLowerCase()} cost of ${usd(body.amount)} to ${event.name}`,
      actorId: actor.id, eventId: event.id, entityType: "event_cost", entityId: cost.id, metadata: { category: body.category, amount: body.amount },
    }, tx);
    return cost;
  });
}

export async function updateEventCost(id: string, body: z.infer<typeof updateCostBody>, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.eventCost.findFirst({ where: { id, deletedAt: null }, include: { event: { select: { name: true } } } });
    if (!before) throw new AppError("not_found", "Cost not found");
    const cost = await tx.eventCost.update({ where: { id }, data: body, select: { id: true, category: true, amount: true, description: true, createdAt: true } });
    await recordActivity({
      type: "event.cost_changed", description: `${actor.name ?? actor.email} changed a cost of ${before.event.name}: ${usd(before.amount)} → ${usd(cost.amount)}`,
      actorId: actor.id, eventId: before.eventId, entityType: "event_cost", entityId: id, metadata: { before: { category: before.category, amount: before.amount }, after: { category: cost.category, amount: cost.amount } },
    }, tx);
    return cost;
  });
}

/** Soft delete: the line stops counting but stays in the database (and the activity says who). */
export async function deleteEventCost(id: string, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const cost = await tx.eventCost.findFirst({ where: { id, deletedAt: null }, include: { event: { select: { name: true } } } });
    if (!cost) throw new AppError("not_found", "Cost not found");
    await tx.eventCost.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordActivity({
      type: "event.cost_removed", description: `${actor.name ?? actor.email} removed a ${COST_CATEGORY_LABELS[cost.category].toLowerCase()} cost of ${usd(cost.amount)} from ${cost.event.name}`,
      actorId: actor.id, eventId: cost.eventId, entityType: "event_cost", entityId: id,
    }, tx);
    return { id, deleted: true };
  });
}

type PnlBreakdownRow = { key: string; label: string; accounts: number; leads: number; meetings: number; opportunities: number; pipelineCreated: number; pipelineInfluenced: number; wonRevenue: number };
export type ShowSummary = {
  event: { id: string; name: string; startDate: Date; endDate: Date };
  totalCost: number;
  costByCategory: { category: (typeof COST_CATEGORIES)[number]; label: string; amount: number }[];
  leads: number;
  meetings: number;
  opportunities: number;
  pipelineCreated: number;
  pipelineInfluenced: number;
  wonRevenue: number;
  costPerLead: number | null;
  costPerMeeting: number | null;
  costPerOpportunity: number | null;
  roiMultiple: number | null;
  pipelineMultiple: number | null;
};
export type ShowPnl = ShowSummary & { byRep: PnlBreakdownRow[]; byTier: PnlBreakdownRow[]; previous: ShowSummary | null };

/** The P&L's counts for one rep's accounts of one tier (or, summed, for a breakdown's row). */
type Tally = { accounts: number; leads: number; meetings: number; opportunities: number; pipelineCreated: number; pipelineInfluenced: number; wonRevenue: number };
type GroupRow = Tally & { tier: string; ownerId: string | null; ownerName: string | null };

/** Where the accounts and their leads and meetings come from: the rollups (what users get), or the rows. */
type CountsSource = "rollup" | "rows";

/**
 * Leads and meetings per account of the event ('' = tied to no account), as rows of ("accountId",
 * leads, meetings). "rollup" reads rollup_show_accounts, kept by triggers in the writes' own
 * transactions (migration 20261207010000_show_pnl_rollups): the P&L no longer grows with the
 * event's messages and people. "rows" counts the same from the records: a lead is a person of the
 * event captured at the booth, who replied, or who had a meeting that was not cancelled, counted
 * once while out of the Trash. The rollup tests compare the two.
 */
function countsPerAccount(eventId: string, source: CountsSource): Prisma.Sql {
  if (source === "rollup") return Prisma.sql`SELECT "accountId", leads, meetings FROM rollup_show_accounts WHERE "eventId" = ${eventId}`;
  return Prisma.sql`
    SELECT k."accountId", sum(k.leads)::int AS leads, sum(k.meetings)::int AS meetings FROM (
      SELECT coalesce(p."accountId", '') AS "accountId", 1 AS leads, 0 AS meetings
      FROM (
        SELECT id FROM people WHERE "eventId" = ${eventId} AND source = 'booth'
        UNION SELECT "personId" FROM outreach WHERE "eventId" = ${eventId} AND "repliedAt" IS NOT NULL
        UNION SELECT "personId" FROM meeting WHERE "eventId" = ${eventId} AND status <> 'CANCELLED'
      ) l JOIN people p ON p.id = l.id WHERE p."deletedAt" IS NULL
      UNION ALL
      SELECT coalesce(m."accountId", ''), 0, 1 FROM meeting m WHERE m."eventId" = ${eventId} AND m.status <> 'CANCELLED'
    ) k GROUP BY 1`;
}

/** The event's accounts out of the Trash as (id, tier, owner = '' when unassigned): the rollup's copy, or the accounts. */
function liveAccounts(eventId: string, source: CountsSource): Prisma.Sql {
  if (source === "rollup") return Prisma.sql`SELECT "accountId" AS id, tier, "assignedToId" AS owner FROM rollup_account_state WHERE "eventId" = ${eventId} AND live`;
  return Prisma.sql`SELECT id, tier::text AS tier, coalesce("assignedToId", '') AS owner FROM target_accounts WHERE "eventId" = ${eventId} AND "deletedAt" IS NULL`;
}

/**
 * The P&L of the event's live accounts, summed in the database per (assignee, tier): a handful of
 * rows, not one per account (at 50,000 accounts, reading them into Node was a P&L's worth of time
 * by itself). Accounts, leads and meetings come from the narrow rollup rows; only the accounts with
 * an opportunity (~3 %) are read from target_accounts, with their first touch through the
 * (accountId, sentAt) and (accountId, status, createdAt) indexes. An account in the Trash is out of
 * the P&L with its opportunity, leads and meetings. Leads and meetings tied to no account come
 * back beside the groups (`unlinked`): they still count for the show as a whole. One statement;
 * the counts are inlined into both uses (NOT MATERIALIZED), so each reads rollup_show_accounts by
 * its own key rather than a copy of all the event's rows.
 */
async function groupRows(eventId: string, source: CountsSource, db: DbTx): Promise<{ groups: GroupRow[]; unlinked: { leads: number; meetings: number } }> {
  const [row] = await db.$queryRaw<{ groups: GroupRow[]; unlinked: { leads: number; meetings: number } | null }[]>`
    WITH counts AS NOT MATERIALIZED (${countsPerAccount(eventId, source)}),
    base AS (
      SELECT k.tier, k.owner, count(*)::int AS accounts, sum(coalesce(c.leads, 0))::int AS leads, sum(coalesce(c.meetings, 0))::int AS meetings
      FROM (${liveAccounts(eventId, source)}) k LEFT JOIN counts c ON c."accountId" = k.id
      GROUP BY 1, 2
    ), opportunity AS (
      SELECT a.tier::text AS tier, coalesce(a."assignedToId", '') AS owner, a."opportunityStage" AS stage,
        coalesce(a."opportunityAmount", 0)::float8 AS amount, a."opportunityOpenedAt" AS "openedAt", t."firstTouch"
      FROM target_accounts a
      -- OFFSET 0 keeps the first touch a subquery read once per account: inlined, its two probes
      -- ran again for each of the sums below that reads it.
      CROSS JOIN LATERAL (
        SELECT LEAST(
          (SELECT min(o."sentAt") FROM outreach o WHERE o."accountId" = a.id AND o."eventId" = ${eventId} AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT'),
          (SELECT min(m."createdAt") FROM meeting m WHERE m."accountId" = a.id AND m."eventId" = ${eventId} AND m.status <> 'CANCELLED')
        ) AS "firstTouch" OFFSET 0
      ) t
      WHERE a."eventId" = ${eventId} AND a."deletedAt" IS NULL AND a."opportunityStage" IS NOT NULL
    ), opportunities AS (
      SELECT x.tier, x.owner, count(*)::int AS n,
        sum(x.amount) FILTER (WHERE x.pipeline) AS "pipelineInfluenced",
        sum(x.amount) FILTER (WHERE x.pipeline AND x."openedAt" >= x."firstTouch") AS "pipelineCreated",
        sum(x.amount) FILTER (WHERE x.pipeline AND x.stage = 'WON') AS "wonRevenue"
      FROM (SELECT *, "firstTouch" IS NOT NULL AND stage <> 'LOST' AS pipeline FROM opportunity) x
      GROUP BY 1, 2
    ), grouped AS (
      SELECT b.tier, nullif(b.owner, '') AS "ownerId", coalesce(u.name, u.email) AS "ownerName", b.accounts, b.leads, b.meetings,
        coalesce(o.n, 0) AS opportunities, coalesce(o."pipelineInfluenced", 0) AS "pipelineInfluenced",
        coalesce(o."pipelineCreated", 0) AS "pipelineCreated", coalesce(o."wonRevenue", 0) AS "wonRevenue"
      FROM base b
      LEFT JOIN opportunities o ON o.tier = b.tier AND o.owner = b.owner
      LEFT JOIN users u ON u.id = nullif(b.owner, '')
    )
    SELECT coalesce((SELECT json_agg(g) FROM grouped g), '[]'::json) AS groups,
      (SELECT json_build_object('leads', c.leads, 'meetings', c.meetings) FROM counts c WHERE c."accountId" = '') AS unlinked`;
  return { groups: row?.groups ?? [], unlinked: row?.unlinked ?? { leads: 0, meetings: 0 } };
}

/** The sum of some groups' counts: the whole show's, or one breakdown row's. */
function tally(rows: Tally[]): Tally {
  const t: Tally = { accounts: 0, leads: 0, meetings: 0, opportunities: 0, pipelineCreated: 0, pipelineInfluenced: 0, wonRevenue: 0 };
  for (const r of rows) {
    t.accounts += r.accounts;
    t.leads += r.leads;
    t.meetings += r.meetings;
    t.opportunities += r.opportunities;
    t.pipelineCreated += r.pipelineCreated;
    t.pipelineInfluenced += r.pipelineInfluenced;
    t.wonRevenue += r.wonRevenue;
  }
  return t;
}

const per = (cost: number, n: number) => (n > 0 && cost > 0 ? Math.round(cost / n) : null);
const multiple = (value: number, cost: number) => (cost > 0 ? Math.round((value / cost) * 100) / 100 : null);

async function summarize(eventId: string, source: CountsSource, db: DbTx): Promise<{ summary: ShowSummary; rows: GroupRow[] }> {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, name: true, startDate: true, endDate: true } });
  if (!event) throw new AppError("not_found", "Event not found");
  const [{ groups: rows, unlinked }, costs] = await Promise.all([
    groupRows(eventId, source, db),
    db.eventCost.groupBy({ by: ["category"], where: { eventId, deletedAt: null }, _sum: { amount: true } }),
  ]);
  const t = tally(rows);
  const costByCategory = COST_CATEGORIES.map((category) => ({ category, label: COST_CATEGORY_LABELS[category], amount: costs.find((c) => c.category === category)?._sum.amount ?? 0 }));
  const totalCost = costByCategory.reduce((s, c) => s + c.amount, 0);
  const leads = t.leads + unlinked.leads;
  const meetings = t.meetings + unlinked.meetings;
  return {
    rows,
    summary: {
      event, totalCost, costByCategory, leads, meetings, opportunities: t.opportunities,
      pipelineCreated: t.pipelineCreated, pipelineInfluenced: t.pipelineInfluenced, wonRevenue: t.wonRevenue,
      costPerLead: per(totalCost, leads), costPerMeeting: per(totalCost, meetings), costPerOpportunity: per(totalCost, t.opportunities),
      roiMultiple: multiple(t.wonRevenue, totalCost), pipelineMultiple: multiple(t.pipelineInfluenced, totalCost),
    },
  };
}

function breakdown(rows: GroupRow[], keyOf: (r: GroupRow) => string, labelOf: (r: GroupRow) => string, order: (a: PnlBreakdownRow, b: PnlBreakdownRow) => number): PnlBreakdownRow[] {
  const groups = new Map<string, GroupRow[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, label: labelOf(list[0]), ...tally(list) })).sort(order);
}

/** The previous show: the event that started last before this one. */
async function previousEventId(event: { id: string; startDate: Date }, db: DbTx): Promise<string | null> {
  const previous = await db.event.findFirst({ where: { startDate: { lt: event.startDate }, id: { not: event.id } }, orderBy: { startDate: "desc" }, select: { id: true } });
  return previous?.id ?? null;
}

export async function getShowPnl(eventId: string, db: DbTx = prisma): Promise<ShowPnl> {
  return showPnl(eventId, "rollup", db);
}

/** The P&L counted from the records instead of the rollup: the rollup tests compare the two. */
export async function recomputeShowPnl(eventId: string, db: DbTx = prisma): Promise<ShowPnl> {
  return showPnl(eventId, "rows", db);
}

async function showPnl(eventId: string, source: CountsSource, db: DbTx): Promise<ShowPnl> {
  const { summary, rows } = await summarize(eventId, source, db);
  const previousId = await previousEventId(summary.event, db);
  const previous = previousId ? (await summarize(previousId, source, db)).summary : null;
  return {
    ...summary,
    byRep: breakdown(rows, (r) => r.ownerId ?? "none", (r) => r.ownerName ?? "Unassigned", (a, b) => b.pipelineInfluenced - a.pipelineInfluenced || a.label.localeCompare(b.label)),
    byTier: breakdown(rows, (r) => r.tier, (r) => `Tier ${r.tier}`, (a, b) => a.key.localeCompare(b.key)),
    previous,
  };
}

/** The P&L as rows for the report builder, the HTML export and the PDF: this show beside the previous one. */
export function pnlTable(pnl: ShowPnl): { head: string[]; rows: string[][] } {
  const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);
  const line = (label: string, f: (s: ShowSummary) => string) => [label, f(pnl), pnl.previous ? f(pnl.previous) : "—"];
  return {
    head: ["Measure", pnl.event.name, pnl.previous ? pnl.previous.event.name : "Previous show"],
    rows: [
      line("Total cost", (s) => usd(s.totalCost)),
      line("Leads", (s) => formatCount(s.leads)),
      line("Cost per lead", (s) => usd(s.costPerLead)),
      line("Meetings", (s) => formatCount(s.meetings)),
      line("Cost per meeting", (s) => usd(s.costPerMeeting)),
      line("Opportunities", (s) => formatCount(s.opportunities)),
      line("Cost per opportunity", (s) => usd(s.costPerOpportunity)),
      line("Pipeline created", (s) => usd(s.pipelineCreated)),
      line("Pipeline influenced", (s) => usd(s.pipelineInfluenced)),
      line("Won revenue", (s) => usd(s.wonRevenue)),
      line("ROI multiple (won ÷ cost)", (s) => times(s.roiMultiple)),
    ],
  };
}
