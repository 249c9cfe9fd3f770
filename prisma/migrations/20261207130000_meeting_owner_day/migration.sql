-- A rep's meetings of one day by status, from the index alone: the booth's first view counts the
-- rep's meetings of the day and picks the last finished ones (docs/PERFORMANCE.md, "Issue 17,
-- round 17"). Replaces (ownerId, scheduledAt), which it begins with.

-- DropIndex
DROP INDEX "meeting_ownerId_scheduledAt_idx";

-- CreateIndex
CREATE INDEX "meeting_owner_day_idx" ON "meeting"("ownerId", "scheduledAt", "status", "eventId");
