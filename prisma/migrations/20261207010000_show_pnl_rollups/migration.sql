-- CreateTable
CREATE TABLE "rollup_lead_state" (
    "eventId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "live" BOOLEAN NOT NULL,
    "booth" INTEGER NOT NULL DEFAULT 0,
    "replied" INTEGER NOT NULL DEFAULT 0,
    "met" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_lead_state_pkey" PRIMARY KEY ("eventId","personId")
);

-- CreateTable
CREATE TABLE "rollup_show_accounts" (
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "leads" INTEGER NOT NULL,
    "meetings" INTEGER NOT NULL,

    CONSTRAINT "rollup_show_accounts_pkey" PRIMARY KEY ("eventId","accountId")
);

-- CreateIndex
CREATE INDEX "rollup_lead_state_personId_idx" ON "rollup_lead_state"("personId");

-- CreateIndex
CREATE INDEX "target_accounts_opportunities_idx" ON "target_accounts"("eventId") WHERE (("opportunityStage" IS NOT NULL) AND ("deletedAt" IS NULL));

-- ---------------------------------------------------------------------------------------------
-- The show P&L's leads and meetings per account, kept by triggers like the other rollups
-- (migration 20261205230000_event_rollups explains why triggers and how the deltas work).
--
-- A lead of an event is a person captured at its booth (people.source = 'booth'), who replied to
-- its outreach, or who had one of its meetings that was not cancelled; counted once, under the
-- person's account ('' = none), while the person is out of the Trash. Scanning those three sources
-- and joining 250,000 people took the P&L ~1 s at the xl dataset (docs/PERFORMANCE.md).
--
-- rollup_lead_state keeps, per (event, person), how many of each source there are and a copy of
-- the person's account and liveness; its own trigger turns "became / stopped being a lead" into
-- rollup_show_accounts.leads. Meetings go straight to rollup_show_accounts.meetings.
-- Every source joins events: rows whose event is being deleted count nowhere (the event's delete
-- trigger below clears its rows first).
-- ---------------------------------------------------------------------------------------------

-- rollup_lead_state → rollup_show_accounts.leads.
CREATE FUNCTION rollup_on_lead_state() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($q$
    INSERT INTO rollup_show_accounts AS t ("eventId", "accountId", leads, meetings)
    SELECT c."eventId", c."accountId", sum(c.sign), 0
    FROM (%s) c WHERE c.live AND (c.booth > 0 OR c.replied > 0 OR c.met > 0)
    GROUP BY 1, 2 HAVING sum(c.sign) <> 0 ORDER BY 1, 2
    ON CONFLICT ("eventId", "accountId") DO UPDATE SET leads = t.leads + excluded.leads
  $q$, rollup_changes(TG_OP));
  RETURN NULL;
END
$fn$;

-- Upserts one of the lead state's counters (`counter`) from `source`'s rows (sign, "eventId", the
-- person's id in column `person`) that pass `counted`. A new state row copies the person's
-- account and Trash state.
CREATE FUNCTION rollup_lead_state_sql(source text, person text, counted text, counter text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO rollup_lead_state AS t ("eventId", "personId", "accountId", live, %4$I)
    SELECT c."eventId", c.%2$I, coalesce(p."accountId", ''), coalesce(p."deletedAt" IS NULL, false), sum(c.sign)
    FROM (%1$s) c JOIN events e ON e.id = c."eventId" LEFT JOIN people p ON p.id = c.%2$I
    WHERE %3$s
    GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 ORDER BY 1, 2
    ON CONFLICT ("eventId", "personId") DO UPDATE SET %4$I = t.%4$I + excluded.%4$I
  $q$, source, person, counted, counter)
$$;

-- people → their lead state: the account and liveness copied on every change, booth captures counted.
CREATE FUNCTION rollup_leads_on_people() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE rollup_lead_state s SET live = false FROM old_rows o WHERE s."personId" = o.id AND s.live;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE rollup_lead_state s SET "accountId" = coalesce(n."accountId", ''), live = n."deletedAt" IS NULL
    FROM new_rows n
    WHERE s."personId" = n.id AND (s."accountId", s.live) IS DISTINCT FROM (coalesce(n."accountId", ''), n."deletedAt" IS NULL);
  END IF;
  EXECUTE rollup_lead_state_sql(rollup_changes(TG_OP), 'id', $c$c.source = 'booth'$c$, 'booth');
  RETURN NULL;
END
$fn$;

-- outreach → replies in the lead state.
CREATE FUNCTION rollup_leads_on_outreach() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE rollup_lead_state_sql(rollup_changes(TG_OP), 'personId', $c$c."repliedAt" IS NOT NULL$c$, 'replied');
  RETURN NULL;
END
$fn$;

-- meeting → meetings in the lead state and per account.
CREATE FUNCTION rollup_leads_on_meetings() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  source text := rollup_changes(TG_OP);
BEGIN
  EXECUTE rollup_lead_state_sql(source, 'personId', $c$c.status <> 'CANCELLED'$c$, 'met');
  EXECUTE format($q$
    INSERT INTO rollup_show_accounts AS t ("eventId", "accountId", leads, meetings)
    SELECT c."eventId", coalesce(c."accountId", ''), 0, sum(c.sign)
    FROM (%s) c JOIN events e ON e.id = c."eventId"
    WHERE c.status <> 'CANCELLED'
    GROUP BY 1, 2 HAVING sum(c.sign) <> 0 ORDER BY 1, 2
    ON CONFLICT ("eventId", "accountId") DO UPDATE SET meetings = t.meetings + excluded.meetings
  $q$, source);
  RETURN NULL;
END
$fn$;

-- Each table's three statement triggers, as in migration 20261205230000_event_rollups.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('rollup_lead_state', 'rollup_lead_state', 'rollup_on_lead_state'),
    ('rollup_leads_people', 'people', 'rollup_leads_on_people'),
    ('rollup_leads_outreach', 'outreach', 'rollup_leads_on_outreach'),
    ('rollup_leads_meetings', 'meeting', 'rollup_leads_on_meetings')
  ) AS x(name, tbl, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_insert', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_update', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.name || '_delete', t.tbl, t.fn);
  END LOOP;
END
$$;

-- Rebuilds one event's lead state and show rollup from its rows.
CREATE FUNCTION rollup_rebuild_show(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  -- The state first: its delete trigger takes its leads out of rollup_show_accounts.
  DELETE FROM rollup_lead_state WHERE "eventId" = event_id;
  DELETE FROM rollup_show_accounts WHERE "eventId" = event_id;
  -- The state's insert trigger fills rollup_show_accounts.leads.
  INSERT INTO rollup_lead_state ("eventId", "personId", "accountId", live, booth, replied, met)
  SELECT event_id, x."personId", coalesce(p."accountId", ''), coalesce(p."deletedAt" IS NULL, false), sum(x.booth)::int, sum(x.replied)::int, sum(x.met)::int
  FROM (
    SELECT id AS "personId", 1 AS booth, 0 AS replied, 0 AS met FROM people WHERE "eventId" = event_id AND source = 'booth'
    UNION ALL SELECT "personId", 0, 1, 0 FROM outreach WHERE "eventId" = event_id AND "repliedAt" IS NOT NULL
    UNION ALL SELECT "personId", 0, 0, 1 FROM meeting WHERE "eventId" = event_id AND status <> 'CANCELLED'
  ) x LEFT JOIN people p ON p.id = x."personId"
  GROUP BY 2, 3, 4;
  INSERT INTO rollup_show_accounts AS t ("eventId", "accountId", leads, meetings)
  SELECT event_id, coalesce(m."accountId", ''), 0, count(*)::int
  FROM meeting m WHERE m."eventId" = event_id AND m.status <> 'CANCELLED' GROUP BY 2
  ON CONFLICT ("eventId", "accountId") DO UPDATE SET meetings = t.meetings + excluded.meetings;
END
$fn$;

-- rollup_rebuild_event (the repair tool, and the seed's copy with triggers off) rebuilds these too.
ALTER FUNCTION rollup_rebuild_event(text) RENAME TO rollup_rebuild_counts;
CREATE FUNCTION rollup_rebuild_event(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM rollup_rebuild_counts(event_id);
  PERFORM rollup_rebuild_show(event_id);
END
$fn$;

-- A deleted event takes its rows with it (the state first, as above).
CREATE FUNCTION rollup_show_on_events() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM rollup_lead_state WHERE "eventId" = OLD.id;
  DELETE FROM rollup_show_accounts WHERE "eventId" = OLD.id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER rollup_show_events_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION rollup_show_on_events();

-- Backfill.
SELECT rollup_rebuild_show(id) FROM events;
-- The planner's row counts for the new tables (the P&L joins 25,000 rows of one event at xl).
ANALYZE rollup_lead_state;
ANALYZE rollup_show_accounts;
