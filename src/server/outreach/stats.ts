import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { rate } from "@/lib/rates";

/**
 * Engagement rates, counted by the dashboard's rules (src/server/dashboard/stats.ts) so the two
 * pages never disagree: every rate is over messages actually sent (sentAt set, not a draft);
 * "opened" means a human read it — opened, clicked or replied (a click or a reply proves the
 * read even when the pixel was blocked); machine opens never set openedAt/clickedAt; a message
 * counts once however often it was opened. Rates are fractions of sent (0.1234 = 12.34 %), as
 * everywhere in the API.
 */
export type OutreachRates = {
  total: number;
  sent: number;
  queued: number;
  drafts: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  openRate: number;
  clickRate: number;
  replyRate: number;
  bounceRate: number;
};

export async function outreachRates(where: Prisma.OutreachWhereInput, db: DbTx = prisma): Promise<OutreachRates> {
  const sentWhere: Prisma.OutreachWhereInput = { AND: [where, { sentAt: { not: null } }, { status: { not: "DRAFT" } }] };
  const [total, sent, queued, drafts, opened, clicked, replied, bounced] = await Promise.all([
    db.outreach.count({ where }),
    db.outreach.count({ where: sentWhere }),
    db.outreach.count({ where: { AND: [where, { status: "QUEUED" }] } }),
    db.outreach.count({ where: { AND: [where, { status: "DRAFT" }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { OR: [{ openedAt: { not: null } }, { clickedAt: { not: null } }, { repliedAt: { not: null } }] }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { clickedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { repliedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { bouncedAt: { not: null } }] } }),
  ]);
  return ratesOf({ total, sent, queued, drafts, opened, clicked, replied, bounced });
}

type Counts = Omit<OutreachRates, "openRate" | "clickRate" | "replyRate" | "bounceRate">;

/** The rates of counted messages. */
export function ratesOf(c: Counts): OutreachRates {
  return { ...c, openRate: rate(c.opened, c.sent), clickRate: rate(c.clicked, c.sent), replyRate: rate(c.replied, c.sent), bounceRate: rate(c.bounced, c.sent) };
}

/** The counts rollup_outreach keeps (all but the queue). */
type RolledUp = Omit<Counts, "queued">;

/**
 * An event's messages (one owner's, with `ownerId`) by owner ('' = no owner), from rollup_outreach:
 * the messages by owner and account tier, kept by triggers in the writes' own transactions by the
 * dashboard's rules. Counting the messages themselves took 2 s at a million (docs/PERFORMANCE.md,
 * "Issue 17, round 17").
 */
export async function rolledUpByOwner(eventId: string, ownerId: string | undefined, db: DbTx = prisma): Promise<Map<string, RolledUp>> {
  const owner = ownerId === undefined ? Prisma.empty : Prisma.sql`AND r."ownerId" = ${ownerId}`;
  const rows = await db.$queryRaw<(RolledUp & { ownerId: string })[]>`
    SELECT r."ownerId", sum(r.n)::int AS total, sum(r.sent)::int AS sent, sum(r.drafts)::int AS drafts, sum(r.opened)::int AS opened,
      sum(r.clicked)::int AS clicked, sum(r.replied)::int AS replied, sum(r.bounced)::int AS bounced
    FROM rollup_outreach r WHERE r."eventId" = ${eventId} ${owner} GROUP BY r."ownerId"`;
  return new Map(rows.map(({ ownerId: id, ...counts }) => [id, counts]));
}

/**
 * The rates of an event's messages by owner: rolledUpByOwner, and the queue, which the rollup does
 * not keep, counted from the status index alone (outreach_status_list_order_idx ends with the owner).
 */
export async function outreachRatesByOwner(eventId: string, ownerId: string | undefined, db: DbTx = prisma): Promise<Map<string, OutreachRates>> {
  const queuedOwner = ownerId === undefined ? Prisma.empty : Prisma.sql`AND o."ownerId" = ${ownerId}`;
  const [rolledUp, queue] = await Promise.all([
    rolledUpByOwner(eventId, ownerId, db),
    db.$queryRaw<{ ownerId: string; n: number }[]>`
      SELECT coalesce(o."ownerId", '') AS "ownerId", count(*)::int AS n FROM outreach o
      WHERE o."eventId" = ${eventId} AND o.status = 'QUEUED' ${queuedOwner} GROUP BY 1`,
  ]);
  const queued = new Map(queue.map((q) => [q.ownerId, q.n]));
  return new Map([...rolledUp].map(([id, counts]) => [id, ratesOf({ ...counts, queued: queued.get(id) ?? 0 })]));
}

/** Owners' counts added up (no owner: all zeros). */
export function sumRates(all: Iterable<OutreachRates>): OutreachRates {
  const sum: Counts = { total: 0, sent: 0, queued: 0, drafts: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 };
  for (const r of all) for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += r[key];
  return ratesOf(sum);
}
