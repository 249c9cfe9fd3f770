-- An import's undo data, one row per committed batch (issue 17, round 24). Every batch used to
-- append its part to one JSON document on the job, so PostgreSQL read, rebuilt and compressed the
-- whole growing document in each batch: 0.66 s of a 5,000-row import.
CREATE TABLE "import_undo_batches" (
    "jobId" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "undo" JSONB NOT NULL,

    CONSTRAINT "import_undo_batches_pkey" PRIMARY KEY ("jobId","batch")
);

ALTER TABLE "import_undo_batches" ADD CONSTRAINT "import_undo_batches_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The existing jobs' documents have the shape of one batch's: they become their job's batch 0.
INSERT INTO "import_undo_batches" ("jobId", "batch", "undo")
SELECT "id", 0, "undoData" FROM "import_jobs" WHERE "undoData" IS NOT NULL;

ALTER TABLE "import_jobs" DROP COLUMN "undoData";

-- Live people whose stored address has capitals: an import asks once whether its event has any
-- (to match addresses exactly or case-folded), and without this index it read every person.
CREATE INDEX "people_mixed_case_email_idx" ON "people"("eventId") WHERE (email <> lower(email) AND "deletedAt" IS NULL);
