-- ---------------------------------------------------------------------------------------------
-- An account's people and "last touched", stored in its rollup_account_state row (docs/
-- PERFORMANCE.md, "Issue 17, round 23").
--
-- The accounts list computed both for every row: the people count from the account's people, the
-- last touch from its messages (latest send) and meetings (latest booked, not cancelled). Sorting
-- by either (the People and Engagement headers) read every account of the event: 430-615 ms at
-- the xl dataset, and every page of the list paid three correlated subqueries per row.
--
-- Why the state row and not target_accounts: round 22 stored the last touch on target_accounts,
-- and concurrent sequence batches deadlocked on shared accounts. The state row is already written
-- by every send (its counters) in the sending statement, so keeping the last touch there adds no
-- row a send did not lock before. The triggers below lock the rows they change in one order (by
-- account id) before changing them.
--
-- - people: live people (not in the Trash) whose account it is; moves, deletes and restores
--   move it by the statement's net change.
-- - lastTouchedAt: the latest outreach.sentAt and meeting.createdAt (not cancelled) of the
--   account. New sends and bookings only move it forward, from the statement's rows (the seed
--   loads with its indexes dropped); a touch that goes away (a message deleted or moved, a meeting
--   cancelled or deleted) recomputes the account from its rows, two index lookups.
--
-- Named rollup_* so that the xl seed's copy turns them off with the rollups and
-- rollup_rebuild_event repairs them (rollup_rebuild_account_list).
-- ---------------------------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "rollup_account_state" ADD COLUMN "people" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lastTouchedAt" TIMESTAMP(3);

-- Applies a statement's changes to account state rows, locking them in account-id order first
-- (two writers then wait on each other instead of each holding a row the other needs).
-- people_ids/people_deltas: net change of live people; raised_ids/raised_at: touches that can only
-- move forward; lowered_ids: accounts that lost a touch, recomputed from their rows.
CREATE FUNCTION rollup_apply_account_list(people_ids text[], people_deltas int[], raised_ids text[], raised_at timestamp(3)[], lowered_ids text[])
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM 1 FROM rollup_account_state
   WHERE "accountId" = ANY (coalesce(people_ids, '{}') || coalesce(raised_ids, '{}') || coalesce(lowered_ids, '{}'))
   ORDER BY "accountId" FOR UPDATE;
  IF people_ids IS NOT NULL THEN
    UPDATE rollup_account_state s SET people = s.people + d.n
      FROM unnest(people_ids, people_deltas) d(id, n) WHERE s."accountId" = d.id;
  END IF;
  IF raised_ids IS NOT NULL THEN
    UPDATE rollup_account_state s SET "lastTouchedAt" = d.at
      FROM unnest(raised_ids, raised_at) d(id, at)
     WHERE s."accountId" = d.id AND (s."lastTouchedAt" IS NULL OR s."lastTouchedAt" < d.at);
  END IF;
  IF lowered_ids IS NOT NULL THEN
    UPDATE rollup_account_state s SET "lastTouchedAt" = t.at
      FROM (SELECT x.id, GREATEST(
                (SELECT max(o."sentAt") FROM outreach o WHERE o."accountId" = x.id),
                (SELECT max(m."createdAt") FROM meeting m WHERE m."accountId" = x.id AND m.status <> 'CANCELLED')) AS at
              FROM unnest(lowered_ids) x(id)) t
     WHERE s."accountId" = t.id AND s."lastTouchedAt" IS DISTINCT FROM t.at;
  END IF;
END
$fn$;

-- people: the statement's net change of live people per account.
CREATE FUNCTION rollup_on_people_account_list() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  ids text[];
  deltas int[];
BEGIN
  EXECUTE format($q$
    SELECT array_agg(d.id ORDER BY d.id), array_agg(d.n ORDER BY d.id) FROM (
      SELECT c."accountId" AS id, sum(c.sign)::int AS n FROM (%s) c
       WHERE c."accountId" IS NOT NULL AND c."deletedAt" IS NULL GROUP BY 1 HAVING sum(c.sign) <> 0) d
  $q$, rollup_changes(TG_OP)) INTO ids, deltas;
  IF ids IS NOT NULL THEN
    PERFORM rollup_apply_account_list(ids, deltas, NULL, NULL, NULL);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_account_list_people_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_people_account_list();
CREATE TRIGGER rollup_account_list_people_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_people_account_list();
CREATE TRIGGER rollup_account_list_people_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_people_account_list();

-- outreach and meetings: one function for both, told apart by the table. A row is a touch when
-- `counted` holds, at `at`: a message with a send time, a meeting not cancelled at its booking.
CREATE FUNCTION rollup_on_touch_account_list() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  at text := CASE TG_TABLE_NAME WHEN 'outreach' THEN '"sentAt"' ELSE '"createdAt"' END;
  counted text := CASE TG_TABLE_NAME WHEN 'outreach' THEN '%1$s."sentAt" IS NOT NULL' ELSE '%1$s.status <> ''CANCELLED''' END;
  raised_ids text[];
  raised_at timestamp(3)[];
  lowered_ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format($q$
      SELECT array_agg(r.id ORDER BY r.id), array_agg(r.at ORDER BY r.id) FROM (
        SELECT n."accountId" AS id, max(n.%1$s) AS at FROM new_rows n WHERE n."accountId" IS NOT NULL AND %2$s GROUP BY 1) r
    $q$, at, format(counted, 'n')) INTO raised_ids, raised_at;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format($q$
      SELECT array_agg(DISTINCT o."accountId") FROM old_rows o WHERE o."accountId" IS NOT NULL AND %1$s
    $q$, format(counted, 'o')) INTO lowered_ids;
  ELSE
    -- Raised: a row that became a touch of its account, or whose time or account changed.
    -- Lowered: a row that was a touch of its account and is no longer one there, or is earlier.
    EXECUTE format($q$
      SELECT array_agg(r.id ORDER BY r.id), array_agg(r.at ORDER BY r.id) FROM (
        SELECT n."accountId" AS id, max(n.%1$s) AS at FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE n."accountId" IS NOT NULL AND %2$s
           AND (NOT (%3$s) OR o.%1$s IS DISTINCT FROM n.%1$s OR o."accountId" IS DISTINCT FROM n."accountId")
         GROUP BY 1) r
    $q$, at, format(counted, 'n'), format(counted, 'o')) INTO raised_ids, raised_at;
    EXECUTE format($q$
      SELECT array_agg(DISTINCT o."accountId") FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE o."accountId" IS NOT NULL AND %3$s
         AND (NOT (%2$s) OR n.%1$s < o.%1$s OR o."accountId" IS DISTINCT FROM n."accountId")
    $q$, at, format(counted, 'n'), format(counted, 'o')) INTO lowered_ids;
  END IF;
  IF raised_ids IS NOT NULL OR lowered_ids IS NOT NULL THEN
    PERFORM rollup_apply_account_list(NULL, NULL, raised_ids, raised_at, lowered_ids);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_account_list_outreach_insert AFTER INSERT ON outreach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();
CREATE TRIGGER rollup_account_list_outreach_update AFTER UPDATE ON outreach
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();
CREATE TRIGGER rollup_account_list_outreach_delete AFTER DELETE ON outreach
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();
CREATE TRIGGER rollup_account_list_meeting_insert AFTER INSERT ON meeting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();
CREATE TRIGGER rollup_account_list_meeting_update AFTER UPDATE ON meeting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();
CREATE TRIGGER rollup_account_list_meeting_delete AFTER DELETE ON meeting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_touch_account_list();

-- The repair: every account state row of the event set from its rows, set-based (each table read
-- once). The xl seed's copy calls it on 50,000 accounts, and two plans went wrong there (each ran
-- for minutes before it was stopped):
-- - the state table's statistics say it is empty right after rollup_rebuild_counts refilled it,
--   and PostgreSQL planned a loop that read a table for every account: nested loops are off here;
-- - the state table's own update trigger (rollup_on_account_state) joins the statement's old and
--   new rows with a plan it cached for the handful of rows it usually sees. It moves accounts
--   between the stage counts, which these two columns are not part of, so it is off for this one
--   statement (a repair runs as the tables' owner).
CREATE FUNCTION rollup_rebuild_account_list(event_id text) RETURNS void
LANGUAGE plpgsql SET enable_nestloop = off AS $fn$
BEGIN
  ALTER TABLE rollup_account_state DISABLE TRIGGER rollup_account_state_update;
  UPDATE rollup_account_state s SET people = coalesce(p.n, 0), "lastTouchedAt" = GREATEST(o.at, m.at)
    FROM target_accounts a
    LEFT JOIN (SELECT p."accountId" AS id, count(*)::int AS n FROM people p JOIN target_accounts a ON a.id = p."accountId"
                WHERE a."eventId" = event_id AND p."deletedAt" IS NULL GROUP BY 1) p ON p.id = a.id
    LEFT JOIN (SELECT o."accountId" AS id, max(o."sentAt") AS at FROM outreach o JOIN target_accounts a ON a.id = o."accountId"
                WHERE a."eventId" = event_id AND o."sentAt" IS NOT NULL GROUP BY 1) o ON o.id = a.id
    LEFT JOIN (SELECT m."accountId" AS id, max(m."createdAt") AS at FROM meeting m JOIN target_accounts a ON a.id = m."accountId"
                WHERE a."eventId" = event_id AND m.status <> 'CANCELLED' GROUP BY 1) m ON m.id = a.id
   WHERE a."eventId" = event_id AND s."accountId" = a.id
     AND (s.people, s."lastTouchedAt") IS DISTINCT FROM (coalesce(p.n, 0), GREATEST(o.at, m.at));
  ALTER TABLE rollup_account_state ENABLE TRIGGER rollup_account_state_update;
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
  PERFORM rollup_rebuild_last_activity(event_id);
  PERFORM rollup_rebuild_last_touched(event_id);
  PERFORM rollup_rebuild_account_list(event_id);
END
$fn$;

SELECT rollup_rebuild_account_list(id) FROM events;

-- The accounts list by people and by engagement (each header's first click: most first, never
-- touched last), walked from the state rows of the event's live accounts.

-- CreateIndex
CREATE INDEX "rollup_account_state_list_people_idx" ON "rollup_account_state"("eventId", "people" DESC, "accountId") WHERE "live";

-- CreateIndex
CREATE INDEX "rollup_account_state_list_touched_idx" ON "rollup_account_state"("eventId", "lastTouchedAt" DESC NULLS LAST, "accountId") WHERE "live";

-- The people list by account walks the event's accounts by name, each with its people. A person
-- shows their account's name even if the account is in the Trash, so the walk needs every account
-- of the event: the name index loses its condition (the accounts list by name skips the few
-- trashed accounts as it walks).

-- DropIndex
DROP INDEX "target_accounts_list_name_idx";

-- CreateIndex
CREATE INDEX "target_accounts_list_name_idx" ON "target_accounts"("eventId", "name", "id");
