-- Global search finds meetings by title (docs/PERFORMANCE.md, round 8): without a trigram index
-- every search scanned the event's meetings (27,674 at the xl dataset, ~100 ms).

-- CreateIndex
CREATE INDEX "meeting_title_trgm_idx" ON "meeting" USING GIN ("title" gin_trgm_ops);
