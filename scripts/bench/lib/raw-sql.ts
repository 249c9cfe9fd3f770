/**
 * Raw-SQL baselines: the best hand-written SQL for the same result the services return, run
 * through `pg` with no ORM. Details are one round trip (json subqueries); lists run the page and
 * the count in parallel, as a hand-written endpoint would. The services are measured against
 * these, so when a service is more than 2× slower we know the cost is ours, not the database's.
 *
 * "The same result" is checked, not assumed: the services case runs each pair once per input
 * before timing and compares the ids they return, in order (sameIds in cases/services.ts); a
 * baseline that lost track of its service (the lists' engagement columns, the soft-delete
 * filters) fails the run instead of flattering or shaming the service.
 */
import type pg from "pg";

const json = (sql: string) => `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x)`;

/**
 * The lists' per-row engagement (src/server/lists/engagement.ts): contacted, replied, has a
 * meeting, last touched. Written out by hand for the rows of one page only, as the services do.
 */
const engagement = (alias: string, column: "accountId" | "personId") => `
  EXISTS (SELECT 1 FROM outreach eo WHERE eo."${column}" = ${alias}.id AND eo."sentAt" IS NOT NULL) AS contacted,
  EXISTS (SELECT 1 FROM outreach eo WHERE eo."${column}" = ${alias}.id AND eo."repliedAt" IS NOT NULL) AS replied,
  EXISTS (SELECT 1 FROM meeting em WHERE em."${column}" = ${alias}.id AND em.status <> 'CANCELLED') AS "hasMeeting",
  GREATEST((SELECT max(eo."sentAt") FROM outreach eo WHERE eo."${column}" = ${alias}.id),
    (SELECT max(em."createdAt") FROM meeting em WHERE em."${column}" = ${alias}.id AND em.status <> 'CANCELLED')) AS "lastTouchedAt"`;

/** A list as a hand-written endpoint reads it: the page ($1 event, $2 limit, $3 offset) and the total ($1), in parallel. */
async function pageAndTotal(pool: pg.Pool, list: { eventId: string; page: number; pageSize: number }, pageSql: string, countSql: string) {
  const [rows, count] = await Promise.all([
    pool.query(pageSql, [list.eventId, list.pageSize, (list.page - 1) * list.pageSize]),
    pool.query(countSql, [list.eventId]),
  ]);
  return { items: rows.rows as { id: string }[], total: count.rows[0].n as number };
}

export const RAW = {
  /** Tier A+B, prospecting or engaged, by ICP score: the page (with people count and engagement) and the total. */
  async accountsList(pool: pg.Pool, eventId: string, page: number, pageSize: number) {
    const where = `a."eventId" = $1 AND a."deletedAt" IS NULL AND a.tier IN ('A', 'B') AND a.status IN ('PROSPECTING', 'ENGAGED')`;
    return pageAndTotal(
      pool,
      { eventId, page, pageSize },
      `SELECT a.id, a.name, a.domain, a.industry, a.headquarters, a."employeeCount", a.revenue::float8 AS revenue, a."facilityCount",
           a.tier, a.status, a."icpScore", a."lastActivityAt", a."createdAt",
           u.id AS "assignedId", u.name AS "assignedName", u.email AS "assignedEmail",
           (SELECT count(*)::int FROM people p WHERE p."accountId" = a.id AND p."deletedAt" IS NULL) AS "peopleCount",
           ${engagement("a", "accountId")}
         FROM (SELECT a.* FROM target_accounts a WHERE ${where} ORDER BY a."icpScore" DESC NULLS LAST, a.id LIMIT $2 OFFSET $3) a
         LEFT JOIN users u ON u.id = a."assignedToId"
         ORDER BY a."icpScore" DESC NULLS LAST, a.id`,
      `SELECT count(*)::int AS n FROM target_accounts a WHERE ${where}`,
    );
  },

  async accountDetail(pool: pg.Pool, id: string) {
    const { rows } = await pool.query(
      `SELECT to_json(a) AS account,
         (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = a."assignedToId") AS "assignedTo",
         (SELECT json_build_object('id', e.id, 'name', e.name, 'timeZone', e."timeZone") FROM events e WHERE e.id = a."eventId") AS event,
         (SELECT to_json(d) FROM company_dossiers d WHERE d."accountId" = a.id) AS dossier,
         ${json(`SELECT p.id, p.name, p.title, p.email, p."icpScore", p."isExecOps", p."isOps", p."isProc", p."isSales", p."isTech", p."isNonOps", p."lastActivityAt"
                 FROM people p WHERE p."accountId" = a.id AND p."deletedAt" IS NULL ORDER BY p."icpScore" DESC NULLS LAST, p.name`)} AS people,
         ${json(`SELECT o.id, o.subject, o.channel, o.status, o."sentAt", o."openedAt", o."repliedAt", o."createdAt", json_build_object('id', p.id, 'name', p.name) AS person
                 FROM outreach o JOIN people p ON p.id = o."personId" WHERE o."accountId" = a.id
                 ORDER BY o."sentAt" DESC NULLS FIRST, o."createdAt" DESC LIMIT 50`)} AS outreach,
         ${json(`SELECT m.id, m.title, m."scheduledAt", m.status, m."locationType", m.location, json_build_object('id', p.id, 'name', p.name) AS person,
                   json_build_object('name', u.name, 'email', u.email) AS owner
                 FROM meeting m LEFT JOIN people p ON p.id = m."personId" LEFT JOIN users u ON u.id = m."ownerId"
                 WHERE m."accountId" = a.id ORDER BY m."scheduledAt" DESC LIMIT 50`)} AS meetings,
         ${json(`SELECT t.id, t.type, t.description, t."createdAt", t.metadata->>'replyText' AS "replyText", json_build_object('name', u.name, 'email', u.email) AS actor
                 FROM activities t LEFT JOIN users u ON u.id = t."actorId" WHERE t."accountId" = a.id ORDER BY t."createdAt" DESC LIMIT 50`)} AS activities,
         ${json(`SELECT i.* FROM insights i WHERE i."accountId" = a.id AND i."personId" IS NULL ORDER BY i."createdAt" DESC LIMIT 20`)} AS insights
       FROM target_accounts a WHERE a.id = $1`,
      [id],
    );
    return rows[0];
  },

  /** Everyone in the event by ICP score: the page (with account, owner and engagement) and the total. */
  async peopleList(pool: pg.Pool, eventId: string, page: number, pageSize: number) {
    const where = `p."eventId" = $1 AND p."deletedAt" IS NULL AND p."erasedAt" IS NULL`;
    return pageAndTotal(
      pool,
      { eventId, page, pageSize },
      `SELECT p.id, p.name, p.title, p.email, p."icpScore", p."isExecOps", p."isOps", p."isProc", p."isSales", p."isTech", p."isNonOps", p."lastActivityAt",
           a.id AS "accountId", a.name AS "accountName", a.tier AS "accountTier",
           u.id AS "assignedId", u.name AS "assignedName", u.email AS "assignedEmail",
           ${engagement("p", "personId")}
         FROM (SELECT p.* FROM people p WHERE ${where} ORDER BY p."icpScore" DESC NULLS LAST, p.id LIMIT $2 OFFSET $3) p
         LEFT JOIN target_accounts a ON a.id = p."accountId" LEFT JOIN users u ON u.id = p."assignedToId"
         ORDER BY p."icpScore" DESC NULLS LAST, p.id`,
      `SELECT count(*)::int AS n FROM people p WHERE ${where}`,
    );
  },

  async personDetail(pool: pg.Pool, id: string) {
    const { rows } = await pool.query(
      `SELECT to_json(p) AS person,
         (SELECT to_json(a) FROM target_accounts a WHERE a.id = p."accountId") AS account,
         (SELECT to_json(d) FROM company_dossiers d WHERE d."accountId" = p."accountId") AS dossier,
         (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = p."assignedToId") AS "assignedTo",
         ${json(`SELECT i.* FROM insights i WHERE i."personId" = p.id ORDER BY i.confidence DESC NULLS LAST, i."createdAt" DESC LIMIT 20`)} AS insights,
         ${json(`SELECT o.id, o.subject, o.channel, o.status, o."sentAt", o."openedAt", o."repliedAt", o."clickedAt", o."openCount", o."createdAt"
                 FROM outreach o WHERE o."personId" = p.id ORDER BY o."sentAt" DESC NULLS FIRST, o."createdAt" DESC LIMIT 50`)} AS outreach,
         ${json(`SELECT m.id, m.title, m."scheduledAt", m."durationMinutes", m.status, m."locationType", m.location, m.outcome, m."nextStep",
                   json_build_object('name', u.name, 'email', u.email) AS owner
                 FROM meeting m LEFT JOIN users u ON u.id = m."ownerId" WHERE m."personId" = p.id ORDER BY m."scheduledAt" DESC`)} AS meetings,
         ${json(`SELECT e.id, e.status, e."currentStep", e."nextStepAt", e."enrolledAt",
                   json_build_object('id', s.id, 'name', s.name, 'steps', (SELECT count(*) FROM sequence_steps st WHERE st."sequenceId" = s.id)) AS sequence
                 FROM sequence_enrollments e JOIN sequences s ON s.id = e."sequenceId" WHERE e."personId" = p.id ORDER BY e."enrolledAt" DESC`)} AS enrollments,
         ${json(`SELECT t.id, t.type, t.description, t."createdAt", t.metadata->>'replyText' AS "replyText", json_build_object('name', u.name, 'email', u.email) AS actor
                 FROM activities t LEFT JOIN users u ON u.id = t."actorId" WHERE t."personId" = p.id ORDER BY t."createdAt" DESC LIMIT 50`)} AS activities,
         ${json(`SELECT c.id, c.name, c.title, c."icpScore" FROM people c WHERE c."accountId" = p."accountId" AND c.id <> p.id AND c."deletedAt" IS NULL
                 ORDER BY c."icpScore" DESC NULLS LAST LIMIT 6`)} AS colleagues,
         (SELECT e."timeZone" FROM events e WHERE e.id = p."eventId") AS "eventTimeZone"
       FROM people p WHERE p.id = $1`,
      [id],
    );
    return rows[0];
  },

  /** The metrics from the per-event rollups (as the service reads them) and the recent feed. */
  async dashboardStats(pool: pg.Pool, eventId: string) {
    return Promise.all([
      pool.query(
        `SELECT
           (SELECT json_agg(x) FROM (SELECT tier, status, "stageAll" AS stage, sum(n)::int AS n FROM rollup_accounts
              WHERE "eventId" = $1 GROUP BY 1, 2, 3 HAVING sum(n) <> 0) x) AS accounts,
           (SELECT coalesce(sum(n), 0)::int FROM rollup_people WHERE "eventId" = $1) AS people,
           (SELECT json_agg(x) FROM (SELECT nullif(r."ownerId", '') AS "ownerId", u.name, u.email, sum(sent)::int AS sent, sum(drafts)::int AS drafts,
              sum(opened)::int AS opened, sum(clicked)::int AS clicked, sum(replied)::int AS replied, sum(bounced)::int AS bounced
              FROM rollup_outreach r LEFT JOIN users u ON u.id = r."ownerId" WHERE r."eventId" = $1 GROUP BY 1, 2, 3 HAVING sum(r.n) > 0) x) AS owners,
           (SELECT json_agg(x) FROM (SELECT nullif(r."ownerId", '') AS "ownerId", u.name, u.email, r.status, sum(r.n)::int AS n
              FROM rollup_meetings r LEFT JOIN users u ON u.id = r."ownerId" WHERE r."eventId" = $1 GROUP BY 1, 2, 3, 4 HAVING sum(r.n) > 0) x) AS meetings`,
        [eventId],
      ),
      pool.query(
        `SELECT t.id, t.type, t.description, t."createdAt", t."entityType", t."entityId",
           json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS actor,
           json_build_object('id', p.id, 'name', p.name) AS person, json_build_object('id', a.id, 'name', a.name) AS account
         FROM (SELECT * FROM activities WHERE "eventId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 12) t
           LEFT JOIN users u ON u.id = t."actorId" LEFT JOIN people p ON p.id = t."personId" LEFT JOIN target_accounts a ON a.id = t."accountId"
         ORDER BY t."createdAt" DESC, t.id DESC`,
        [eventId],
      ),
    ]);
  },
};
