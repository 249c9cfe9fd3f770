-- "My day" on the dashboard (dashboard/my-day.ts) read a rep's whole log and whole outbox at the xl
-- dataset: walk-ups 1.1 s, hot accounts 0.5–0.7 s, replies 53 ms (docs/PERFORMANCE.md, "Issue 17,
-- round 17"). Each index holds only the rows its question is about.

-- CreateIndex
CREATE INDEX "outreach_owner_replied_idx" ON "outreach"("ownerId", "repliedAt" DESC) WHERE ("repliedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "outreach_owner_opened_idx" ON "outreach"("ownerId", "openedAt") WHERE ("openedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "outreach_owner_clicked_idx" ON "outreach"("ownerId", "clickedAt") WHERE ("clickedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "activities_lead_captures_idx" ON "activities"("eventId", "actorId", "createdAt" DESC) WHERE (type = 'lead.captured');
