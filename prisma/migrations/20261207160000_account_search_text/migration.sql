-- The accounts search reads name, domain and industry as one text, split by U+001F (a character no
-- one types, so a term never matches across two of them), through one trigram index
-- (src/server/accounts/service.ts, ACCOUNT_SEARCH_TEXT; the expression must stay the same there).
-- With three ORed ILIKEs, PostgreSQL guessed 6,062 matches for "supply" at the xl dataset (2,800
-- match) and read the table in order, three patterns per row: 27 ms for the page and its count,
-- 15 ms now; "dist" 10.8 → 5.1 ms (docs/PERFORMANCE.md, "Issue 17, round 18"). The name and
-- domain trigram indexes stay (global search reads them); the industry one served only this
-- search and goes. An expression index: schema.prisma cannot declare it, as with
-- outreach_event_subject_idx.

-- DropIndex
DROP INDEX "target_accounts_industry_trgm_idx";

-- CreateIndex
CREATE INDEX "target_accounts_search_trgm_idx" ON "target_accounts" USING GIN (("name" || E'\x1f' || coalesce("domain", '') || E'\x1f' || coalesce("industry", '')) gin_trgm_ops);

-- The planner's statistics for the new expression: without them its guesses for a search are a
-- default until autovacuum next analyzes the table (a sample of the table; well under a second at 50,000 accounts).
ANALYZE "target_accounts";
