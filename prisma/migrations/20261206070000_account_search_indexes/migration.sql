-- The accounts list's search without a scan of the event's accounts (docs/PERFORMANCE.md, round 8):
-- the search reads name, domain and industry, and industry had no trigram index; a search sorted
-- by name walks the name index and stops at the page's end.

-- CreateIndex
CREATE INDEX "target_accounts_industry_trgm_idx" ON "target_accounts" USING GIN ("industry" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "target_accounts_list_name_idx" ON "target_accounts"("eventId", "name", "id") WHERE ("deletedAt" IS NULL);
