-- ---------------------------------------------------------------------------------------------
-- A rep's feed that stops early (docs/PERFORMANCE.md, "Issue 17, round 21").
--
-- The dashboard shows a rep, by default, the newest activities on their accounts and people and
-- the ones they did. For a rep who owns many records, after a busy period by others, that read
-- walked the event's whole log newest first against the rep's records hashed: 36–159 ms at the
-- xl dataset, where one rep owns 18,000 accounts and 80,000 people.
--
-- rep_feed_ids walks the rep's records by "last activity", newest first, takes each one's newest
-- activities, and stops once the next record's last activity is older than the page's last item
-- so far. That is exact only if a record's "last activity" is never older than its newest
-- activity. The trigger below keeps that for every writer, in the writing statement: it moves the
-- column forward to the newest activity each statement inserts (or updates) for the record. It
-- replaces the application's own statements for it (activity/service.ts), which a direct insert
-- could skip.
--
-- The trigger is named rollup_* so that the xl seed's copy turns it off with the rollups (the
-- copied records carry their originals' times) and rollup_rebuild_event repairs the column after.
-- ---------------------------------------------------------------------------------------------

-- Each rep's records by last activity. They replace the plain assignee indexes, whose column
-- leads these (ownership checks and a user's removal read them the same way).
DROP INDEX "target_accounts_assignedToId_idx";
DROP INDEX "people_assignedToId_idx";

-- CreateIndex
CREATE INDEX "target_accounts_owner_recent_idx" ON "target_accounts"("assignedToId", "eventId", "lastActivityAt" DESC NULLS LAST);

-- CreateIndex
CREATE INDEX "people_owner_recent_idx" ON "people"("assignedToId", "eventId", "lastActivityAt" DESC NULLS LAST);

-- Forward only: a backdated activity (a booth capture synced an hour late, a call logged for
-- yesterday) leaves a newer time in place. Timestamps are UTC wall time, as Prisma writes them.
CREATE FUNCTION rollup_on_activities_last_activity() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE target_accounts r SET "lastActivityAt" = n.at
    FROM (SELECT c."accountId" AS id, max(c."createdAt") AS at FROM new_rows c WHERE c."accountId" IS NOT NULL GROUP BY 1) n
   WHERE r.id = n.id AND (r."lastActivityAt" IS NULL OR r."lastActivityAt" < n.at);
  UPDATE people r SET "lastActivityAt" = n.at
    FROM (SELECT c."personId" AS id, max(c."createdAt") AS at FROM new_rows c WHERE c."personId" IS NOT NULL GROUP BY 1) n
   WHERE r.id = n.id AND (r."lastActivityAt" IS NULL OR r."lastActivityAt" < n.at);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_last_activity_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_activities_last_activity();
CREATE TRIGGER rollup_last_activity_update AFTER UPDATE ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_activities_last_activity();

-- The repair: every record of the event moved forward to its newest activity. (Forward only: a
-- record's time is never taken back, so a repair cannot undo a newer time a writer set.)
CREATE FUNCTION rollup_rebuild_last_activity(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE target_accounts r SET "lastActivityAt" = n.at
    FROM (SELECT a."accountId" AS id, max(a."createdAt") AS at FROM activities a WHERE a."eventId" = event_id AND a."accountId" IS NOT NULL GROUP BY 1) n
   WHERE r.id = n.id AND (r."lastActivityAt" IS NULL OR r."lastActivityAt" < n.at);
  UPDATE people r SET "lastActivityAt" = n.at
    FROM (SELECT a."personId" AS id, max(a."createdAt") AS at FROM activities a WHERE a."eventId" = event_id AND a."personId" IS NOT NULL GROUP BY 1) n
   WHERE r.id = n.id AND (r."lastActivityAt" IS NULL OR r."lastActivityAt" < n.at);
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
END
$fn$;

-- The ids and times of a rep's newest `page_size` activities in the event: those they did, and
-- those on the accounts and people assigned to them (deleted ones too, as the team feed shows
-- them), newest first, the id breaking ties.
--
-- Their own actions come from (actorId, eventId, createdAt). Their records are walked in one
-- order, accounts and people merged by last activity; each gives its newest activities that could
-- still make the page. The walk stops at the first record whose last activity is older than the
-- page's last item: no activity of it, or of any record after it, can be newer (the trigger
-- above). A record with the same time may still hold a tie, so it is read. What it costs is about
-- the records active since the page's last item, not how many the rep owns.
CREATE FUNCTION rep_feed_ids(event_id text, user_id text, page_size int)
RETURNS TABLE (id text, "createdAt" timestamp(3))
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  ids text[];
  ats timestamp(3)[];
  more_ids text[];
  more_ats timestamp(3)[];
  page_floor timestamp(3); -- the page's last item so far; NULL until the page is full
  rec record;
BEGIN
  SELECT coalesce(array_agg(t.id ORDER BY t."createdAt" DESC, t.id DESC), '{}'), coalesce(array_agg(t."createdAt" ORDER BY t."createdAt" DESC, t.id DESC), '{}')
    INTO ids, ats
    FROM (SELECT t.id, t."createdAt" FROM activities t WHERE t."actorId" = user_id AND t."eventId" = event_id
          ORDER BY t."createdAt" DESC, t.id DESC LIMIT page_size) t;
  IF cardinality(ids) >= page_size THEN page_floor := ats[page_size]; END IF;

  FOR rec IN
    SELECT m.id, m.at, m.is_account FROM (
      (SELECT a.id, a."lastActivityAt" AS at, true AS is_account FROM target_accounts a
        WHERE a."assignedToId" = user_id AND a."eventId" = event_id AND a."lastActivityAt" IS NOT NULL ORDER BY a."lastActivityAt" DESC NULLS LAST)
      UNION ALL
      (SELECT p.id, p."lastActivityAt" AS at, false AS is_account FROM people p
        WHERE p."assignedToId" = user_id AND p."eventId" = event_id AND p."lastActivityAt" IS NOT NULL ORDER BY p."lastActivityAt" DESC NULLS LAST)
    ) m ORDER BY m.at DESC NULLS LAST
  LOOP
    EXIT WHEN page_floor IS NOT NULL AND rec.at < page_floor;
    IF rec.is_account THEN
      SELECT array_agg(t.id), array_agg(t."createdAt") INTO more_ids, more_ats
        FROM (SELECT t.id, t."createdAt" FROM activities t
               WHERE t."accountId" = rec.id AND t."eventId" = event_id AND (page_floor IS NULL OR t."createdAt" >= page_floor)
               ORDER BY t."createdAt" DESC, t.id DESC LIMIT page_size) t;
    ELSE
      SELECT array_agg(t.id), array_agg(t."createdAt") INTO more_ids, more_ats
        FROM (SELECT t.id, t."createdAt" FROM activities t
               WHERE t."personId" = rec.id AND t."eventId" = event_id AND (page_floor IS NULL OR t."createdAt" >= page_floor)
               ORDER BY t."createdAt" DESC, t.id DESC LIMIT page_size) t;
    END IF;
    CONTINUE WHEN more_ids IS NULL;
    -- The page so far and this record's activities, one page of them (an activity on the rep's
    -- account and person, or done by the rep, is found more than once).
    SELECT array_agg(u.id ORDER BY u.at DESC, u.id DESC), array_agg(u.at ORDER BY u.at DESC, u.id DESC) INTO ids, ats
      FROM (SELECT DISTINCT u.id, u.at FROM unnest(ids || more_ids, ats || more_ats) u(id, at) ORDER BY u.at DESC, u.id DESC LIMIT page_size) u;
    IF cardinality(ids) >= page_size THEN page_floor := ats[page_size]; END IF;
  END LOOP;
  RETURN QUERY SELECT u.id, u.at FROM unnest(ids, ats) u(id, at);
END
$fn$;

-- Backfill: before this, one writer could move the column back (fixed in round 20) and tests or
-- tools could insert activities without it.
SELECT rollup_rebuild_last_activity(id) FROM events;
