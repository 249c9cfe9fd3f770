-- ---------------------------------------------------------------------------------------------
-- A sequence's progress without counting its enrollments (docs/PERFORMANCE.md, "Issue 17, round
-- 19").
--
-- The sequence page and the sequences list counted every enrollment of a sequence by status and
-- step (20,000 index entries for the largest sequence at the xl dataset, ten times the large one),
-- and its replies by step by walking those enrollments to their replied messages.
--
-- rollup_sequence_enrollments holds the counts as deltas. Unlike the other rollups it is never
-- updated, only inserted into: every step the sequence engine takes changes an enrollment, from
-- up to five concurrent runs, and a shared counter row per (sequence, status, step) would make
-- those runs queue on it and, across multi-statement transactions, deadlock (round 17 saw exactly
-- that with a rollup of messages by status). Inserts take no lock another writer waits for. The
-- read sums a sequence's deltas; the maintenance job compacts them into one row per key
-- (rollup_compact_sequence_enrollments), so a read sums at most the keys plus the deltas written
-- since the last compaction (every five minutes).
--
-- Every enrollment is counted here, whoever's it is. The people in the Trash are subtracted when
-- the progress is read, from the live rows in the same statement (sequences/service.ts), not
-- copied into the rollup: a trigger that copied a person's Trash state would race with the
-- engine's concurrent update of that person's enrollment and could count it twice or not at all.
--
-- Replies by step are read from their own partial index by the sequence's step ids: only replied
-- messages that still belong to an enrollment are in it. It replaces the index by enrollment that
-- made the read walk every enrollment of the sequence.
-- ---------------------------------------------------------------------------------------------

-- DropIndex
DROP INDEX "outreach_enrollment_replied_idx";

-- CreateTable
CREATE TABLE "rollup_sequence_enrollments" (
    "id" BIGSERIAL NOT NULL,
    "sequenceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currentStep" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_sequence_enrollments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rollup_sequence_enrollments_sequenceId_idx" ON "rollup_sequence_enrollments"("sequenceId");

-- CreateIndex
CREATE INDEX "outreach_step_replied_idx" ON "outreach"("sequenceStepId", "stepNumber") WHERE ("repliedAt" IS NOT NULL AND "enrollmentId" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "rollup_sequence_enrollments" ADD CONSTRAINT "rollup_sequence_enrollments_sequenceId_fkey" FOREIGN KEY ("sequenceId") REFERENCES "sequences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A statement's old rows count -1 and its new rows +1, summed by key; an update that moves no
-- enrollment between keys (the engine's claims, next-step times) inserts nothing. Joined with
-- sequences: while an event is deleted, its sequences' deltas cascade away and the enrollments'
-- own cascade must not write new ones.
CREATE FUNCTION rollup_on_sequence_enrollments() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_sequence_enrollments ("sequenceId", status, "currentStep", n)
    SELECT c."sequenceId", c.status::text, c."currentStep", sum(c.sign)
    FROM (%s) c JOIN sequences s ON s.id = c."sequenceId"
    GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0
  $q$, rollup_changes(TG_OP));
  RETURN NULL;
END
$fn$;

-- Named rollup_* so that the xl seed's copy turns them off with the others; rollup_rebuild_event
-- refills the table after it.
CREATE TRIGGER rollup_sequence_enrollments_insert AFTER INSERT ON sequence_enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_sequence_enrollments();
CREATE TRIGGER rollup_sequence_enrollments_update AFTER UPDATE ON sequence_enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_sequence_enrollments();
CREATE TRIGGER rollup_sequence_enrollments_delete AFTER DELETE ON sequence_enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_sequence_enrollments();

-- Each sequence whose deltas are more than one row per key becomes one row per key (keys whose
-- sum is 0 go). Rows inserted while it runs are not in its snapshot and stay as they are, so the
-- sums never change. One compaction at a time: another would only wait to find nothing to do.
-- Answers with the number of rows it removed.
CREATE FUNCTION rollup_compact_sequence_enrollments() RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  removed integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rollup_compact_sequence_enrollments')) THEN
    RETURN 0;
  END IF;
  WITH spread AS (
    SELECT "sequenceId" FROM rollup_sequence_enrollments
    GROUP BY "sequenceId", status, "currentStep" HAVING count(*) > 1 OR sum(n) = 0
  ), gone AS (
    DELETE FROM rollup_sequence_enrollments r WHERE r."sequenceId" IN (SELECT "sequenceId" FROM spread)
    RETURNING r."sequenceId", r.status, r."currentStep", r.n
  ), kept AS (
    INSERT INTO rollup_sequence_enrollments ("sequenceId", status, "currentStep", n)
    SELECT g."sequenceId", g.status, g."currentStep", sum(g.n) FROM gone g
    GROUP BY 1, 2, 3 HAVING sum(g.n) <> 0
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO removed;
  RETURN removed;
END
$fn$;

-- The event's sequences counted again from their enrollments (after a copy made with the triggers
-- off, or as a repair). The table lock holds back the triggers' inserts meanwhile, so a delta
-- committed between the delete and the count cannot be counted twice.
CREATE FUNCTION rollup_rebuild_sequences(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE rollup_sequence_enrollments IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM rollup_sequence_enrollments r USING sequences s WHERE s.id = r."sequenceId" AND s."eventId" = event_id;
  INSERT INTO rollup_sequence_enrollments ("sequenceId", status, "currentStep", n)
  SELECT e."sequenceId", e.status::text, e."currentStep", count(*)::int
  FROM sequence_enrollments e JOIN sequences s ON s.id = e."sequenceId"
  WHERE s."eventId" = event_id
  GROUP BY 1, 2, 3;
END
$fn$;

CREATE OR REPLACE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rollup_rebuild_counts(event_id);
  PERFORM rollup_rebuild_show(event_id);
  PERFORM rollup_rebuild_subjects(event_id);
  PERFORM rollup_rebuild_activities(event_id);
  PERFORM rollup_rebuild_campaigns(event_id);
  PERFORM rollup_rebuild_sequences(event_id);
END
$fn$;

-- Backfill.
SELECT rollup_rebuild_sequences(id) FROM events;
ANALYZE rollup_sequence_enrollments;
