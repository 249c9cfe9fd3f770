-- The research queue (research/service.ts) sorted every account of the event by tier, ICP score
-- and name on each page, and counted every candidate (296 ms for the page at the xl dataset;
-- docs/PERFORMANCE.md, "Issue 17, round 17"). Its first page is now this index's first rows whose
-- dossier is missing or stale, and its total is counted up to the search cap.

-- CreateIndex
CREATE INDEX "target_accounts_research_order_idx" ON "target_accounts"("eventId", "tier", "icpScore" DESC NULLS LAST, "name", "id") WHERE ("deletedAt" IS NULL);
