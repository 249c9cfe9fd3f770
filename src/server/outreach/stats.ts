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
  const [rates, queued] = await Promise.all([repRates(where, db), db.outreach.count({ where: { AND: [where, { status: "QUEUED" }] } })]);
  return { ...rates, queued };
}

/** outreachRates without the queue: what each rep's rates hold (the queue is the page's figure). */
export async function repRates(where: Prisma.OutreachWhereInput, db: DbTx = prisma): Promise<RepRates> {
  const sentWhere: Prisma.OutreachWhereInput = { AND: [where, { sentAt: { not: null } }, { status: { not: "DRAFT" } }] };
  const [total, sent, drafts, opened, clicked, replied, bounced] = await Promise.all([
    db.outreach.count({ where }),
    db.outreach.count({ where: sentWhere }),
    db.outreach.count({ where: { AND: [where, { status: "DRAFT" }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { OR: [{ openedAt: { not: null } }, { clickedAt: { not: null } }, { repliedAt: { not: null } }] }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { clickedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { repliedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { bouncedAt: { not: null } }] } }),
  ]);
  return ratesOf({ total, sent, drafts, opened, clicked, replied, bounced });
}

type Counts = Omit<OutreachRates, "openRate" | "clickRate" | "replyRate" | "bounceRate">;
/** The counts rollup_outreach keeps (all but the queue). */
type RolledUp = Omit<Counts, "queued">;
/** One rep's rates: everything but the queue, which is counted for the page as a whole (queuedUpTo). */
export type RepRates = Omit<OutreachRates, "queued">;

/** The rates of counted messages. */
export function ratesOf<C extends RolledUp>(c: C): C & Pick<OutreachRates, "openRate" | "clickRate" | "replyRate" | "bounceRate"> {
  return { ...c, openRate: rate(c.opened, c.sent), clickRate: rate(c.clicked, c.sent), replyRate: rate(c.replied, c.sent), bounceRate: rate(c.bounced, c.sent) };
}

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

/** The queue is counted up to this many messages; past it the page says "More than 1,000 queued". */
export const QUEUE_COUNT_CAP = 1000;

/**
 * The messages waiting in the queue, the event's or one owner's (`ownerId`), counted up to
 * QUEUE_COUNT_CAP from outreach_queue_idx alone. rollup_outreach does not keep the queue: a rollup
 * row touched by every status change deadlocked concurrent sequence runs (docs/PERFORMANCE.md,
 * "Rollups"). Counted whole, it read 47,040 index entries at the xl dataset, growing with the data.
 */
export async function queuedUpTo(eventId: string, ownerId: string | undefined, db: DbTx = prisma): Promise<{ queued: number; moreThanQueued: boolean }> {
  const owner = ownerId === undefined ? Prisma.empty : Prisma.sql`AND o."ownerId" = ${ownerId}`;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM outreach o WHERE o."eventId" = ${eventId} AND o.status = 'QUEUED' ${owner} LIMIT ${QUEUE_COUNT_CAP + 1}) queue`;
  const n = row?.n ?? 0;
  return n > QUEUE_COUNT_CAP ? { queued: QUEUE_COUNT_CAP, moreThanQueued: true } : { queued: n, moreThanQueued: false };
}

/** Owners' counts added up (no owner: all zeros). */
export function sumCounts(all: Iterable<RolledUp>): RolledUp {
  const sum: RolledUp = { total: 0, sent: 0, drafts: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 };
  for (const r of all) for (const key of Object.keys(sum) as (keyof RolledUp)[]) sum[key] += r[key];
  return sum;
}
