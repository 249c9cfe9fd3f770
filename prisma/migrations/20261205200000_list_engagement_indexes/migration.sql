-- The lists' engagement probes (contacted, meeting booked, last touched) per row of a page:
-- index-only, newest first, instead of a skip scan of the metrics index or a heap filter.
-- The new indexes lead with the same column, so they also serve the foreign-key lookups the
-- dropped single-column indexes served.

-- DropIndex
DROP INDEX "outreach_personId_idx";

-- DropIndex
DROP INDEX "outreach_accountId_idx";

-- DropIndex
DROP INDEX "meeting_personId_idx";

-- DropIndex
DROP INDEX "meeting_accountId_idx";

-- CreateIndex
CREATE INDEX "outreach_personId_sentAt_idx" ON "outreach"("personId", "sentAt");

-- CreateIndex
CREATE INDEX "outreach_accountId_sentAt_idx" ON "outreach"("accountId", "sentAt");

-- CreateIndex
CREATE INDEX "meeting_personId_status_createdAt_idx" ON "meeting"("personId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "meeting_accountId_status_createdAt_idx" ON "meeting"("accountId", "status", "createdAt");
