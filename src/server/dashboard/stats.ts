/**
 * The event's numbers: the dashboard, the reports and the PDF all call `getEventMetrics`, so
 * the same filters always give the same numbers everywhere. Everything is aggregated in SQL
 * (five aggregate queries, no rows loaded into memory).
 *
 * Counting rules:
 * - "Sent" = outreach with `sentAt` set and status not DRAFT (drafts, queued and failed
 *   messages are not sent). Rates are over sent messages.
 * - "Opened" = a human opened it. Mail-privacy proxies (Apple MPP, scanners) fetch the pixel
 *   on delivery; those EmailEvents carry `isMachine = true` and never count. A message counts
 *   as opened when it has a non-machine `open` event, or a non-machine `click`, or a reply
 *   (both prove a human read it even when the pixel was blocked). `Outreach.openedAt` is used
 *   only for messages with no open events at all (imported or provider-less history), because
 *   it may have been set by a machine open.
 * - "Clicked" = a non-machine `click` event (or `clickedAt` when there are no click events).
 * - "Replied" = `repliedAt` set.
 * - Meetings "booked" = not cancelled; "completed" = status COMPLETED.
 * - Filters: tiers / owner apply to accounts (tier, assignedTo), outreach and meetings (their
 *   account's tier, their owner); the date range applies to when things happened (outreach
 *   `sentAt`, meeting `scheduledAt`), never to the account list itself.
 */
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";

export const TIERS = ["A", "B", "C", "D"] as const;
export const ACCOUNT_STATUSES = ["PROSPECTING", "ENGAGED", "MEETING_SCHEDULED", "WON", "LOST"] as const;
export const MEETING_STATUSES = ["SCHEDULED", "COMPLETED", "NO_SHOW", "CANCELLED"] as const;

export type Tier = (typeof TIERS)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export type MetricFilters = {
  tiers?: Tier[];
  ownerId?: string;
  /** Inclusive start, exclusive end. */
  from?: Date;
  to?: Date;
};

export type OutreachMetrics = {
  sent: number;
  drafts: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  openRate: number;
  clickRate: number;
  replyRate: number;
};

export type RepMetrics = { ownerId: string | null; name: string; sent: number; opened: number; replied: number; meetingsBooked: number; meetingsCompleted: number };

export type EventMetrics = {
  accounts: { total: number; won: number; byTier: Record<Tier, number>; byStatus: Record<AccountStatus, number> };
  people: number;
  outreach: OutreachMetrics;
  meetings: { booked: number; scheduled: number; completed: number; noShow: number; cancelled: number };
  funnel: { stage: string; key: string; count: number }[];
  reps: RepMetrics[];
};

/** Share as a fraction with 4 decimals (0.1234 = 12.34 %); 0 when nothing was sent. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function accountFilter(alias: string, f: MetricFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.tiers?.length) parts.push(Prisma.sql`${Prisma.raw(alias)}.tier::text IN (${Prisma.join(f.tiers)})`);
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

/** Per-message engagement flags, shared by the totals and the per-rep breakdown. */
function outreachFlagsCte(eventId: string, f: MetricFilters): Prisma.Sql {
  return Prisma.sql`
    WITH o AS (
      SELECT o.id, o."ownerId", o.status::text AS status, o."sentAt", o."repliedAt", o."bouncedAt", o."openedAt", o."clickedAt",
        EXISTS (SELECT 1 FROM email_events e WHERE e."outreachId" = o.id AND e.type = 'open' AND NOT e."isMachine") AS human_open,
        EXISTS (SELECT 1 FROM email_events e WHERE e."outreachId" = o.id AND e.type = 'open') AS any_open,
        EXISTS (SELECT 1 FROM email_events e WHERE e."outreachId" = o.id AND e.type = 'click' AND NOT e."isMachine") AS human_click,
        EXISTS (SELECT 1 FROM email_events e WHERE e."outreachId" = o.id AND e.type = 'click') AS any_click
      FROM outreach o
      LEFT JOIN target_accounts a ON a.id = o."accountId"
      WHERE o."eventId" = ${eventId}
        ${f.tiers?.length ? Prisma.sql`AND a.tier::text IN (${Prisma.join(f.tiers)})` : Prisma.empty}
        ${ownerFilter(`o."ownerId"`, f)}
        ${rangeFilter(`o."sentAt"`, f)}
    ), flags AS (
      SELECT o.*,
        (o."sentAt" IS NOT NULL AND o.status <> 'DRAFT') AS is_sent,
        (o.human_click OR (NOT o.any_click AND o."clickedAt" IS NOT NULL)) AS is_clicked,
        (o."repliedAt" IS NOT NULL) AS is_replied
      FROM o
    ), msg AS (
      SELECT flags.*, (human_open OR (NOT any_open AND "openedAt" IS NOT NULL) OR is_clicked OR is_replied) AS is_opened FROM flags
    )`;
}

type Count = { n: number };

export async function getEventMetrics(eventId: string, filters: MetricFilters = {}, db: DbTx = prisma): Promise<EventMetrics> {
  const f = filters;
  const [accountRows, peopleRows, outreachRows, meetingRows, funnelRows, repRows] = await Promise.all([
    db.$queryRaw<{ tier: Tier; status: AccountStatus; n: number }[]>`
      SELECT a.tier::text AS tier, a.status::text AS status, count(*)::int AS n
      FROM target_accounts a
      WHERE a."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`a."assignedToId"`, f)}
      GROUP BY 1, 2`,
    db.$queryRaw<Count[]>`
      SELECT count(*)::int AS n FROM people p LEFT JOIN target_accounts a ON a.id = p."accountId"
      WHERE p."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`p."assignedToId"`, f)}`,
    db.$queryRaw<Omit<OutreachMetrics, "openRate" | "clickRate" | "replyRate">[]>`
      ${outreachFlagsCte(eventId, f)}
      SELECT
        count(*) FILTER (WHERE is_sent)::int AS sent,
        count(*) FILTER (WHERE status = 'DRAFT')::int AS drafts,
        count(*) FILTER (WHERE is_sent AND is_opened)::int AS opened,
        count(*) FILTER (WHERE is_sent AND is_clicked)::int AS clicked,
        count(*) FILTER (WHERE is_sent AND is_replied)::int AS replied,
        count(*) FILTER (WHERE is_sent AND "bouncedAt" IS NOT NULL)::int AS bounced
      FROM msg`,
    db.$queryRaw<{ status: string; n: number }[]>`
      SELECT m.status::text AS status, count(*)::int AS n
      FROM meeting m LEFT JOIN target_accounts a ON a.id = m."accountId"
      WHERE m."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`m."ownerId"`, f)} ${rangeFilter(`m."scheduledAt"`, f)}
      GROUP BY 1`,
    // The account funnel: each stage is a subset of the previous one by construction.
    db.$queryRaw<{ targeted: number; contacted: number; engaged: number; meeting: number; won: number }[]>`
      WITH acc AS (
        SELECT a.id, a.status::text AS status,
          EXISTS (SELECT 1 FROM outreach o WHERE o."accountId" = a.id AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' ${ownerFilter(`o."ownerId"`, f)} ${rangeFilter(`o."sentAt"`, f)}) AS contacted,
          EXISTS (SELECT 1 FROM outreach o WHERE o."accountId" = a.id AND o."repliedAt" IS NOT NULL AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' ${ownerFilter(`o."ownerId"`, f)} ${rangeFilter(`o."sentAt"`, f)}) AS replied,
          EXISTS (SELECT 1 FROM meeting m WHERE m."accountId" = a.id AND m.status <> 'CANCELLED' ${ownerFilter(`m."ownerId"`, f)} ${rangeFilter(`m."scheduledAt"`, f)}) AS met
        FROM target_accounts a
        WHERE a."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`a."assignedToId"`, f)}
      )
      SELECT count(*)::int AS targeted,
        count(*) FILTER (WHERE contacted)::int AS contacted,
        count(*) FILTER (WHERE contacted AND replied)::int AS engaged,
        count(*) FILTER (WHERE contacted AND replied AND met)::int AS meeting,
        count(*) FILTER (WHERE contacted AND replied AND met AND status = 'WON')::int AS won
      FROM acc`,
    db.$queryRaw<{ ownerId: string | null; name: string | null; email: string | null; sent: number; opened: number; replied: number; booked: number; completed: number }[]>`
      ${outreachFlagsCte(eventId, f)},
      per_msg AS (
        SELECT COALESCE("ownerId", '') AS k, count(*) FILTER (WHERE is_sent)::int AS sent,
          count(*) FILTER (WHERE is_sent AND is_opened)::int AS opened,
          count(*) FILTER (WHERE is_sent AND is_replied)::int AS replied
        FROM msg GROUP BY 1
      ), per_meeting AS (
        SELECT COALESCE(m."ownerId", '') AS k, count(*) FILTER (WHERE m.status <> 'CANCELLED')::int AS booked,
          count(*) FILTER (WHERE m.status = 'COMPLETED')::int AS completed
        FROM meeting m LEFT JOIN target_accounts a ON a.id = m."accountId"
        WHERE m."eventId" = ${eventId} ${accountFilter("a", f)} ${ownerFilter(`m."ownerId"`, f)} ${rangeFilter(`m."scheduledAt"`, f)}
        GROUP BY 1
      )
      SELECT NULLIF(COALESCE(pm.k, mt.k), '') AS "ownerId", u.name, u.email,
        COALESCE(pm.sent, 0)::int AS sent, COALESCE(pm.opened, 0)::int AS opened, COALESCE(pm.replied, 0)::int AS replied,
        COALESCE(mt.booked, 0)::int AS booked, COALESCE(mt.completed, 0)::int AS completed
      FROM per_msg pm FULL OUTER JOIN per_meeting mt ON pm.k = mt.k
      LEFT JOIN users u ON u.id = COALESCE(pm.k, mt.k)
      ORDER BY sent DESC, booked DESC, u.name`,
  ]);

  const byTier = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const byStatus = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
  let totalAccounts = 0;
  for (const row of accountRows) {
    byTier[row.tier] += row.n;
    byStatus[row.status] += row.n;
    totalAccounts += row.n;
  }
  const o = outreachRows[0] ?? { sent: 0, drafts: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 };
  const meetingBy = new Map(meetingRows.map((r) => [r.status, r.n]));
  const m = (s: string) => meetingBy.get(s) ?? 0;
  const fr = funnelRows[0] ?? { targeted: 0, contacted: 0, engaged: 0, meeting: 0, won: 0 };

  return {
    accounts: { total: totalAccounts, won: byStatus.WON, byTier, byStatus },
    people: peopleRows[0]?.n ?? 0,
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
