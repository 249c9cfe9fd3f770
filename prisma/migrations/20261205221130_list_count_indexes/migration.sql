-- The lists' totals and the people list's page from indexes alone (docs/PERFORMANCE.md, the xl
-- dataset): at 50,000 accounts and 250,000 people the totals visited the heap of every matching
-- row (accounts: 6,000 buffers) or scanned every person.

-- CreateIndex
CREATE INDEX "people_list_icp_idx" ON "people"("eventId", "icpScore" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);

-- CreateIndex
CREATE INDEX "target_accounts_list_count_idx" ON "target_accounts"("eventId", "tier", "status") WHERE ("deletedAt" IS NULL);
