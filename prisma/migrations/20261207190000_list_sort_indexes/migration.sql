-- The people list sorted by name, title, last activity or date added walks an index to its page
-- (docs/PERFORMANCE.md, round 22). Only the ICP order had one: every other order sorted every
-- live person of the event for each page, 95-110 ms at the large dataset (25,000 people) and
-- 350-490 ms at xl (250,000). Partial as people_list_icp_idx, so they match the list's filter.
-- - Name and date added (never empty) serve both directions: scanned backward for descending,
--   the few ties within one name sorted by id as they come.
-- - Title and last activity can be empty, and empty values sort last either way, so one index
--   serves one direction: descending, the first click on a column's header.
-- The accounts list had an index for each of its header's first clicks but three: industry,
-- employees and sites, which sorted every live account (75-150 ms at xl, 50,000 accounts).

-- CreateIndex
CREATE INDEX "people_list_name_idx" ON "people"("eventId", "name", "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);

-- CreateIndex
CREATE INDEX "people_list_title_idx" ON "people"("eventId", "title" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);

-- CreateIndex
CREATE INDEX "people_list_recent_idx" ON "people"("eventId", "lastActivityAt" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);

-- CreateIndex
CREATE INDEX "people_list_created_idx" ON "people"("eventId", "createdAt", "id") WHERE ("deletedAt" IS NULL AND "erasedAt" IS NULL);

-- CreateIndex
CREATE INDEX "target_accounts_list_industry_idx" ON "target_accounts"("eventId", "industry" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "target_accounts_list_employees_idx" ON "target_accounts"("eventId", "employeeCount" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "target_accounts_list_sites_idx" ON "target_accounts"("eventId", "facilityCount" DESC NULLS LAST, "id") WHERE ("deletedAt" IS NULL);
