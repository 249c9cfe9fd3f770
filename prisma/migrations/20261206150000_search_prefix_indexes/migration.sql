-- Global search's prefix matches ("nor" → "Northwind…", "nora@…") through a btree range scan of
-- the lower-cased column. The trigram indexes serve "contains" well but a 3-letter prefix badly:
-- every row with the trigram anywhere is read and rechecked (5,806 emails for "nor%" at the xl
-- dataset, 52 ms). Expression indexes are not expressible in schema.prisma; the schema engine
-- leaves them alone (tests/integration/migrations.test.ts checks there is no drift).

CREATE INDEX "people_search_name_prefix_idx" ON "people" ("eventId", lower("name") text_pattern_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX "people_search_email_prefix_idx" ON "people" ("eventId", lower("email") text_pattern_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX "target_accounts_search_name_prefix_idx" ON "target_accounts" ("eventId", lower("name") text_pattern_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX "target_accounts_search_domain_prefix_idx" ON "target_accounts" ("eventId", lower("domain") text_pattern_ops) WHERE "deletedAt" IS NULL;
