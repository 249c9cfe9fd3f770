-- A rep's own activities in an event, newest first: the dashboard feed of a rep with few records
-- of their own reads them from here (src/server/activity/feed.ts).
CREATE INDEX "activities_eventId_actorId_createdAt_idx" ON "activities"("eventId", "actorId", "createdAt" DESC);
