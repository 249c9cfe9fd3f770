-- A sequence's page and the sequences list counted enrollments by status and step through a join
-- with every live person (hashing the event's people: 448 ms for a 20,000-enrollment sequence at
-- the xl dataset; docs/PERFORMANCE.md, "Issue 17, round 17"). Now the counts read the sequence's
-- entries of one index and leave out the few people in the Trash through their own index; the
-- replies by step read only replied sequence messages.

-- DropIndex
DROP INDEX "sequence_enrollments_sequenceId_status_idx";

-- CreateIndex
CREATE INDEX "sequence_enrollments_progress_idx" ON "sequence_enrollments"("sequenceId", "status", "currentStep", "personId");

-- CreateIndex
CREATE INDEX "people_trashed_idx" ON "people"("id") WHERE ("deletedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "outreach_enrollment_replied_idx" ON "outreach"("enrollmentId", "stepNumber") WHERE ("repliedAt" IS NOT NULL AND "enrollmentId" IS NOT NULL);
