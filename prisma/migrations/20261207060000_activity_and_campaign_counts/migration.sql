-- CreateTable
CREATE TABLE "rollup_activities" (
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_activities_pkey" PRIMARY KEY ("eventId","type","actorId")
);

-- CreateTable
CREATE TABLE "rollup_campaigns" (
    "campaignId" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "drafts" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "clicked" INTEGER NOT NULL DEFAULT 0,
    "replied" INTEGER NOT NULL DEFAULT 0,
    "bounced" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_campaigns_pkey" PRIMARY KEY ("campaignId")
);

-- CreateIndex
CREATE INDEX "target_accounts_industry_options_idx" ON "target_accounts"("eventId", "industry") WHERE ("deletedAt" IS NULL AND industry IS NOT NULL);

-- AddForeignKey
ALTER TABLE "rollup_activities" ADD CONSTRAINT "rollup_activities_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollup_campaigns" ADD CONSTRAINT "rollup_campaigns_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Pages that counted everything (docs/PERFORMANCE.md, "Issue 17, round 17").
--
-- The Activity page counted the event's whole log twice on every load: its type filter (activities
-- by type, with counts) and the feed's total. At the xl dataset (2,000,000 activities) that was
-- 489 ms and ~100 ms. rollup_activities holds the event's activities by type and actor.
--
-- The campaigns page counted every message of every campaign eight times (one count per rate):
-- 2.5 s at the xl dataset. rollup_campaigns holds each campaign's counts by the outreach rates'
-- rules (outreach/stats.ts): every rate is over messages sent (sentAt set, not a draft); "opened"
-- is opened, clicked or replied.
--
-- Both are kept like the other rollups (20261205230000_event_rollups): statement triggers turn a
-- statement's old rows into -1 and its new rows into +1, group them by key and add the non-zero
-- sums, in the writing transaction. The triggers are named rollup_* so that the xl seed's copy
-- turns them off with the others and rollup_rebuild_event refills the tables after it.
--
-- The accounts list's industry filter read every account of the event to list its distinct
-- industries (44 ms at 50,000 accounts). The index above lets it read one entry per industry.
-- ---------------------------------------------------------------------------------------------

-- Joined with events: while an event is being deleted, its activities' cascade must not write
-- counts for it (its rollup rows cascade away with it).
CREATE FUNCTION rollup_on_activities() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_activities AS t ("eventId", type, "actorId", n)
    SELECT c."eventId", c.type, coalesce(c."actorId", ''), sum(c.sign)
    FROM (%s) c JOIN events e ON e.id = c."eventId"
    GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", type, "actorId") DO UPDATE SET n = t.n + excluded.n
  $q$, rollup_changes(TG_OP));
  RETURN NULL;
END
$fn$;

-- Joined with campaigns: a campaign being deleted (its messages are detached, ON DELETE SET NULL)
-- takes its row with it and must not get one back.
CREATE FUNCTION rollup_on_campaign_outreach() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_campaigns AS t ("campaignId", n, drafts, queued, sent, opened, clicked, replied, bounced)
    SELECT d.* FROM (
      SELECT c."campaignId", sum(c.sign)::int AS n,
        sum(c.sign * (c.status = 'DRAFT')::int)::int AS drafts,
        sum(c.sign * (c.status = 'QUEUED')::int)::int AS queued,
        sum(c.sign * x.sent::int)::int AS sent,
        sum(c.sign * (x.sent AND (c."openedAt" IS NOT NULL OR c."clickedAt" IS NOT NULL OR c."repliedAt" IS NOT NULL))::int)::int AS opened,
        sum(c.sign * (x.sent AND c."clickedAt" IS NOT NULL)::int)::int AS clicked,
        sum(c.sign * (x.sent AND c."repliedAt" IS NOT NULL)::int)::int AS replied,
        sum(c.sign * (x.sent AND c."bouncedAt" IS NOT NULL)::int)::int AS bounced
      FROM (%s) c JOIN campaigns k ON k.id = c."campaignId"
      CROSS JOIN LATERAL (SELECT c."sentAt" IS NOT NULL AND c.status <> 'DRAFT' AS sent) x
      GROUP BY 1
    ) d
    WHERE (d.n, d.drafts, d.queued, d.sent, d.opened, d.clicked, d.replied, d.bounced) <> (0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1
    ON CONFLICT ("campaignId") DO UPDATE SET n = t.n + excluded.n, drafts = t.drafts + excluded.drafts, queued = t.queued + excluded.queued,
      sent = t.sent + excluded.sent, opened = t.opened + excluded.opened, clicked = t.clicked + excluded.clicked,
      replied = t.replied + excluded.replied, bounced = t.bounced + excluded.bounced
  $q$, rollup_changes(TG_OP));
  RETURN NULL;
END
$fn$;

-- Each table's three statement triggers (transition tables allow one event per trigger).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('rollup_activities', 'activities', 'rollup_on_activities'),
    ('rollup_campaigns', 'outreach', 'rollup_on_campaign_outreach')
  ) AS x(name, tbl, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_insert', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_update', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_delete', t.tbl, t.fn);
  END LOOP;
END
$$;

CREATE FUNCTION rollup_rebuild_activities(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_activities WHERE "eventId" = event_id;
  INSERT INTO rollup_activities ("eventId", type, "actorId", n)
  SELECT a."eventId", a.type, coalesce(a."actorId", ''), count(*)::int
  FROM activities a WHERE a."eventId" = event_id GROUP BY 1, 2, 3;
END
$fn$;

CREATE FUNCTION rollup_rebuild_campaigns(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_campaigns r USING campaigns k WHERE k.id = r."campaignId" AND k."eventId" = event_id;
  INSERT INTO rollup_campaigns ("campaignId", n, drafts, queued, sent, opened, clicked, replied, bounced)
  SELECT o."campaignId", count(*)::int,
    count(*) FILTER (WHERE o.status = 'DRAFT')::int,
    count(*) FILTER (WHERE o.status = 'QUEUED')::int,
    count(*) FILTER (WHERE x.sent)::int,
    count(*) FILTER (WHERE x.sent AND (o."openedAt" IS NOT NULL OR o."clickedAt" IS NOT NULL OR o."repliedAt" IS NOT NULL))::int,
    count(*) FILTER (WHERE x.sent AND o."clickedAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE x.sent AND o."repliedAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE x.sent AND o."bouncedAt" IS NOT NULL)::int
  FROM outreach o JOIN campaigns k ON k.id = o."campaignId"
  CROSS JOIN LATERAL (SELECT o."sentAt" IS NOT NULL AND o.status <> 'DRAFT' AS sent) x
  WHERE k."eventId" = event_id GROUP BY 1;
END
$fn$;

-- The repair tool (and the seed's copy with the rollup triggers off) rebuilds these counts too.
CREATE OR REPLACE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rollup_rebuild_counts(event_id);
  PERFORM rollup_rebuild_show(event_id);
  PERFORM rollup_rebuild_subjects(event_id);
  PERFORM rollup_rebuild_activities(event_id);
  PERFORM rollup_rebuild_campaigns(event_id);
END
$fn$;

-- Backfill.
SELECT rollup_rebuild_activities(id), rollup_rebuild_campaigns(id) FROM events;
ANALYZE rollup_activities;
ANALYZE rollup_campaigns;
