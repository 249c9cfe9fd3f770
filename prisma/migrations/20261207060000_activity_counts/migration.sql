-- CreateTable
CREATE TABLE "rollup_activities" (
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_activities_pkey" PRIMARY KEY ("eventId","type","actorId")
);

-- CreateIndex
CREATE INDEX "target_accounts_industry_options_idx" ON "target_accounts"("eventId", "industry") WHERE ("deletedAt" IS NULL AND industry IS NOT NULL);

-- AddForeignKey
ALTER TABLE "rollup_activities" ADD CONSTRAINT "rollup_activities_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Pages that counted everything (docs/PERFORMANCE.md, "Issue 17, round 17").
--
-- The Activity page counted the event's whole log twice on every load: its type filter (activities
-- by type, with counts) and the feed's total. At the xl dataset (2,000,000 activities) that was
-- 489 ms and ~100 ms. rollup_activities holds the event's activities by type and actor, kept by
-- statement triggers on activities in the writes' own transactions, like the other rollups (see
-- 20261205230000_event_rollups: old rows count -1, new rows +1, grouped by key, non-zero sums
-- added). The triggers are named rollup_* so that the xl seed's copy turns them off with the
-- others and rollup_rebuild_event refills the table after it.
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

CREATE TRIGGER rollup_activities_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_activities();
CREATE TRIGGER rollup_activities_update AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_activities();
CREATE TRIGGER rollup_activities_delete AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_activities();

CREATE FUNCTION rollup_rebuild_activities(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_activities WHERE "eventId" = event_id;
  INSERT INTO rollup_activities ("eventId", type, "actorId", n)
  SELECT a."eventId", a.type, coalesce(a."actorId", ''), count(*)::int
  FROM activities a WHERE a."eventId" = event_id GROUP BY 1, 2, 3;
END
$fn$;

-- The repair tool (and the seed's copy with the rollup triggers off) rebuilds the activity counts too.
CREATE OR REPLACE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rollup_rebuild_counts(event_id);
  PERFORM rollup_rebuild_show(event_id);
  PERFORM rollup_rebuild_subjects(event_id);
  PERFORM rollup_rebuild_activities(event_id);
END
$fn$;

-- Backfill.
SELECT rollup_rebuild_activities(id) FROM events;
ANALYZE rollup_activities;
