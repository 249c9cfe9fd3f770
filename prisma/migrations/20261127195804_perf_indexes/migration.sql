-- AlterTable
ALTER TABLE "email_events" ADD COLUMN     "accountId" TEXT,
ADD COLUMN     "eventId" TEXT;

-- CreateIndex
CREATE INDEX "email_events_eventId_occurredAt_idx" ON "email_events"("eventId", "occurredAt");

-- CreateIndex
CREATE INDEX "outreach_event_metrics_idx" ON "outreach"("eventId", "ownerId", "accountId", "status", "sentAt", "repliedAt", "bouncedAt", "openedAt", "clickedAt", "id");

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
