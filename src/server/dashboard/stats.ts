/**
 * The event's numbers: the dashboard, the reports and the PDF all call `getEventMetrics`, so
 * the same filters always give the same numbers everywhere. Without a date range they are read
 * from the per-event rollups (rollup_* tables, kept by triggers in the same transaction as every
 * write: migration 20261205230000_event_rollups, docs/PERFORMANCE.md "Rollups") — a few hundred
 * rows whatever the event's size. With a date range they are computed by scanning
 * (`recomputeEventMetrics`: the rollups hold no dates, see docs/PERFORMANCE.md), and that scan is
 * also the oracle the rollups are tested against (tests/integration/rollups-property.test.ts).
 *
 * Counting rules:
 * - Accounts and people in the Trash are not counted (not in the totals, tiers, statuses or the
 *   funnel); messages and meetings that happened with them still are: they happened.
 * - "Sent" = outreach with `sentAt` set and status not DRAFT (drafts, queued and failed
 *   messages are not sent). Rates are over sent messages.
 * - "Opened" = a human opened it: `openedAt`, `clickedAt` or `repliedAt` set (a click or a reply
 *   proves a human read it even when the pixel was blocked). Mail-privacy proxies (Apple MPP,
 *   scanners) fetch the pixel on delivery; those EmailEvents carry `isMachine = true` and
 *   tracking/events.ts never lets them set `openedAt`/`clickedAt` — that invariant is what lets
 *   the dashboard count from the message row instead of joining every email event (tested in
 *   tests/integration/stats-dashboard.test.ts).
 * - "Clicked" = `clickedAt` set (a human click; machine clicks never set it).
 * - "Replied" = `repliedAt` set.
 * - Meetings "booked" = not cancelled; "completed" = status COMPLETED.
 * - The account funnel counts the furthest stage each account reached (contacted → replied →
 *   meeting → won), and reaching a stage implies the earlier ones: a deal won after a booth
 *   conversation with no email reply on record still shows as replied and met, so "Won" in the
 *   funnel always equals the won-accounts figure.
 * - Filters: tiers / owner apply to accounts (tier, assignedTo), outreach and meetings (their
 *   account's tier, their owner); the date range applies to when things happened (outreach
 *   `sentAt`, meeting `scheduledAt`), never to the account list itself.
 */
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";

import { ACCOUNT_STATUSES, MEETING_STATUSES, TIERS } from "@/lib/vocabulary";
export { ACCOUNT_STATUSES,  TIERS };
;
import type { AccountStatus, Tier } from "@/lib/vocabulary";
import { rate } from "@/lib/rates";
import type { OutreachRates } from "@/server/outreach/stats";

export type MetricFilters = {
  tiers?: Tier[];
  ownerId?: string;
  /** Inclusive start, exclusive end. */
  from?: Date;
  to?: Date;
};

/** The dashboard's outreach figures: the outreach page's rates (src/server/outreach/stats.ts), counted the same way. */
type OutreachMetrics = Pick<OutreachRates, "sent" | "drafts" | "opened" | "clicked" | "replied" | "bounced" | "openRate" | "clickRate" | "replyRate">;

type RepMetrics = { ownerId: string | null; name: string; sent: number; opened: number; replied: number; meetingsBooked: number; meetingsCompleted: number };

export type EventMetrics = {
  accounts: { total: number; won: number; byTier: Record<Tier, number>; byStatus: Record<AccountStatus, number> };
  people: number;
  outreach: OutreachMetrics;
  meetings: { booked: number; scheduled: number; completed: number; noShow: number; cancelled: number };
  funnel: { stage: string; key: string; count: number }[];
  reps: RepMetrics[];
};

/** Share as a fraction with 4 decimals (0.1234 = 12.34 %); 0 when nothing was sent. */

function accountFilter(alias: string, f: MetricFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.tiers?.length) parts.push(Prisma.sql`${Prisma.raw(alias)}.tier = ANY (CAST(${f.tiers} AS "Tier"[]))`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function ownerFilter(column: string, f: MetricFilters): Prisma.Sql {
  return f.ownerId ? Prisma.sql` AND ${Prisma.raw(column)} = ${f.ownerId}` : Prisma.empty;
}

function rangeFilter(column: string, f: MetricFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.from) parts.push(Prisma.sql` AND ${Prisma.raw(column)} >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql` AND ${Prisma.raw(column)} < ${f.to}`);
  return parts.length ? Prisma.join(parts, "") : Prisma.empty;
}

type OwnerRow = { ownerId: string | null; name: string | null; email: string | null; sent: number; drafts: number; opened: number; clicked: number; replied: number; bounced: number };
type FunnelRow = { targeted: number; contacted: number; engaged: number; meeting: number; won: number };
type MeetingRow = { ownerId: string | null; name: string | null; email: string | null; status: string; n: number };

/**
 * One pass over the event's outreach (an index-only scan of outreach_event_metrics_idx): counts
 * per (owner, account) in a small CTE, from which both the per-rep totals and the account funnel
 * are taken, so 100,000 messages are read once, not once per figure.
 */
function outreachAndFunnelSql(eventId: string, f: MetricFilters): Prisma.Sql {
  const met = Prisma.sql`EXISTS (SELECT 1 FROM meeting m WHERE m."accountId" = a.id AND m.status <> 'CANCELLED' ${ownerFilter(`m."ownerId"`, f)} ${rangeFilter(`m."scheduledAt"`, f)})`;
  return Prisma.sql`
    WITH g AS (
      SELECT o."ownerId", o."accountId",
        count(*) FILTER (WHERE o.status = 'DRAFT') AS drafts,
        count(*) FILTER (WHERE x.sent) AS sent,
        count(*) FILTER (WHERE x.sent AND (o."openedAt" IS NOT NULL OR o."clickedAt" IS NOT NULL OR o."repliedAt" IS NOT NULL)) AS opened,
        count(*) FILTER (WHERE x.sent AND o."clickedAt" IS NOT NULL) AS clicked,
        count(*) FILTER (WHERE x.sent AND o."repliedAt" IS NOT NULL) AS replied,
        count(*) FILTER (WHERE x.sent AND o."bouncedAt" IS NOT NULL) AS bounced
      FROM outreach o
      ${f.tiers?.length ? Prisma.sql`JOIN target_accounts a ON a.id = o."accountId" AND a.tier = ANY (CAST(${f.tiers} AS "Tier"[]))` : Prisma.empty}
      CROSS JOIN LATERAL (SELECT (o."sentAt" IS NOT NULL AND o.status <> 'DRAFT') AS sent) x
      WHERE o."eventId" = ${eventId} ${ownerFilter(`o."ownerId"`, f)} ${rangeFilter(`o."sentAt"`, f)}
      GROUP BY 1, 2
    ), owners AS (
      SELECT g."ownerId", u.name, u.email, sum(sent)::int AS sent, sum(drafts)::int AS drafts, sum(opened)::int AS opened,
        sum(clicked)::int AS clicked, sum(replied)::int AS replied, sum(bounced)::int AS bounced
      FROM g LEFT JOIN users u ON u.id = g."ownerId"
      GROUP BY g."ownerId", u.name, u.email
    ), acc AS (
      SELECT a.status::text AS status, coalesce(pa.contacted, false) AS contacted, coalesce(pa.replied, false) AS replied, ${met} AS met
      FROM target_accounts a
      LEFT JOIN (SELECT "accountId", sum(sent) > 0 AS contacted, sum(replied) > 0 AS replied FROM g WHERE "accountId" IS NOT NULL GROUP BY 1) pa ON pa."accountId" = a.id
      WHERE a."eventId" = ${eventId} AND a."deletedAt" IS NULL ${accountFilter("a", f)} ${ownerFilter(`a."assignedToId"`, f)}
    )
    SELECT
      (SELECT coalesce(json_agg(owners), '[]'::json) FROM owners) AS owners,
      (SELECT json_build_object(
        'targeted', count(*),
        'contacted', count(*) FILTER (WHERE contacted OR replied OR met OR status = 'WON'),
        'engaged', count(*) FILTER (WHERE replied OR met OR status = 'WON'),
        'meeting', count(*) FILTER (WHERE met OR status = 'WON'),
        'won', count(*) FILTER (WHERE status = 'WON')) FROM acc) AS funnel`;
}

type Count = { n: number };

/** True when the rollups can answer: they are kept per tier, owner, status and stage, not per date. */
export function servedByRollups(filters: MetricFilters): boolean {
  return !filters.from && !filters.to;
}

export async function getEventMetrics(eventId: string, filters: MetricFilters = {}, db: DbTx = prisma): Promise<EventMetrics> {
  return servedByRollups(filters) ? readEventMetricsRollups(eventId, filters, db) : recomputeEventMetrics(eventId, filters, db);
}

type RollupRow = {
  accounts: { tier: Tier; status: AccountStatus; stage: number; n: number }[] | null;
  people: number;
  owners: OwnerRow[] | null;
  meetings: MeetingRow[] | null;
};

/** The metrics from the rollups: one round trip over a few hundred rows. */
async function readEventMetricsRollups(eventId: string, f: MetricFilters, db: DbTx): Promise<EventMetrics> {
  const tiers = f.tiers?.length ? Prisma.sql` AND r.tier = ANY (${f.tiers}::text[])` : Prisma.empty;
  const owner = (column: string) => (f.ownerId ? Prisma.sql` AND r.${Prisma.raw(`"${column}"`)} = ${f.ownerId}` : Prisma.empty);
  // With a rep filter the funnel counts only that rep's own messages and meetings (stageOwn).
  const stage = Prisma.raw(f.ownerId ? `r."stageOwn"` : `r."stageAll"`);
  const [row] = await db.$queryRaw<RollupRow[]>`
    SELECT
      (SELECT json_agg(x) FROM (
        SELECT r.tier, r.status, ${stage} AS stage, sum(r.n)::int AS n FROM rollup_accounts r
        WHERE r."eventId" = ${eventId} ${tiers} ${owner("assignedToId")} GROUP BY 1, 2, 3 HAVING sum(r.n) <> 0) x) AS accounts,
      (SELECT coalesce(sum(r.n), 0)::int FROM rollup_people r WHERE r."eventId" = ${eventId} ${tiers} ${owner("assignedToId")}) AS people,
      (SELECT json_agg(x) FROM (
        SELECT nullif(r."ownerId", '') AS "ownerId", u.name, u.email, sum(r.sent)::int AS sent, sum(r.drafts)::int AS drafts, sum(r.opened)::int AS opened,
          sum(r.clicked)::int AS clicked, sum(r.replied)::int AS replied, sum(r.bounced)::int AS bounced
        FROM rollup_outreach r LEFT JOIN users u ON u.id = r."ownerId"
        WHERE r."eventId" = ${eventId} ${tiers} ${owner("ownerId")} GROUP BY 1, 2, 3 HAVING sum(r.n) > 0) x) AS owners,
      (SELECT json_agg(x) FROM (
        SELECT nullif(r."ownerId", '') AS "ownerId", u.name, u.email, r.status, sum(r.n)::int AS n
        FROM rollup_meetings r LEFT JOIN users u ON u.id = r."ownerId"
        WHERE r."eventId" = ${eventId} ${tiers} ${owner("ownerId")} GROUP BY 1, 2, 3, 4 HAVING sum(r.n) > 0) x) AS meetings`;
  const accounts = row?.accounts ?? [];
  const count = (minStage: number) => accounts.filter((a) => a.stage >= minStage).reduce((t, a) => t + a.n, 0);
  const funnel: FunnelRow = { targeted: count(0), contacted: count(1), engaged: count(2), meeting: count(3), won: count(4) };
  return assembleMetrics(accounts, row?.people ?? 0, row?.owners ?? [], funnel, row?.meetings ?? []);
}

/** The metrics computed by scanning the event's rows: for date ranges, and the rollups' oracle. */
export async function recomputeEventMetrics(eventId: string, filters: MetricFilters = {}, db: DbTx = prisma): Promise<EventMetrics> {
  const f = filters;
  const [accountRows, peopleRows, outreachRows, meetingRows] = await Promise.all([
    db.$queryRaw<{ tier: Tier; status: AccountStatus; n: number }[]>`
      SELECT a.tier::text AS tier, a.status::text AS status, count(*)::int AS n
      FROM target_accounts a
      WHERE a."eventId" = ${eventId} AND a."deletedAt" IS NULL ${accountFilter("a", f)} ${ownerFilter(`a."assignedToId"`, f)}
      GROUP BY 1, 2`,
    db.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM people p ${f.tiers?.length ? Prisma.sql`JOIN target_accounts a ON a.id = p."accountId"` : Prisma.empty}
      WHERE p."eventId" = ${eventId} AND p."deletedAt" IS NULL ${accountFilter("a", f)} ${ownerFilter(`p."assignedToId"`, f)}`,
    db.$queryRaw<{ owners: OwnerRow[]; funnel: FunnelRow }[]>(outreachAndFunnelSql(eventId, f)),
    db.$queryRaw<MeetingRow[]>`
      SELECT m."ownerId", u.name, u.email, m.status::text AS status, count(*)::int AS n
      FROM meeting m
      ${f.tiers?.length ? Prisma.sql`JOIN target_accounts a ON a.id = m."accountId"` : Prisma.empty}
      LEFT JOIN users u ON u.id = m."ownerId"
      WHERE m."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`m."ownerId"`, f)} ${rangeFilter(`m."scheduledAt"`, f)}
      GROUP BY 1, 2, 3, 4`,
  ]);
  const fr = outreachRows[0]?.funnel ?? { targeted: 0, contacted: 0, engaged: 0, meeting: 0, won: 0 };
  return assembleMetrics(accountRows, peopleRows[0]?.n ?? 0, outreachRows[0]?.owners ?? [], fr, meetingRows);
}

function assembleMetrics(
  accountRows: readonly { tier: Tier; status: AccountStatus; n: number }[],
  people: number,
  owners: readonly OwnerRow[],
  fr: FunnelRow,
  meetingRows: readonly MeetingRow[],
): EventMetrics {
  const o = owners.reduce(
    (t, r) => ({ sent: t.sent + r.sent, drafts: t.drafts + r.drafts, opened: t.opened + r.opened, clicked: t.clicked + r.clicked, replied: t.replied + r.replied, bounced: t.bounced + r.bounced }),
    { sent: 0, drafts: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 },
  );
  const meetingBy = new Map<string, number>();
  for (const r of meetingRows) meetingBy.set(r.status, (meetingBy.get(r.status) ?? 0) + r.n);
  const m = (s: string) => meetingBy.get(s) ?? 0;
  const repRows = mergeReps(owners, meetingRows);

  const byTier = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const byStatus = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
  let totalAccounts = 0;
  for (const row of accountRows) {
    byTier[row.tier] += row.n;
    byStatus[row.status] += row.n;
    totalAccounts += row.n;
  }

  return {
    accounts: { total: totalAccounts, won: byStatus.WON, byTier, byStatus },
    people,
    outreach: { ...o, openRate: rate(o.opened, o.sent), clickRate: rate(o.clicked, o.sent), replyRate: rate(o.replied, o.sent) },
    meetings: {
      booked: m("SCHEDULED") + m("COMPLETED") + m("NO_SHOW"),
      scheduled: m("SCHEDULED"),
      completed: m("COMPLETED"),
      noShow: m("NO_SHOW"),
      cancelled: m("CANCELLED"),
    },
    funnel: [
      { key: "targeted", stage: "Target accounts", count: fr.targeted },
      { key: "contacted", stage: "Contacted", count: fr.contacted },
      { key: "engaged", stage: "Replied", count: fr.engaged },
      { key: "meeting", stage: "Meeting booked", count: fr.meeting },
      { key: "won", stage: "Won", count: fr.won },
    ],
    reps: repRows.map((r) => ({
      ownerId: r.ownerId,
      name: r.ownerId ? (r.name ?? r.email ?? "Unknown") : "Unassigned",
      sent: r.sent,
      opened: r.opened,
      replied: r.replied,
      meetingsBooked: r.booked,
      meetingsCompleted: r.completed,
    })),
  };
}

type RepRow = { ownerId: string | null; name: string | null; email: string | null; sent: number; opened: number; replied: number; booked: number; completed: number };

/** Messages and meetings per owner (null = unassigned), busiest first, then by name. */
function mergeReps(owners: readonly OwnerRow[], meetings: readonly MeetingRow[]): RepRow[] {
  const byOwner = new Map<string, RepRow>();
  const entry = (r: { ownerId: string | null; name: string | null; email: string | null }) => {
    const key = r.ownerId ?? "";
    let row = byOwner.get(key);
    if (!row) {
      row = { ownerId: r.ownerId, name: r.name, email: r.email, sent: 0, opened: 0, replied: 0, booked: 0, completed: 0 };
      byOwner.set(key, row);
    }
    return row;
  };
  for (const o of owners) {
    const row = entry(o);
    row.sent += o.sent;
    row.opened += o.opened;
    row.replied += o.replied;
  }
  for (const m of meetings) {
    const row = entry(m);
    if (m.status !== "CANCELLED") row.booked += m.n;
    if (m.status === "COMPLETED") row.completed += m.n;
  }
  const byName = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  // The owner's id last, so that two reps with the same figures and name always come in one order.
  return [...byOwner.values()].sort((a, b) => b.sent - a.sent || b.booked - a.booked || byName(a.name, b.name) || byName(a.ownerId, b.ownerId));
}
