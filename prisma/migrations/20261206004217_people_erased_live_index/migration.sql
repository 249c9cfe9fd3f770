-- The people list's unfiltered total comes from the live-people rollup less the erased people it
-- still counts (src/server/people/service.ts, everyoneTotalSql): this index finds those few
-- without visiting the event's people.

-- CreateIndex
CREATE INDEX "people_erased_live_idx" ON "people"("eventId") WHERE ("erasedAt" IS NOT NULL AND "deletedAt" IS NULL);
