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
 * The latest activity of the event; with `mineFor`, only what happened on that rep's accounts and
 * people (assigned to them) or was done by them — the dashboard's default for a rep.
 */
export async function listRecentFeed(eventId: string, limit = 12, db: DbTx = prisma, scope: { mineFor?: string } = {}): Promise<FeedItem[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`feed page size ${limit} is not a positive integer`);
  // One statement (the same rows and shape as `feedSelect`): through the query builder the three
  // names were three more round trips, and the dashboard waits for this beside its metrics.
  // The page of activities is taken first and only its rows are joined to their names: joined
  // before the LIMIT, the planner put a Memoize cache sized for every person and account of the
  // event in front of each lookup, and building those cost ~8 ms at 250,000 people for 12 rows.
  // A rep's page is rep_feed_ids (migration 20261207180000_rep_feed_walk): it walks the rep's
  // records by last activity and stops once no older record can make the page, so it costs the
  // same for a rep with 3 records or 100,000, however busy the rest of the team has been.
  const page = scope.mineFor
    ? Prisma.sql`SELECT f.id, f."createdAt" FROM rep_feed_ids(${eventId}, ${scope.mineFor}, ${limit}::int) f`
    : Prisma.sql`SELECT t.id, t."createdAt" FROM activities t WHERE t."eventId" = ${eventId} ORDER BY t."createdAt" DESC, t.id DESC LIMIT ${limit}`;
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
 * The filter options: the activity types present in the event, with counts, from the rollup of
 * activities by type and actor (grouping the log itself took 489 ms at 2,000,000 activities).
 */
export async function listActivityTypes(eventId: string, db: DbTx = prisma) {
  return db.$queryRaw<{ type: string; count: number }[]>`
    SELECT r.type, sum(r.n)::int AS count FROM rollup_activities r WHERE r."eventId" = ${eventId}
    GROUP BY r.type HAVING sum(r.n) > 0 ORDER BY r.type`;
}
