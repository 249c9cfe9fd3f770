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

-- AddForeignKey
ALTER TABLE "rollup_campaigns" ADD CONSTRAINT "rollup_campaigns_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- The campaigns page counted every message of every campaign eight times (one count per rate):
-- 2.5 s at the xl dataset (docs/PERFORMANCE.md, "Issue 17, round 17"). rollup_campaigns holds
-- each campaign's counts by the outreach rates' rules (outreach/stats.ts): every rate is over
-- messages sent (sentAt set, not a draft); "opened" is opened, clicked or replied. Kept like the
-- other rollups (20261205230000_event_rollups): statement triggers turn old rows into -1 and new
-- rows into +1 and add the non-zero sums, in the writing transaction; named rollup_* so that the
-- xl seed's copy turns them off and rollup_rebuild_event refills the table after it.
-- ---------------------------------------------------------------------------------------------

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

CREATE TRIGGER rollup_campaigns_insert AFTER INSERT ON outreach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_campaign_outreach();
CREATE TRIGGER rollup_campaigns_update AFTER UPDATE ON outreach
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_campaign_outreach();
CREATE TRIGGER rollup_campaigns_delete AFTER DELETE ON outreach
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_campaign_outreach();

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

-- The repair tool (and the seed's copy with the rollup triggers off) rebuilds the campaigns' counts too.
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
SELECT rollup_rebuild_campaigns(id) FROM events;
