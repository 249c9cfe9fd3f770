-- ---------------------------------------------------------------------------------------------
-- Statements that join a trigger's old and new rows are planned on every call (docs/PERFORMANCE.md,
-- "Issue 17, round 24").
--
-- PL/pgSQL prepares a function's static statements once per connection and keeps the plan. A
-- transition table's size is part of the plan only when it is made: planned for a one-row edit,
-- the join of old_rows and new_rows on the id became a nested loop, and the same connection's next
-- import batch compared 1,000 × 1,000 rows (70–125 ms a statement; the xl seed's repair, 50,000 ×
-- 50,000, ran for minutes in round 23). Run through EXECUTE, such a statement is planned with the
-- tables' real sizes each time: a hash join for a batch, a trivial plan for one row. Statements
-- that read one transition table alone keep their cached plans.
--
-- The functions are otherwise unchanged. tests/integration/rollups-property.test.ts checks that
-- no trigger function joins the transition tables in a static statement again.
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION rollup_on_accounts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  reassigned text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_account_state AS s ("accountId", "eventId", tier, status, "assignedToId", live)
    SELECT r.id, r."eventId", r.tier::text, r.status::text, coalesce(r."assignedToId", ''), r."deletedAt" IS NULL
    FROM new_rows r JOIN events e ON e.id = r."eventId" ORDER BY r.id
    ON CONFLICT ("accountId") DO UPDATE SET "eventId" = excluded."eventId", tier = excluded.tier, status = excluded.status,
      "assignedToId" = excluded."assignedToId", live = excluded.live;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE rollup_account_state s
    SET "eventId" = n."eventId", tier = n.tier::text, status = n.status::text, "assignedToId" = coalesce(n."assignedToId", ''), live = n."deletedAt" IS NULL
    FROM new_rows n
    WHERE s."accountId" = n.id
      AND (s."eventId", s.tier, s.status, s."assignedToId", s.live) IS DISTINCT FROM (n."eventId", n.tier::text, n.status::text, coalesce(n."assignedToId", ''), n."deletedAt" IS NULL);
    -- A new assignee: what counts as the assignee's own outreach and meetings is recounted, for
    -- the reassigned accounts only (found first: counting for every row of a bulk edit and
    -- filtering after was how the planner read it, 60–95 ms for an import batch that reassigns none).
    EXECUTE $q$
      SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE o."assignedToId" IS DISTINCT FROM n."assignedToId"
    $q$ INTO reassigned;
    IF reassigned IS NOT NULL THEN
      UPDATE rollup_account_state s
      SET "sentOwn" = c.sent, "repliedOwn" = c.replied, "metOwn" = c.met
      FROM (
        SELECT a.id,
          (SELECT count(*) FROM outreach o WHERE o."accountId" = a.id AND o."ownerId" = a."assignedToId" AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT')::int AS sent,
          (SELECT count(*) FROM outreach o WHERE o."accountId" = a.id AND o."ownerId" = a."assignedToId" AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AND o."repliedAt" IS NOT NULL)::int AS replied,
          (SELECT count(*) FROM meeting m WHERE m."accountId" = a.id AND m."ownerId" = a."assignedToId" AND m.status <> 'CANCELLED')::int AS met
        FROM target_accounts a WHERE a.id = ANY (reassigned)
      ) c
      WHERE s."accountId" = c.id AND (s."sentOwn", s."repliedOwn", s."metOwn") IS DISTINCT FROM (c.sent, c.replied, c.met);
    END IF;
  ELSE
    -- Purged: out of the counts. The state row stays: the messages and meetings detached from the
    -- account right after (ON DELETE SET NULL) still need the tier they were counted under.
    UPDATE rollup_account_state s SET live = false FROM old_rows o WHERE s."accountId" = o.id AND s.live;
  END IF;
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION rollup_on_account_tier()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  EXECUTE $q$
  UPDATE people p SET "accountTier" = n.tier
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE p."accountId" = n.id AND o.tier IS DISTINCT FROM n.tier AND p."accountTier" IS DISTINCT FROM n.tier
  $q$;
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION rollup_on_outreach_last_touched()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  person_ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- New messages can only move a touch forward: from the statement's rows alone, no lookup.
    UPDATE people r SET "lastTouchedAt" = n.at
      FROM (SELECT n."personId" AS id, max(n."sentAt") AS at FROM new_rows n WHERE n."sentAt" IS NOT NULL GROUP BY 1) n
     WHERE r.id = n.id AND (r."lastTouchedAt" IS NULL OR r."lastTouchedAt" < n.at);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."personId") INTO person_ids FROM old_rows o WHERE o."sentAt" IS NOT NULL;
  ELSE
    EXECUTE $q$
    SELECT array_agg(DISTINCT v.person)
      FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."personId"), (n."personId")) v(person)
     WHERE o."sentAt" IS DISTINCT FROM n."sentAt" OR o."personId" IS DISTINCT FROM n."personId"
    $q$ INTO person_ids;
  END IF;
  PERFORM rollup_recompute_last_touched(coalesce(person_ids, '{}'));
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION rollup_on_meeting_last_touched()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  person_ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE people r SET "lastTouchedAt" = n.at
      FROM (SELECT n."personId" AS id, max(n."createdAt") AS at FROM new_rows n WHERE n.status <> 'CANCELLED' GROUP BY 1) n
     WHERE r.id = n.id AND (r."lastTouchedAt" IS NULL OR r."lastTouchedAt" < n.at);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."personId") INTO person_ids FROM old_rows o WHERE o.status <> 'CANCELLED';
  ELSE
    EXECUTE $q$
    SELECT array_agg(DISTINCT v.person)
      FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."personId"), (n."personId")) v(person)
     WHERE o.status IS DISTINCT FROM n.status OR o."createdAt" IS DISTINCT FROM n."createdAt" OR o."personId" IS DISTINCT FROM n."personId"
    $q$ INTO person_ids;
  END IF;
  PERFORM rollup_recompute_last_touched(coalesce(person_ids, '{}'));
  RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION rollup_on_account_state()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_accounts AS t ("eventId", tier, status, "assignedToId", "stageAll", "stageOwn", n)
    SELECT c."eventId", c.tier, c.status, c."assignedToId",
      rollup_stage(c.status, c."sentAll", c."repliedAll", c."metAll"), rollup_stage(c.status, c."sentOwn", c."repliedOwn", c."metOwn"), sum(c.sign)
    FROM (%s) c WHERE c.live
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("eventId", tier, status, "assignedToId", "stageAll", "stageOwn") DO UPDATE SET n = t.n + excluded.n
  $q$, rollup_changes(TG_OP));
  IF TG_OP = 'UPDATE' THEN
    EXECUTE $q$
    WITH moved AS (
      SELECT n."accountId", o.tier AS old_tier, n.tier AS new_tier
      FROM new_rows n JOIN old_rows o ON o."accountId" = n."accountId" WHERE o.tier <> n.tier
    ), sides AS (
      SELECT m."accountId", x.tier, x.sign FROM moved m CROSS JOIN LATERAL (VALUES (m.old_tier, -1), (m.new_tier, 1)) x(tier, sign)
    ), people_moved AS (
      INSERT INTO rollup_people AS t ("eventId", tier, "assignedToId", n)
      SELECT p."eventId", s.tier, coalesce(p."assignedToId", ''), sum(s.sign)
      FROM sides s JOIN people p ON p."accountId" = s."accountId" AND p."deletedAt" IS NULL
      GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("eventId", tier, "assignedToId") DO UPDATE SET n = t.n + excluded.n
      RETURNING 1
    ), meetings_moved AS (
      INSERT INTO rollup_meetings AS t ("eventId", "ownerId", tier, status, n)
      SELECT m."eventId", coalesce(m."ownerId", ''), s.tier, m.status::text, sum(s.sign)
      FROM sides s JOIN meeting m ON m."accountId" = s."accountId"
      GROUP BY 1, 2, 3, 4 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT ("eventId", "ownerId", tier, status) DO UPDATE SET n = t.n + excluded.n
      RETURNING 1
    )
    INSERT INTO rollup_outreach AS t ("eventId", "ownerId", tier, n, drafts, sent, opened, clicked, replied, bounced)
    SELECT o."eventId", coalesce(o."ownerId", ''), s.tier, sum(s.sign),
      sum(s.sign * (o.status = 'DRAFT')::int),
      sum(s.sign * x.sent::int),
      sum(s.sign * (x.sent AND (o."openedAt" IS NOT NULL OR o."clickedAt" IS NOT NULL OR o."repliedAt" IS NOT NULL))::int),
      sum(s.sign * (x.sent AND o."clickedAt" IS NOT NULL)::int),
      sum(s.sign * (x.sent AND o."repliedAt" IS NOT NULL)::int),
      sum(s.sign * (x.sent AND o."bouncedAt" IS NOT NULL)::int)
    FROM sides s JOIN outreach o ON o."accountId" = s."accountId"
    CROSS JOIN LATERAL (SELECT o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AS sent) x
    GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", "ownerId", tier) DO UPDATE SET n = t.n + excluded.n, drafts = t.drafts + excluded.drafts, sent = t.sent + excluded.sent,
      opened = t.opened + excluded.opened, clicked = t.clicked + excluded.clicked, replied = t.replied + excluded.replied, bounced = t.bounced + excluded.bounced
    $q$;
  END IF;
  RETURN NULL;
END
$function$;

