-- AlterTable
ALTER TABLE "email_events" ADD COLUMN     "accountId" TEXT,
ADD COLUMN     "eventId" TEXT;

-- CreateIndex
CREATE INDEX "email_events_heatmap_idx" ON "email_events"("eventId", "isMachine", "type", "occurredAt", "accountId");

-- CreateIndex
CREATE INDEX "outreach_event_metrics_idx" ON "outreach"("eventId", "ownerId", "accountId", "status", "sentAt", "repliedAt", "bouncedAt", "openedAt", "clickedAt", "id");

-- CreateIndex
CREATE INDEX "outreach_event_replies_idx" ON "outreach"("eventId", "repliedAt", "accountId");


-- The lists sort "DESC NULLS LAST" (unscored last); a DESC index is NULLS FIRST and cannot serve
-- that order, which made every people page sort all 25,000 people. Prisma's diff ignores the
-- nulls placement (schema.prisma says nulls: "last" for the record), so it is written by hand.
DROP INDEX "target_accounts_eventId_icpScore_idx";
CREATE INDEX "target_accounts_eventId_icpScore_idx" ON "target_accounts"("eventId", "icpScore" DESC NULLS LAST);
DROP INDEX "target_accounts_eventId_lastActivityAt_idx";
CREATE INDEX "target_accounts_eventId_lastActivityAt_idx" ON "target_accounts"("eventId", "lastActivityAt" DESC NULLS LAST);
DROP INDEX "people_eventId_icpScore_idx";
CREATE INDEX "people_eventId_icpScore_idx" ON "people"("eventId", "icpScore" DESC NULLS LAST);

-- email_events.eventId/accountId are copies of the message's, kept by a trigger so no writer can
-- forget them (tracking, webhooks, the seed, tests); existing rows are backfilled here.
CREATE OR REPLACE FUNCTION email_events_fill_from_outreach() RETURNS trigger AS $fn$
BEGIN
  SELECT o."eventId", o."accountId" INTO NEW."eventId", NEW."accountId" FROM "outreach" o WHERE o."id" = NEW."outreachId";
  RETURN NEW;
END
$fn$ LANGUAGE plpgsql;

CREATE TRIGGER email_events_fill_from_outreach
  BEFORE INSERT OR UPDATE OF "outreachId" ON "email_events"
  FOR EACH ROW EXECUTE FUNCTION email_events_fill_from_outreach();

UPDATE "email_events" e SET "eventId" = o."eventId", "accountId" = o."accountId" FROM "outreach" o WHERE o."id" = e."outreachId";
