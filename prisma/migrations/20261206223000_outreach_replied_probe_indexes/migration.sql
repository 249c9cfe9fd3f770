-- The lists' "replied" column and filter (EXISTS a message to this account or person with
-- repliedAt) had no per-owner index. PostgreSQL then hashed every replied message in the
-- database once per accounts page (6,711 rows at the large dataset, 1.4 ms of a 4.6-ms page),
-- and that grows with all the events' replies, not with the page.
CREATE INDEX "outreach_personId_repliedAt_idx" ON "outreach"("personId", "repliedAt");
CREATE INDEX "outreach_accountId_repliedAt_idx" ON "outreach"("accountId", "repliedAt");
