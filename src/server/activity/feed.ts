import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import type { PaginatedResponse } from "@/types/api";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields, readPage } from "@/server/http/pagination";

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
    (window) => db.activity.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window, select: feedSelect }),
    () => db.activity.count({ where }),
  );
}

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
  const mine = scope.mineFor
    ? Prisma.sql` AND (t."actorId" = ${scope.mineFor}
        OR EXISTS (SELECT 1 FROM target_accounts mine WHERE mine.id = t."accountId" AND mine."assignedToId" = ${scope.mineFor})
        OR EXISTS (SELECT 1 FROM people mine WHERE mine.id = t."personId" AND mine."assignedToId" = ${scope.mineFor}))`
    : Prisma.empty;
  return db.$queryRaw<FeedItem[]>`
    SELECT t.id, t.type, t.description, t."createdAt", t."entityType", t."entityId",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS actor,
      CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS person,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS account
    FROM (
      SELECT t.* FROM activities t
      WHERE t."eventId" = ${eventId} ${mine}
      ORDER BY t."createdAt" DESC, t.id DESC
      LIMIT ${limit}
    ) t
    LEFT JOIN users u ON u.id = t."actorId"
    LEFT JOIN people p ON p.id = t."personId"
    LEFT JOIN target_accounts a ON a.id = t."accountId"
    ORDER BY t."createdAt" DESC, t.id DESC`;
}

/** The filter options: the activity types present in the event, with counts. */
export async function listActivityTypes(eventId: string, db: DbTx = prisma) {
  const rows = await db.activity.groupBy({ by: ["type"], where: { eventId }, _count: { _all: true }, orderBy: { type: "asc" } });
  return rows.map((r) => ({ type: r.type, count: r._count._all }));
}
