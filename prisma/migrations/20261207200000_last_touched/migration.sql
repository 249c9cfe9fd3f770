-- ---------------------------------------------------------------------------------------------
-- A person's "last touched", stored (docs/PERFORMANCE.md, "Issue 17, round 22").
--
-- A person's last touch is the latest of a message sent to them (outreach.sentAt) and a meeting
-- booked with them that is not cancelled (meeting.createdAt): what the team did, beside "last
-- activity", which the record's own edits move too. The people list computed it for every row
-- from outreach and meetings, so sorting by it (the Engagement column) or filtering on it read
-- every person of the event: 1.1-2.5 s at the xl dataset.
--
-- The column is kept by the triggers below in the writing statement, for every writer. New
-- messages and meetings only move it forward, from the statement's own rows (the seed's bulk
-- loads run them with the indexes dropped). A touch can also go away (a meeting cancelled or
-- deleted, a message moved to another person), so updates and deletes recompute the affected
-- people from their rows; each recompute is two index lookups (outreach by person and send time,
-- meetings by person and status).
--
-- People only, not accounts: an account is shared by the messages that concurrent sequence
-- batches send, and the same column on accounts, updated from each message's statement, made
-- those batches deadlock on each other's accounts (the sequences benchmark stalled).
--
-- The triggers are named rollup_* so that the xl seed's copy turns them off with the rollups and
-- rollup_rebuild_event repairs the column after (rollup_rebuild_last_touched).
-- ---------------------------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "people" ADD COLUMN "lastTouchedAt" TIMESTAMP(3);

-- These people's last touch from their rows (no write when it did not change).
CREATE FUNCTION rollup_recompute_last_touched(person_ids text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  IF cardinality(person_ids) > 0 THEN
    UPDATE people r SET "lastTouchedAt" = t.at
      FROM (SELECT x.id, GREATEST(
                (SELECT max(o."sentAt") FROM outreach o WHERE o."personId" = x.id),
                (SELECT max(m."createdAt") FROM meeting m WHERE m."personId" = x.id AND m.status <> 'CANCELLED')) AS at
              FROM (SELECT DISTINCT unnest(person_ids) AS id) x) t
     WHERE r.id = t.id AND r."lastTouchedAt" IS DISTINCT FROM t.at;
  END IF;
END
$fn$;

-- Outreach: a sent message added or removed, or a message whose send time or person changed
-- (both the old and the new person).
CREATE FUNCTION rollup_on_outreach_last_touched() RETURNS trigger
LANGUAGE plpgsql AS $fn$
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
    SELECT array_agg(DISTINCT v.person) INTO person_ids
      FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."personId"), (n."personId")) v(person)
     WHERE o."sentAt" IS DISTINCT FROM n."sentAt" OR o."personId" IS DISTINCT FROM n."personId";
  END IF;
  PERFORM rollup_recompute_last_touched(coalesce(person_ids, '{}'));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_last_touched_outreach_insert AFTER INSERT ON outreach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_last_touched();
CREATE TRIGGER rollup_last_touched_outreach_update AFTER UPDATE ON outreach
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_last_touched();
CREATE TRIGGER rollup_last_touched_outreach_delete AFTER DELETE ON outreach
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_outreach_last_touched();

-- Meetings: one booked or removed that is not cancelled, or one whose status, booking time or
-- person changed.
CREATE FUNCTION rollup_on_meeting_last_touched() RETURNS trigger
LANGUAGE plpgsql AS $fn$
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
    SELECT array_agg(DISTINCT v.person) INTO person_ids
      FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."personId"), (n."personId")) v(person)
     WHERE o.status IS DISTINCT FROM n.status OR o."createdAt" IS DISTINCT FROM n."createdAt" OR o."personId" IS DISTINCT FROM n."personId";
  END IF;
  PERFORM rollup_recompute_last_touched(coalesce(person_ids, '{}'));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_last_touched_meeting_insert AFTER INSERT ON meeting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_meeting_last_touched();
CREATE TRIGGER rollup_last_touched_meeting_update AFTER UPDATE ON meeting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_meeting_last_touched();
CREATE TRIGGER rollup_last_touched_meeting_delete AFTER DELETE ON meeting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_meeting_last_touched();

-- The repair: every person of the event set from their rows, set-based.
CREATE FUNCTION rollup_rebuild_last_touched(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE people r SET "lastTouchedAt" = t.at
    FROM (SELECT p.id, GREATEST(o.at, m.at) AS at FROM people p
            LEFT JOIN (SELECT o."personId" AS id, max(o."sentAt") AS at FROM outreach o JOIN people p ON p.id = o."personId"
                        WHERE p."eventId" = event_id AND o."sentAt" IS NOT NULL GROUP BY 1) o ON o.id = p.id
            LEFT JOIN (SELECT m."personId" AS id, max(m."createdAt") AS at FROM meeting m JOIN people p ON p.id = m."personId"
                        WHERE p."eventId" = event_id AND m.status <> 'CANCELLED' GROUP BY 1) m ON m.id = p.id
           WHERE p."eventId" = event_id) t
   WHERE r.id = t.id AND r."lastTouchedAt" IS DISTINCT FROM t.at;
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
END
$fn$;

SELECT rollup_rebuild_last_touched(id) FROM events;

-- The people list by engagement, most recently touched first (the Engagement header's first
-- click), never-touched last.

-- CreateIndex
CREATE INDEX "people_list_touched_idx" ON "people"("eventId", "lastTouchedAt" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);
