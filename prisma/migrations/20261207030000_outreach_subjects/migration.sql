-- CreateTable
CREATE TABLE "outreach_subjects" (
    "eventId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,

    CONSTRAINT "outreach_subjects_pkey" PRIMARY KEY ("eventId","subject")
);

-- CreateIndex
CREATE INDEX "outreach_subjects_subject_trgm_idx" ON "outreach_subjects" USING GIN ("subject" gin_trgm_ops);
-- New subjects go straight into the index, not into GIN's pending list: a search reads that list
-- row by row until a vacuum merges it (after the backfill, 2.8 ms for a text found nowhere, against
-- 0.05 ms merged). This table is written rarely (a subject not seen before), so inserts can pay.
ALTER INDEX "outreach_subjects_subject_trgm_idx" SET (fastupdate = off);

-- AddForeignKey
ALTER TABLE "outreach_subjects" ADD CONSTRAINT "outreach_subjects_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Global search's outreach threads by subject, without reading every message that matches.
--
-- Subjects repeat: a template's sends share one (14,592 distinct subjects in a million messages
-- at the xl dataset). Looking for "logistics" in the messages built a trigram bitmap of the 32,867
-- messages containing it (12 of the search's 18 ms there). outreach_subjects holds each event's
-- distinct subjects, so the search finds the few subjects that match, then up to a handful of
-- messages of each through the btree below.
--
-- Subjects are keyed by their first 200 characters (a btree key must stay under ~2,700 bytes, and
-- a rendered subject has no hard limit): text past that is not searched.
--
-- Kept by triggers: a message's subject is added when the message is written or its subject
-- changes. A subject no message uses any more (a draft's edited subject, a deleted draft) stays
-- until outreach_subjects_prune() removes it (the maintenance job, every 5 minutes); until then
-- it finds nothing. Removing it in the writing transaction could race a concurrent insert of the
-- same subject and lose it for good; the prune's table lock cannot (see below).
--
-- The triggers are named rollup_* so that the xl seed's copy turns them off with the rollups'
-- (one 900,000-row statement's transition table is costly) and rollup_rebuild_event refills the
-- table after it.
-- ---------------------------------------------------------------------------------------------

-- Messages by (event, subject): the search's second step, and the prune's probe. Subjects repeat,
-- so btree deduplication keeps it small (8.5 MB for a million messages).
CREATE INDEX "outreach_event_subject_idx" ON "outreach" ("eventId", left("subject", 200));

CREATE FUNCTION rollup_on_outreach_subjects() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  -- Sorted, so concurrent writers take the unique index's entries in one order.
  INSERT INTO outreach_subjects ("eventId", subject)
  SELECT DISTINCT n."eventId", left(n.subject, 200) FROM new_rows n WHERE n.subject IS NOT NULL AND n.subject <> ''
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;

CREATE FUNCTION rollup_on_outreach_subject_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO outreach_subjects ("eventId", subject) VALUES (NEW."eventId", left(NEW.subject, 200)) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_outreach_subjects_insert AFTER INSERT ON outreach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_subjects();
-- A transition table cannot go with a column list, and most updates of a message (status, opens,
-- replies) leave its subject alone: a row trigger that fires only when the subject changes.
CREATE TRIGGER rollup_outreach_subjects_update AFTER UPDATE OF subject ON outreach
  FOR EACH ROW WHEN (NEW.subject IS DISTINCT FROM OLD.subject AND NEW.subject IS NOT NULL AND NEW.subject <> '')
  EXECUTE FUNCTION rollup_on_outreach_subject_change();

-- Removes the subjects no message of their event uses. The SHARE ROW EXCLUSIVE lock conflicts
-- with the ROW EXCLUSIVE lock the triggers' inserts take: writers that added (or found) a subject
-- commit first and their messages are seen, new ones wait until the prune commits. So a subject
-- in use is never removed.
CREATE FUNCTION outreach_subjects_prune() RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  removed integer;
BEGIN
  LOCK TABLE outreach_subjects IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM outreach_subjects s
  WHERE NOT EXISTS (SELECT 1 FROM outreach o WHERE o."eventId" = s."eventId" AND left(o.subject, 200) = s.subject);
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$fn$;

CREATE FUNCTION rollup_rebuild_subjects(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM outreach_subjects WHERE "eventId" = event_id;
  INSERT INTO outreach_subjects ("eventId", subject)
  SELECT DISTINCT o."eventId", left(o.subject, 200) FROM outreach o
  WHERE o."eventId" = event_id AND o.subject IS NOT NULL AND o.subject <> '';
END
$fn$;

-- The repair tool (and the seed's copy with the rollup triggers off) rebuilds the subjects too.
CREATE OR REPLACE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rollup_rebuild_counts(event_id);
  PERFORM rollup_rebuild_show(event_id);
  PERFORM rollup_rebuild_subjects(event_id);
END
$fn$;

-- Backfill.
SELECT rollup_rebuild_subjects(id) FROM events;
ANALYZE outreach_subjects;
