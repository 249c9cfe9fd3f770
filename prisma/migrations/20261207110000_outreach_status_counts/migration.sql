-- CreateTable
CREATE TABLE "rollup_outreach_status" (
    "eventId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_outreach_status_pkey" PRIMARY KEY ("eventId","ownerId","status")
);

-- AddForeignKey
ALTER TABLE "rollup_outreach_status" ADD CONSTRAINT "rollup_outreach_status_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- The Outreach page counted its queue (46,590 queued messages at the xl dataset: 22–115 ms) and
-- a status filter's total (every sent message: hundreds of thousands) on every load
-- (docs/PERFORMANCE.md, "Issue 17, round 17"). rollup_outreach_status holds the event's messages by
-- owner and status, kept like the other rollups (20261205230000_event_rollups): statement
-- triggers turn old rows into -1 and new rows into +1, group them by key and add the non-zero sums
-- in the writing transaction (an update that leaves owner and status alone writes nothing). Named
-- rollup_* so that the xl seed's copy turns them off and rollup_rebuild_event refills the table.
-- ---------------------------------------------------------------------------------------------

-- Joined with events: while an event is being deleted, its messages' cascade must not write
-- counts for it (its rows cascade away with it).
CREATE FUNCTION rollup_on_outreach_status() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_outreach_status AS t ("eventId", "ownerId", status, n)
    SELECT c."eventId", coalesce(c."ownerId", ''), c.status::text, sum(c.sign)
    FROM (%s) c JOIN events e ON e.id = c."eventId"
    GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("eventId", "ownerId", status) DO UPDATE SET n = t.n + excluded.n
  $q$, rollup_changes(TG_OP));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_outreach_status_insert AFTER INSERT ON outreach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_status();
CREATE TRIGGER rollup_outreach_status_update AFTER UPDATE ON outreach
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_status();
CREATE TRIGGER rollup_outreach_status_delete AFTER DELETE ON outreach
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_status();

CREATE FUNCTION rollup_rebuild_outreach_status(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_outreach_status WHERE "eventId" = event_id;
  INSERT INTO rollup_outreach_status ("eventId", "ownerId", status, n)
  SELECT o."eventId", coalesce(o."ownerId", ''), o.status::text, count(*)::int
  FROM outreach o WHERE o."eventId" = event_id GROUP BY 1, 2, 3;
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
  PERFORM rollup_rebuild_outreach_status(event_id);
END
$fn$;

-- Backfill.
SELECT rollup_rebuild_outreach_status(id) FROM events;
