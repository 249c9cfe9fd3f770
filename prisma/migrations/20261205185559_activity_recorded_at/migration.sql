-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT clock_timestamp();

-- CreateIndex
CREATE INDEX "activities_eventId_recordedAt_idx" ON "activities"("eventId", "recordedAt" DESC);
