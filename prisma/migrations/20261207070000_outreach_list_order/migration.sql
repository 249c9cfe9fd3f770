-- The Outreach page's order: unsent messages first, then the newest sent, then the newest written
-- (outreach/service.ts, listOutreach). Its first page is the first rows of these indexes, for all
-- messages and for one status; without them the event's messages were sorted on every page (741 ms
-- cold at a million, docs/PERFORMANCE.md "Issue 17, round 17"). The second replaces the
-- (eventId, status) index, which it begins with; with the owner last it also counts the queue by
-- owner (the Outreach page's stats) without visiting the messages.

-- CreateIndex
CREATE INDEX "outreach_list_order_idx" ON "outreach"("eventId", "sentAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "outreach_status_list_order_idx" ON "outreach"("eventId", "status", "sentAt" DESC, "createdAt" DESC, "id" DESC, "ownerId");

-- DropIndex
DROP INDEX "outreach_eventId_status_idx";
