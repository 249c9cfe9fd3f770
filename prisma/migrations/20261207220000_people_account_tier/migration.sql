-- ---------------------------------------------------------------------------------------------
-- A person's account's tier, on the person (docs/PERFORMANCE.md, "Issue 17, round 23").
--
-- The people list's tier chip filtered each person through their account. In ICP order the page
-- walked people by score and read each one's account: tier C holds the low scores, so its page
-- passed most of the A and B people first (263 ms at the xl dataset; tier A 6.5 ms). With the tier
-- on the person, one index serves a tier in ICP order.
--
-- Kept by the database for every writer:
-- - a person written with an account (insert, or a new account) takes the account's tier, in a
--   row trigger before the write (one primary-key lookup);
-- - an account's new tier is written to its people in the same statement.
-- Known gap, as the rollups' (migration 20261205230000_event_rollups): a tier change committed
-- while another transaction adds a person to the same account can leave that person under the
-- old tier. The repair is rollup_rebuild_event. Locking the account for every person written
-- would make writers of one account wait on each other, which the rollups ruled out.
--
-- Named rollup_* so that the xl seed's copy turns them off with the rollups and
-- rollup_rebuild_event repairs the column after (rollup_rebuild_people_tier).
-- ---------------------------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "people" ADD COLUMN "accountTier" "Tier";

CREATE FUNCTION rollup_person_account_tier() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."accountTier" := (SELECT a.tier FROM target_accounts a WHERE a.id = NEW."accountId");
  RETURN NEW;
END
$fn$;

-- Also on a write of the column itself, so that no writer can set it to anything but the truth.
CREATE TRIGGER rollup_people_account_tier BEFORE INSERT OR UPDATE OF "accountId", "accountTier" ON people
  FOR EACH ROW EXECUTE FUNCTION rollup_person_account_tier();

CREATE FUNCTION rollup_on_account_tier() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE people p SET "accountTier" = n.tier
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE p."accountId" = n.id AND o.tier IS DISTINCT FROM n.tier AND p."accountTier" IS DISTINCT FROM n.tier;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER rollup_account_tier_update AFTER UPDATE ON target_accounts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_on_account_tier();

-- The repair: every person of the event set from their account, set-based.
CREATE FUNCTION rollup_rebuild_people_tier(event_id text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE people p SET "accountTier" = t.tier
    FROM (SELECT x.id, a.tier FROM people x LEFT JOIN target_accounts a ON a.id = x."accountId" WHERE x."eventId" = event_id) t
   WHERE p.id = t.id AND p."accountTier" IS DISTINCT FROM t.tier;
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
  PERFORM rollup_rebuild_people_tier(event_id);
END
$fn$;

SELECT rollup_rebuild_people_tier(id) FROM events;

-- The people list with a tier chip, in its default order (ICP, highest first).

-- CreateIndex
CREATE INDEX "people_list_tier_icp_idx" ON "people"("eventId", "accountTier", "icpScore" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);
