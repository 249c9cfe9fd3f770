-- CreateTable
CREATE TABLE "rollup_account_state" (
    "accountId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assignedToId" TEXT NOT NULL,
    "live" BOOLEAN NOT NULL,
    "sentAll" INTEGER NOT NULL DEFAULT 0,
    "repliedAll" INTEGER NOT NULL DEFAULT 0,
    "metAll" INTEGER NOT NULL DEFAULT 0,
    "sentOwn" INTEGER NOT NULL DEFAULT 0,
    "repliedOwn" INTEGER NOT NULL DEFAULT 0,
    "metOwn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_account_state_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "rollup_accounts" (
    "eventId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assignedToId" TEXT NOT NULL,
    "stageAll" INTEGER NOT NULL,
    "stageOwn" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_accounts_pkey" PRIMARY KEY ("eventId","tier","status","assignedToId","stageAll","stageOwn")
);

-- CreateTable
CREATE TABLE "rollup_people" (
    "eventId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "assignedToId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_people_pkey" PRIMARY KEY ("eventId","tier","assignedToId")
);

-- CreateTable
CREATE TABLE "rollup_outreach" (
    "eventId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "drafts" INTEGER NOT NULL,
    "sent" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL,
    "clicked" INTEGER NOT NULL,
    "replied" INTEGER NOT NULL,
    "bounced" INTEGER NOT NULL,

    CONSTRAINT "rollup_outreach_pkey" PRIMARY KEY ("eventId","ownerId","tier")
);

-- CreateTable
CREATE TABLE "rollup_meetings" (
    "eventId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_meetings_pkey" PRIMARY KEY ("eventId","ownerId","tier","status")
);

-- CreateTable
CREATE TABLE "rollup_heatmap_cells" (
    "eventId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_heatmap_cells_pkey" PRIMARY KEY ("eventId","weekday","hour","kind")
);

-- CreateTable
CREATE TABLE "rollup_heatmap_accounts" (
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_heatmap_accounts_pkey" PRIMARY KEY ("eventId","accountId")
);

-- CreateTable
CREATE TABLE "rollup_heatmap_account_weeks" (
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_heatmap_account_weeks_pkey" PRIMARY KEY ("eventId","accountId","week")
);

-- CreateIndex
CREATE INDEX "rollup_account_state_eventId_idx" ON "rollup_account_state"("eventId");

-- CreateIndex
CREATE INDEX "rollup_heatmap_accounts_eventId_n_accountId_idx" ON "rollup_heatmap_accounts"("eventId", "n" DESC, "accountId");

-- ---------------------------------------------------------------------------------------------
-- Per-event rollups, kept by triggers (docs/PERFORMANCE.md "Rollups").
--
-- Why triggers: every writer of these tables — API routes, server actions, the job-engine worker,
-- imports, webhooks, tracking, scripts, the seed, the benchmark's bulk inserts, psql — changes the
-- rollups in the same transaction as its own write, and no service has to remember to. They are
-- statement-level with transition tables: one INSERT of 5,000 messages applies its deltas in a
-- handful of grouped upserts, not 5,000 row triggers. Each trigger turns the statement's old rows
-- into -1 and its new rows into +1, groups them by the rollup's key and adds the non-zero sums
-- (an UPDATE that changes nothing counted writes nothing).
--
-- The tier an outreach, meeting or person is counted under is its account's, read from
-- rollup_account_state (not target_accounts), so it is always the tier the rollups used, even
-- while a purged account's messages are being detached. Known gap: a tier change committed while
-- another transaction writes a message, meeting or person of the same account can count that row
-- under the old tier (repair: rollup_rebuild_event). Locking the state rows first closed it but
-- made services that write from two connections at once wait on themselves.
-- ---------------------------------------------------------------------------------------------

-- Furthest funnel stage: 0 targeted, 1 contacted, 2 replied, 3 meeting booked, 4 won (dashboard/stats.ts).
CREATE FUNCTION rollup_stage(status text, sent int, replied int, met int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status = 'WON' THEN 4 WHEN met > 0 THEN 3 WHEN replied > 0 THEN 2 WHEN sent > 0 THEN 1 ELSE 0 END
$$;

-- The statement's rows with their sign: old rows count -1, new rows +1.
CREATE FUNCTION rollup_changes(op text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, r.* FROM new_rows r'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, r.* FROM old_rows r'
    ELSE 'SELECT -1 AS sign, r.* FROM old_rows r UNION ALL SELECT 1 AS sign, r.* FROM new_rows r'
  END
$$;

-- Upserts of engagement (human opens, clicks, replies) into the three heatmap rollups. `source`
-- yields (sign, "eventId", "accountId", t = local timestamp in the event's zone, kind).
CREATE FUNCTION rollup_engagement_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH r AS (%s),
    cells AS (
      INSERT INTO rollup_heatmap_cells AS t ("eventId", weekday, hour, kind, n)
      SELECT r."eventId", extract(isodow FROM r.t)::int - 1, extract(hour FROM r.t)::int, r.kind, sum(r.sign)
      FROM r GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT ("eventId", weekday, hour, kind) DO UPDATE SET n = t.n + excluded.n
      RETURNING 1
    ), accounts AS (
      INSERT INTO rollup_heatmap_accounts AS t ("eventId", "accountId", n)
      SELECT r."eventId", r."accountId", sum(r.sign)
      FROM r WHERE r."accountId" IS NOT NULL GROUP BY 1, 2 HAVING sum(r.sign) <> 0 ORDER BY 1, 2
      ON CONFLICT ("eventId", "accountId") DO UPDATE SET n = t.n + excluded.n
      RETURNING 1
    )
    INSERT INTO rollup_heatmap_account_weeks AS t ("eventId", "accountId", week, n)
    SELECT r."eventId", r."accountId", date_trunc('week', r.t)::date, sum(r.sign)
    FROM r WHERE r."accountId" IS NOT NULL GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", "accountId", week) DO UPDATE SET n = t.n + excluded.n
  $q$, source)
$$;

-- target_accounts → rollup_account_state (whose own trigger moves the counts).
CREATE FUNCTION rollup_on_accounts() RETURNS trigger
LANGUAGE plpgsql AS $fn$
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
    -- A new assignee: what counts as the assignee's own outreach and meetings is recounted.
    UPDATE rollup_account_state s
    SET "sentOwn" = c.sent, "repliedOwn" = c.replied, "metOwn" = c.met
    FROM (
      SELECT n.id,
        (SELECT count(*) FROM outreach o WHERE o."accountId" = n.id AND o."ownerId" = n."assignedToId" AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT')::int AS sent,
        (SELECT count(*) FROM outreach o WHERE o."accountId" = n.id AND o."ownerId" = n."assignedToId" AND o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AND o."repliedAt" IS NOT NULL)::int AS replied,
        (SELECT count(*) FROM meeting m WHERE m."accountId" = n.id AND m."ownerId" = n."assignedToId" AND m.status <> 'CANCELLED')::int AS met
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE o."assignedToId" IS DISTINCT FROM n."assignedToId"
    ) c
    WHERE s."accountId" = c.id AND (s."sentOwn", s."repliedOwn", s."metOwn") IS DISTINCT FROM (c.sent, c.replied, c.met);
  ELSE
    -- Purged: out of the counts. The state row stays: the messages and meetings detached from the
    -- account right after (ON DELETE SET NULL) still need the tier they were counted under.
    UPDATE rollup_account_state s SET live = false FROM old_rows o WHERE s."accountId" = o.id AND s.live;
  END IF;
  RETURN NULL;
END
$fn$;


-- rollup_account_state → rollup_accounts (live accounts by key and stage); a tier change moves the
-- account's people, messages and meetings to the new tier.
CREATE FUNCTION rollup_on_account_state() RETURNS trigger
LANGUAGE plpgsql AS $fn$
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
      opened = t.opened + excluded.opened, clicked = t.clicked + excluded.clicked, replied = t.replied + excluded.replied, bounced = t.bounced + excluded.bounced;
  END IF;
  RETURN NULL;
END
$fn$;


-- people → rollup_people (live people by their account's tier and their assignee).
CREATE FUNCTION rollup_on_people() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  source text := rollup_changes(TG_OP);
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_people AS t ("eventId", tier, "assignedToId", n)
    SELECT c."eventId", coalesce(s.tier, ''), coalesce(c."assignedToId", ''), sum(c.sign)
    FROM (%s) c JOIN events e ON e.id = c."eventId" LEFT JOIN rollup_account_state s ON s."accountId" = c."accountId"
    WHERE c."deletedAt" IS NULL
    GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", tier, "assignedToId") DO UPDATE SET n = t.n + excluded.n
  $q$, source);
  RETURN NULL;
END
$fn$;


-- outreach → account counters, rollup_outreach, and replies into the heatmap.
CREATE FUNCTION rollup_on_outreach() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  source text := rollup_changes(TG_OP);
BEGIN
  EXECUTE format($q$
    WITH c AS (%s), d AS (
      SELECT c."accountId", c."ownerId",
        sum(c.sign * (c."sentAt" IS NOT NULL AND c.status <> 'DRAFT')::int) AS sent,
        sum(c.sign * (c."sentAt" IS NOT NULL AND c.status <> 'DRAFT' AND c."repliedAt" IS NOT NULL)::int) AS replied
      FROM c WHERE c."accountId" IS NOT NULL
      GROUP BY 1, 2 HAVING (sum(c.sign * (c."sentAt" IS NOT NULL AND c.status <> 'DRAFT')::int), sum(c.sign * (c."sentAt" IS NOT NULL AND c.status <> 'DRAFT' AND c."repliedAt" IS NOT NULL)::int)) <> (0, 0)
    )
    UPDATE rollup_account_state s
    SET "sentAll" = s."sentAll" + a.sent, "repliedAll" = s."repliedAll" + a.replied, "sentOwn" = s."sentOwn" + a.sent_own, "repliedOwn" = s."repliedOwn" + a.replied_own
    FROM (
      SELECT d."accountId", sum(d.sent)::int AS sent, sum(d.replied)::int AS replied,
        coalesce(sum(d.sent) FILTER (WHERE d."ownerId" = st."assignedToId"), 0)::int AS sent_own,
        coalesce(sum(d.replied) FILTER (WHERE d."ownerId" = st."assignedToId"), 0)::int AS replied_own
      FROM d JOIN rollup_account_state st ON st."accountId" = d."accountId" GROUP BY 1
    ) a
    WHERE s."accountId" = a."accountId"
  $q$, source);
  EXECUTE format($q$
    INSERT INTO rollup_outreach AS t ("eventId", "ownerId", tier, n, drafts, sent, opened, clicked, replied, bounced)
    SELECT c."eventId", coalesce(c."ownerId", ''), coalesce(s.tier, ''), sum(c.sign),
      sum(c.sign * (c.status = 'DRAFT')::int),
      sum(c.sign * x.sent::int),
      sum(c.sign * (x.sent AND (c."openedAt" IS NOT NULL OR c."clickedAt" IS NOT NULL OR c."repliedAt" IS NOT NULL))::int),
      sum(c.sign * (x.sent AND c."clickedAt" IS NOT NULL)::int),
      sum(c.sign * (x.sent AND c."repliedAt" IS NOT NULL)::int),
      sum(c.sign * (x.sent AND c."bouncedAt" IS NOT NULL)::int)
    FROM (%s) c JOIN events e ON e.id = c."eventId" LEFT JOIN rollup_account_state s ON s."accountId" = c."accountId"
    CROSS JOIN LATERAL (SELECT c."sentAt" IS NOT NULL AND c.status <> 'DRAFT' AS sent) x
    GROUP BY 1, 2, 3
    HAVING (sum(c.sign), sum(c.sign * (c.status = 'DRAFT')::int), sum(c.sign * x.sent::int),
      sum(c.sign * (x.sent AND (c."openedAt" IS NOT NULL OR c."clickedAt" IS NOT NULL OR c."repliedAt" IS NOT NULL))::int),
      sum(c.sign * (x.sent AND c."clickedAt" IS NOT NULL)::int), sum(c.sign * (x.sent AND c."repliedAt" IS NOT NULL)::int),
      sum(c.sign * (x.sent AND c."bouncedAt" IS NOT NULL)::int)) <> (0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", "ownerId", tier) DO UPDATE SET n = t.n + excluded.n, drafts = t.drafts + excluded.drafts, sent = t.sent + excluded.sent,
      opened = t.opened + excluded.opened, clicked = t.clicked + excluded.clicked, replied = t.replied + excluded.replied, bounced = t.bounced + excluded.bounced
  $q$, source);
  EXECUTE rollup_engagement_sql(format($q$
    SELECT c.sign, c."eventId", c."accountId", (c."repliedAt" AT TIME ZONE 'UTC') AT TIME ZONE e."timeZone" AS t, 'replies' AS kind
    FROM (%s) c JOIN events e ON e.id = c."eventId" WHERE c."repliedAt" IS NOT NULL
  $q$, source));
  RETURN NULL;
END
$fn$;


-- meeting → account counters and rollup_meetings.
CREATE FUNCTION rollup_on_meetings() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  source text := rollup_changes(TG_OP);
BEGIN
  EXECUTE format($q$
    WITH c AS (%s), d AS (
      SELECT c."accountId", c."ownerId", sum(c.sign * (c.status <> 'CANCELLED')::int) AS met
      FROM c WHERE c."accountId" IS NOT NULL
      GROUP BY 1, 2 HAVING sum(c.sign * (c.status <> 'CANCELLED')::int) <> 0
    )
    UPDATE rollup_account_state s
    SET "metAll" = s."metAll" + a.met, "metOwn" = s."metOwn" + a.met_own
    FROM (
      SELECT d."accountId", sum(d.met)::int AS met, coalesce(sum(d.met) FILTER (WHERE d."ownerId" = st."assignedToId"), 0)::int AS met_own
      FROM d JOIN rollup_account_state st ON st."accountId" = d."accountId" GROUP BY 1
    ) a
    WHERE s."accountId" = a."accountId"
  $q$, source);
  EXECUTE format($q$
    INSERT INTO rollup_meetings AS t ("eventId", "ownerId", tier, status, n)
    SELECT c."eventId", coalesce(c."ownerId", ''), coalesce(s.tier, ''), c.status::text, sum(c.sign)
    FROM (%s) c JOIN events e ON e.id = c."eventId" LEFT JOIN rollup_account_state s ON s."accountId" = c."accountId"
    GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("eventId", "ownerId", tier, status) DO UPDATE SET n = t.n + excluded.n
  $q$, source);
  RETURN NULL;
END
$fn$;


-- email_events → human opens and clicks into the heatmap (machine opens and other types never count).
CREATE FUNCTION rollup_on_email_events() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE rollup_engagement_sql(format($q$
    SELECT c.sign, c."eventId", c."accountId", (c."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE e."timeZone" AS t,
      CASE c.type WHEN 'open' THEN 'opens' ELSE 'clicks' END AS kind
    FROM (%s) c JOIN events e ON e.id = c."eventId" WHERE NOT c."isMachine" AND c.type IN ('open', 'click')
  $q$, rollup_changes(TG_OP)));
  RETURN NULL;
END
$fn$;


-- Each table's three statement triggers (transition tables allow one event per trigger).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('rollup_accounts', 'target_accounts', 'rollup_on_accounts'),
    ('rollup_account_state', 'rollup_account_state', 'rollup_on_account_state'),
    ('rollup_people', 'people', 'rollup_on_people'),
    ('rollup_outreach', 'outreach', 'rollup_on_outreach'),
    ('rollup_meetings', 'meeting', 'rollup_on_meetings'),
    ('rollup_email_events', 'email_events', 'rollup_on_email_events')
  ) AS x(name, tbl, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_insert', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_update', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_delete', t.tbl, t.fn);
  END LOOP;
END
$$;

-- Rebuilds the heatmap rollups of one event from its rows (its time zone changed, or the backfill).
CREATE FUNCTION rollup_rebuild_heatmap(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_heatmap_cells WHERE "eventId" = event_id;
  DELETE FROM rollup_heatmap_accounts WHERE "eventId" = event_id;
  DELETE FROM rollup_heatmap_account_weeks WHERE "eventId" = event_id;
  EXECUTE rollup_engagement_sql(format($q$
    SELECT 1 AS sign, x."eventId", x."accountId", (x.at AT TIME ZONE 'UTC') AT TIME ZONE e."timeZone" AS t, x.kind
    FROM (
      SELECT ee."eventId", ee."accountId", ee."occurredAt" AS at, CASE ee.type WHEN 'open' THEN 'opens' ELSE 'clicks' END AS kind
      FROM email_events ee WHERE ee."eventId" = %1$L AND NOT ee."isMachine" AND ee.type IN ('open', 'click')
      UNION ALL
      SELECT o."eventId", o."accountId", o."repliedAt", 'replies' FROM outreach o WHERE o."eventId" = %1$L AND o."repliedAt" IS NOT NULL
    ) x JOIN events e ON e.id = x."eventId"
  $q$, event_id));
END
$fn$;

-- Rebuilds every rollup of one event from its rows: the backfill below, and a repair tool
-- (SELECT rollup_rebuild_event(id) FROM events) should rows ever be changed with triggers off.
CREATE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_account_state WHERE "eventId" = event_id;
  DELETE FROM rollup_accounts WHERE "eventId" = event_id;
  DELETE FROM rollup_people WHERE "eventId" = event_id;
  DELETE FROM rollup_outreach WHERE "eventId" = event_id;
  DELETE FROM rollup_meetings WHERE "eventId" = event_id;
  -- The state's insert trigger fills rollup_accounts.
  INSERT INTO rollup_account_state ("accountId", "eventId", tier, status, "assignedToId", live, "sentAll", "repliedAll", "metAll", "sentOwn", "repliedOwn", "metOwn")
  SELECT a.id, a."eventId", a.tier::text, a.status::text, coalesce(a."assignedToId", ''), a."deletedAt" IS NULL,
    coalesce(o.sent, 0), coalesce(o.replied, 0), coalesce(m.met, 0), coalesce(o.sent_own, 0), coalesce(o.replied_own, 0), coalesce(m.met_own, 0)
  FROM target_accounts a
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.sent)::int AS sent, count(*) FILTER (WHERE x.sent AND o."repliedAt" IS NOT NULL)::int AS replied,
      count(*) FILTER (WHERE x.sent AND o."ownerId" = a."assignedToId")::int AS sent_own,
      count(*) FILTER (WHERE x.sent AND o."repliedAt" IS NOT NULL AND o."ownerId" = a."assignedToId")::int AS replied_own
    FROM outreach o CROSS JOIN LATERAL (SELECT o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AS sent) x
    WHERE o."accountId" = a.id
  ) o ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS met, count(*) FILTER (WHERE m."ownerId" = a."assignedToId")::int AS met_own
    FROM meeting m WHERE m."accountId" = a.id AND m.status <> 'CANCELLED'
  ) m ON true
  WHERE a."eventId" = event_id;
  INSERT INTO rollup_people ("eventId", tier, "assignedToId", n)
  SELECT p."eventId", coalesce(a.tier::text, ''), coalesce(p."assignedToId", ''), count(*)::int
  FROM people p LEFT JOIN target_accounts a ON a.id = p."accountId"
  WHERE p."eventId" = event_id AND p."deletedAt" IS NULL GROUP BY 1, 2, 3;
  INSERT INTO rollup_outreach ("eventId", "ownerId", tier, n, drafts, sent, opened, clicked, replied, bounced)
  SELECT o."eventId", coalesce(o."ownerId", ''), coalesce(a.tier::text, ''), count(*)::int,
    count(*) FILTER (WHERE o.status = 'DRAFT')::int,
    count(*) FILTER (WHERE x.sent)::int,
    count(*) FILTER (WHERE x.sent AND (o."openedAt" IS NOT NULL OR o."clickedAt" IS NOT NULL OR o."repliedAt" IS NOT NULL))::int,
    count(*) FILTER (WHERE x.sent AND o."clickedAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE x.sent AND o."repliedAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE x.sent AND o."bouncedAt" IS NOT NULL)::int
  FROM outreach o LEFT JOIN target_accounts a ON a.id = o."accountId"
  CROSS JOIN LATERAL (SELECT o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AS sent) x
  WHERE o."eventId" = event_id GROUP BY 1, 2, 3;
  INSERT INTO rollup_meetings ("eventId", "ownerId", tier, status, n)
  SELECT m."eventId", coalesce(m."ownerId", ''), coalesce(a.tier::text, ''), m.status::text, count(*)::int
  FROM meeting m LEFT JOIN target_accounts a ON a.id = m."accountId"
  WHERE m."eventId" = event_id GROUP BY 1, 2, 3, 4;
  PERFORM rollup_rebuild_heatmap(event_id);
END
$fn$;

-- events: a new time zone re-buckets the heatmap; a deleted event takes its rollups with it.
CREATE FUNCTION rollup_on_events() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM rollup_rebuild_heatmap(NEW.id);
    RETURN NULL;
  END IF;
  DELETE FROM rollup_account_state WHERE "eventId" = OLD.id;
  DELETE FROM rollup_accounts WHERE "eventId" = OLD.id;
  DELETE FROM rollup_people WHERE "eventId" = OLD.id;
  DELETE FROM rollup_outreach WHERE "eventId" = OLD.id;
  DELETE FROM rollup_meetings WHERE "eventId" = OLD.id;
  DELETE FROM rollup_heatmap_cells WHERE "eventId" = OLD.id;
  DELETE FROM rollup_heatmap_accounts WHERE "eventId" = OLD.id;
  DELETE FROM rollup_heatmap_account_weeks WHERE "eventId" = OLD.id;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_events_time_zone AFTER UPDATE OF "timeZone" ON events FOR EACH ROW
  WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone") EXECUTE FUNCTION rollup_on_events();
CREATE TRIGGER rollup_events_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION rollup_on_events();

-- Backfill.
SELECT rollup_rebuild_event(id) FROM events;
