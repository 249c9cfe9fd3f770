-- The booth's first view reads a rep's next 5 open and last 3 finished meetings of the day. With
-- only the event's day index and (ownerId, scheduledAt, …) to choose from, PostgreSQL walked the
-- event's whole day and filtered by owner and status: 14 and 20 ms at the xl dataset, where one rep
-- has 3,040 meetings that day. In this order each is one index range (docs/PERFORMANCE.md, "Issue
-- 17, round 18").

-- CreateIndex
CREATE INDEX "meeting_owner_status_day_idx" ON "meeting"("eventId", "ownerId", "status", "scheduledAt", "id");
