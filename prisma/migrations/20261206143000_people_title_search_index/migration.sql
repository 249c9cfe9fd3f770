-- The people list's search reads name, email, title and the account's name. Title had no
-- trigram index, so no index could serve the OR and a search walked the list's order testing
-- every person (docs/PERFORMANCE.md, round 11).

-- CreateIndex
CREATE INDEX "people_title_trgm_idx" ON "people" USING GIN ("title" gin_trgm_ops);
