import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import type { PaginatedResponse } from "@/types/api";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields, readPage, rowsOfPage } from "@/server/http/pagination";

/**
 * The readable activity feed over the audit log. Descriptions are written by each domain when
 * the change happens; the feed adds the actor, person and account names so a row reads on its
 * own ("Maya Chen · Sent an email to Dana Ruiz (Acme Foods)").
 */
export const listActivitiesQuery = z.object({
  ...eventScopeField,
  type: z.string().max(80).optional(),
  actorId: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  personId: z.string().max(64).optional(),
  q: z.string().trim().max(120).optional(),
  ...paginationFields({ pageSize: 30, maxPageSize: 100 }),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;

const feedSelect = {
  id: true,
  type: true,
  description: true,
  createdAt: true,
  entityType: true,
  entityId: true,
  actor: { select: { id: true, name: true, email: true } },
  person: { select: { id: true, name: true } },
  account: { select: { id: true, name: true } },
} satisfies Prisma.ActivitySelect;

export type FeedItem = Prisma.ActivityGetPayload<{ select: typeof feedSelect }>;

function feedWhere(eventId: string, q: Omit<ListActivitiesQuery, "page" | "pageSize" | "eventId">): Prisma.ActivityWhereInput {
  const where: Prisma.ActivityWhereInput = { eventId };
  // A type ending in "." filters a whole domain ("meeting." → every meeting change).
  if (q.type) where.type = q.type.endsWith(".") ? { startsWith: q.type } : q.type;
  if (q.actorId === "system") where.actorId = null;
  else if (q.actorId) where.actorId = q.actorId;
  if (q.accountId) where.accountId = q.accountId;
  if (q.personId) where.personId = q.personId;
  if (q.q) {
    where.OR = [
      { account: { name: { contains: q.q, mode: "insensitive" } } },
      { person: { name: { contains: q.q, mode: "insensitive" } } },
    ];
  }
  return where;
}

export async function listActivities(eventId: string, query: Omit<ListActivitiesQuery, "eventId">, db: DbTx = prisma): Promise<PaginatedResponse<FeedItem>> {
  const where = feedWhere(eventId, query);
  return readPage(
    query,
    (window) => rowsOfPage(
      db.activity.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window, select: { id: true } }),
      (ids) => db.activity.findMany({ where: { id: { in: ids } }, select: feedSelect }),
    ),
    () => countActivities(eventId, query, where, db),
  );
}

/**
 * The feed's total. Unfiltered, or filtered by type and actor only, it is read from
 * rollup_activities (the event's activities by type and actor, kept by triggers in the writes' own
 * transactions; migration 20261207060000_activity_and_campaign_counts): counting the log itself
 * visits every activity of the event, ~100 ms at 2,000,000. One account's or person's activities
 * are counted through their own index; a search by name is counted as it matches.
 */
async function countActivities(eventId: string, q: Omit<ListActivitiesQuery, "page" | "pageSize" | "eventId">, where: Prisma.ActivityWhereInput, db: DbTx) {
  if (q.accountId || q.personId || q.q) return db.activity.count({ where });
  const type = !q.type ? Prisma.empty : q.type.endsWith(".") ? Prisma.sql`AND starts_with(r.type, ${q.type})` : Prisma.sql`AND r.type = ${q.type}`;
  const actor = !q.actorId ? Prisma.empty : Prisma.sql`AND r."actorId" = ${q.actorId === "system" ? "" : q.actorId}`;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(r.n), 0)::int AS n FROM rollup_activities r WHERE r."eventId" = ${eventId} ${type} ${actor}`;
  return rows[0]?.n ?? 0;
}

/**
 * Below this many records of their own in the event (accounts and people assigned to them,
 * activities they did; each counted up to it), a rep's feed is gathered from those records.
 */
const FEW_OWN_RECORDS = 200;
/** How many of the event's newest activities a rep's feed looks through first. */
const RECENT_WINDOW = 500;

/**
 * The latest activity of the event; with `mineFor`, only what happened on that rep's accounts and
 * people (assigned to them) or was done by them — the dashboard's default for a rep.
 */
export async function listRecentFeed(eventId: string, limit = 12, db: DbTx = prisma, scope: { mineFor?: string } = {}): Promise<FeedItem[]> {
  // One statement (the same rows and shape as `feedSelect`): through the query builder the three
  // names were three more round trips, and the dashboard waits for this beside its metrics.
  // The page of activities is taken first and only its rows are joined to their names: joined
  // before the LIMIT, the planner put a Memoize cache sized for every person and account of the
  // event in front of each lookup, and building those cost ~8 ms at 250,000 people for 12 rows.
  const page = scope.mineFor ? myFeedPage(eventId, scope.mineFor, limit) : Prisma.sql`
    SELECT t.id, t."createdAt" FROM activities t WHERE t."eventId" = ${eventId} ORDER BY t."createdAt" DESC, t.id DESC LIMIT ${limit}`;
  return db.$queryRaw<FeedItem[]>`
    SELECT t.id, t.type, t.description, t."createdAt", t."entityType", t."entityId",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS actor,
      CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS person,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS account
    FROM (${page}) page
    JOIN activities t ON t.id = page.id
    LEFT JOIN users u ON u.id = t."actorId"
    LEFT JOIN people p ON p.id = t."personId"
    LEFT JOIN target_accounts a ON a.id = t."accountId"
    ORDER BY t."createdAt" DESC, t.id DESC`;
}

/**
 * The ids of a rep's latest activities, by whichever way is cheap for them; which way is decided
 * inside the statement (one-time filters), so it stays one round trip. Measured at 5,000 and
 * 50,000 accounts (docs/PERFORMANCE.md, round 14):
 * - A rep with few records of their own (a new teammate, nothing assigned yet): from each of those
 *   records, its newest activities. Walking the event's activities found none and read all of
 *   them (236 ms at 200,000 activities).
 * - Otherwise, the event's newest RECENT_WINDOW activities, each checked by looking up its account
 *   and person (a few index probes per row). The rep's latest are there unless others did far
 *   more lately.
 * - If not, the whole event newest first against the rep's accounts and people hashed once (what
 *   every rep's feed did before: 22 ms at 5,000 accounts, 60–90 ms at 50,000, hashing a big
 *   owner's 1,800 accounts and 8,000 people).
 */
function myFeedPage(eventId: string, userId: string, pageSize: number): Prisma.Sql {
  // The numbers are written into the text: the statement is prepared once per connection
  // (server/db.ts), and a generic plan that reads `LIMIT $n` as "a tenth of the table" chose hash
  // joins over the whole event (31–36 ms at 50,000 accounts, against 3–4 with the numbers seen).
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new Error(`feed page size ${pageSize} is not a positive integer`);
  const limit = Prisma.raw(String(pageSize));
  const few = Prisma.raw(String(FEW_OWN_RECORDS));
  const window = Prisma.raw(String(RECENT_WINDOW));
  const order = Prisma.sql`ORDER BY t."createdAt" DESC, t.id DESC`;
  const upTo = (from: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM ${from} LIMIT ${few}) c)`;
  const many = Prisma.sql`(SELECT records FROM own) >= ${few}`;
  // The newest activities of each of the rep's accounts (or people).
  const newestOfEach = (table: "target_accounts" | "people", column: "accountId" | "personId") => Prisma.sql`
        (SELECT t.id, t."createdAt" FROM ${Prisma.raw(table)} mine
          CROSS JOIN LATERAL (SELECT t.id, t."createdAt" FROM activities t WHERE t.${Prisma.raw(`"${column}"`)} = mine.id AND t."eventId" = ${eventId} ${order} LIMIT ${limit}) t
          WHERE mine."assignedToId" = ${userId} AND mine."eventId" = ${eventId})`;
  return Prisma.sql`
    WITH own AS (SELECT
      ${upTo(Prisma.sql`target_accounts mine WHERE mine."assignedToId" = ${userId} AND mine."eventId" = ${eventId}`)}
      + ${upTo(Prisma.sql`people mine WHERE mine."assignedToId" = ${userId} AND mine."eventId" = ${eventId}`)}
      + ${upTo(Prisma.sql`activities t WHERE t."actorId" = ${userId} AND t."eventId" = ${eventId}`)} AS records),
    recent AS MATERIALIZED (
      SELECT t.id, t."createdAt" FROM (
        SELECT t.id, t."createdAt", t."actorId", t."accountId", t."personId" FROM activities t WHERE t."eventId" = ${eventId} ${order} LIMIT ${window}
      ) t
      WHERE ${many} AND (t."actorId" = ${userId}
        OR (SELECT mine."assignedToId" FROM target_accounts mine WHERE mine.id = t."accountId") = ${userId}
        OR (SELECT mine."assignedToId" FROM people mine WHERE mine.id = t."personId") = ${userId})
      ${order} LIMIT ${limit})
    (SELECT t.id, t."createdAt" FROM recent t WHERE (SELECT count(*) FROM recent) = ${limit})
    UNION ALL
    (SELECT t.id, t."createdAt" FROM activities t
      WHERE ${many} AND (SELECT count(*) FROM recent) < ${limit} AND t."eventId" = ${eventId} AND (t."actorId" = ${userId}
        OR EXISTS (SELECT 1 FROM target_accounts mine WHERE mine.id = t."accountId" AND mine."assignedToId" = ${userId})
        OR EXISTS (SELECT 1 FROM people mine WHERE mine.id = t."personId" AND mine."assignedToId" = ${userId}))
      ${order} LIMIT ${limit})
    UNION ALL
    (SELECT t.id, t."createdAt" FROM (
        (SELECT t.id, t."createdAt" FROM activities t WHERE t."actorId" = ${userId} AND t."eventId" = ${eventId} ${order} LIMIT ${limit})
        UNION ${newestOfEach("target_accounts", "accountId")}
        UNION ${newestOfEach("people", "personId")}
      ) t
      WHERE NOT ${many}
      ${order} LIMIT ${limit})`;
}

/**
 * The filter options: the activity types present in the event, with counts, from the rollup of
 * activities by type and actor (grouping the log itself took 489 ms at 2,000,000 activities).
 */
export async function listActivityTypes(eventId: string, db: DbTx = prisma) {
  return db.$queryRaw<{ type: string; count: number }[]>`
    SELECT r.type, sum(r.n)::int AS count FROM rollup_activities r WHERE r."eventId" = ${eventId}
    GROUP BY r.type HAVING sum(r.n) > 0 ORDER BY r.type`;
}
