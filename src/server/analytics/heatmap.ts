/**
 * Engagement heatmaps. Engagement = human opens and clicks (EmailEvents with isMachine = false)
 * and replies (Outreach.repliedAt: replies are counted from the message, not from events, so a
 * provider that also logs "reply" events cannot double them). Buckets are in the event's time
 * zone: timestamps are stored as UTC in `timestamp without time zone` columns, so they are first
 * declared UTC and then converted (`(t AT TIME ZONE 'UTC') AT TIME ZONE tz`).
 *
 * Without a date range the heatmap is read from the per-event rollups (rollup_heatmap_*: cells by
 * local weekday × hour, engagement per account and per account-week, kept by triggers in the same
 * transaction as every open, click and reply, and rebuilt when the event's time zone changes).
 * With a range it is computed by scanning (`recomputeEngagementHeatmap`), which is also the
 * oracle the rollups are tested against.
 *
 * "Best times to send" ranks weekday × hour cells by a weighted score (open 1, click 2, reply 3:
 * a reply is what a rep wants) and returns the top cells that have any engagement.
 */
import { z } from "zod";
import { CALENDAR_RANGE_MESSAGE, isInCalendarRange } from "@/lib/calendar-range";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { eventScopeField } from "@/server/access/actor";

export const heatmapQuery = z.object({
  ...eventScopeField,
  from: z.iso.date().or(z.iso.datetime()).refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE).optional(),
  to: z.iso.date().or(z.iso.datetime()).refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE).optional(),
});

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const WEIGHT = { opens: 1, clicks: 2, replies: 3 } as const;

type HeatCell = { weekday: number; hour: number; opens: number; clicks: number; replies: number; total: number };
type AccountWeekRow = { accountId: string; accountName: string; total: number; weeks: Record<string, number> };

export type Heatmap = {
  timeZone: string;
  from: string | null;
  to: string | null;
  totals: { opens: number; clicks: number; replies: number };
  /** 7 × 24 cells, weekday 0 = Monday … 6 = Sunday, hour 0–23 local. */
  weekdayHour: HeatCell[];
  weeks: string[];
  accountWeek: AccountWeekRow[];
  bestTimes: { weekday: number; hour: number; label: string; score: number }[];
};

function bound(value: string | undefined, timeZone: string): Prisma.Sql | null {
  if (!value) return null;
  // A bare date means local midnight in the event's time zone.
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Prisma.sql`((${value}::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`
    : Prisma.sql`((${value}::timestamptz) AT TIME ZONE 'UTC')`;
}

export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? "am" : "pm"}`;
}

type CellRow = { dow: number; hour: number; kind: keyof typeof WEIGHT; n: number };
type AccountWeekSql = { accountId: string; name: string; week: string; n: number; total: number };
type HeatmapRow = { cells: CellRow[] | null; accounts: AccountWeekSql[] | null };

export async function getEngagementHeatmap(
  event: { id: string; timeZone: string },
  range: { from?: string; to?: string } = {},
  options: { accountLimit?: number } = {},
  db: DbTx = prisma,
): Promise<Heatmap> {
  if (range.from || range.to) return recomputeEngagementHeatmap(event, range, options, db);
  const limit = options.accountLimit ?? 20;
  // The top accounts come from an index on (eventId, n DESC, accountId); only their weeks are read.
  const [row] = await db.$queryRaw<HeatmapRow[]>`
    WITH top AS (
      SELECT r."accountId", r.n AS total FROM rollup_heatmap_accounts r
      WHERE r."eventId" = ${event.id} AND r.n > 0 ORDER BY r.n DESC, r."accountId" LIMIT ${limit}
    )
    SELECT
      (SELECT json_agg(json_build_object('dow', r.weekday, 'hour', r.hour, 'kind', r.kind, 'n', r.n))
        FROM rollup_heatmap_cells r WHERE r."eventId" = ${event.id} AND r.n <> 0) AS cells,
      (SELECT json_agg(x ORDER BY x.total DESC, x.name, x.week) FROM (
        SELECT top."accountId", a.name, to_char(w.week, 'YYYY-MM-DD') AS week, w.n, top.total
        FROM top JOIN rollup_heatmap_account_weeks w ON w."eventId" = ${event.id} AND w."accountId" = top."accountId" AND w.n <> 0
        JOIN target_accounts a ON a.id = top."accountId" AND a."deletedAt" IS NULL) x) AS accounts`;
  return assembleHeatmap(event.timeZone, range, row);
}

/** The heatmap computed by scanning the event's email events and replies: for date ranges, and the rollups' oracle. */
export async function recomputeEngagementHeatmap(
  event: { id: string; timeZone: string },
  range: { from?: string; to?: string } = {},
  options: { accountLimit?: number } = {},
  db: DbTx = prisma,
): Promise<Heatmap> {
  const tz = event.timeZone;
  const from = bound(range.from, tz);
  const to = bound(range.to, tz);
  const within = (col: Prisma.Sql) =>
    Prisma.sql`${from ? Prisma.sql` AND ${col} >= ${from}` : Prisma.empty}${to ? Prisma.sql` AND ${col} < ${to}` : Prisma.empty}`;
  // email_events carries its message's eventId/accountId (a trigger copies them), so the
  // events come from a covering index (email_events_heatmap_idx; replies from
  // outreach_event_replies_idx) without touching the event's 100,000 messages. One grouping pass
  // makes both the 15-minute UTC buckets for the weekday × hour grid (every real zone offset is a
  // multiple of 15 minutes, so only the buckets are converted to local time, not every event) and
  // the per-account totals; the weekly rows are computed for the top accounts only.
  const limit = options.accountLimit ?? 20;
  const [row] = await db.$queryRaw<HeatmapRow[]>`
    WITH ev AS (
      SELECT e."occurredAt" AS at, CASE e.type WHEN 'open' THEN 'opens' ELSE 'clicks' END AS kind, e."accountId"
      FROM email_events e
      WHERE e."eventId" = ${event.id} AND NOT e."isMachine" AND e.type IN ('open', 'click') ${within(Prisma.sql`e."occurredAt"`)}
      UNION ALL
      SELECT o."repliedAt", 'replies', o."accountId" FROM outreach o
      WHERE o."eventId" = ${event.id} AND o."repliedAt" IS NOT NULL ${within(Prisma.sql`o."repliedAt"`)}
    ), g AS MATERIALIZED (
      SELECT date_bin('15 minutes', at, TIMESTAMP '2000-01-01') AS b, kind, "accountId", count(*)::int AS n
      FROM ev GROUP BY GROUPING SETS ((1, 2), (3))
    ), cells AS (
      SELECT (extract(isodow FROM t)::int - 1) AS dow, extract(hour FROM t)::int AS hour, kind, sum(n)::int AS n
      FROM (SELECT (b AT TIME ZONE 'UTC') AT TIME ZONE ${tz} AS t, kind, n FROM g WHERE b IS NOT NULL) x
      GROUP BY 1, 2, 3
    ), top AS (
      SELECT "accountId", n AS total FROM g WHERE b IS NULL AND kind IS NULL AND "accountId" IS NOT NULL ORDER BY n DESC, "accountId" LIMIT ${limit}
    ), per AS (
      SELECT ev."accountId", to_char(date_trunc('week', (ev.at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS week, count(*)::int AS n
      FROM ev JOIN top ON top."accountId" = ev."accountId" GROUP BY 1, 2
    )
    SELECT
      (SELECT json_agg(cells) FROM cells) AS cells,
      (SELECT json_agg(x ORDER BY x.total DESC, x.name, x.week) FROM (
        SELECT per."accountId", a.name, per.week, per.n, top.total
        FROM per JOIN top ON top."accountId" = per."accountId" JOIN target_accounts a ON a.id = per."accountId" AND a."deletedAt" IS NULL) x) AS accounts`;
  return assembleHeatmap(tz, range, row);
}

function assembleHeatmap(tz: string, range: { from?: string; to?: string }, row: HeatmapRow | undefined): Heatmap {
  const cells = row?.cells ?? [];
  const accountWeeks = row?.accounts ?? [];

  const grid: HeatCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) grid.push({ weekday, hour, opens: 0, clicks: 0, replies: 0, total: 0 });
  }
  const totals = { opens: 0, clicks: 0, replies: 0 };
  for (const c of cells) {
    const cell = grid[c.dow * 24 + c.hour];
    cell[c.kind] += c.n;
    cell.total += c.n;
    totals[c.kind] += c.n;
  }

  const weekSet = new Set<string>();
  const byAccount = new Map<string, AccountWeekRow>();
  for (const r of accountWeeks) {
    weekSet.add(r.week);
    const row = byAccount.get(r.accountId) ?? { accountId: r.accountId, accountName: r.name, total: r.total, weeks: {} };
    row.weeks[r.week] = r.n;
    byAccount.set(r.accountId, row);
  }

  const bestTimes = grid
    .map((c) => ({ c, score: c.opens * WEIGHT.opens + c.clicks * WEIGHT.clicks + c.replies * WEIGHT.replies }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.c.weekday - b.c.weekday || a.c.hour - b.c.hour)
    .slice(0, 3)
    .map(({ c, score }) => ({ weekday: c.weekday, hour: c.hour, score, label: `${WEEKDAYS[c.weekday]} ${hourLabel(c.hour)}–${hourLabel((c.hour + 1) % 24)}` }));

  return {
    timeZone: tz,
    from: range.from ?? null,
    to: range.to ?? null,
    totals,
    weekdayHour: grid,
    weeks: [...weekSet].sort(),
    accountWeek: [...byAccount.values()],
    bestTimes,
  };
}
