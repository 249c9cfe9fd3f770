-- The Outreach page's queue size, the event's or one rep's, counted up to 1,000 from this index
-- alone (src/server/outreach/stats.ts, queuedUpTo). Counted whole through the status index it
-- read 47,040 entries at the xl dataset, and a rep's count read every queued message of the
-- event, the owner being that index's last column (docs/PERFORMANCE.md, "Issue 17, round 18").

-- CreateIndex
CREATE INDEX "outreach_queue_idx" ON "outreach"("eventId", "ownerId") WHERE status = 'QUEUED';
