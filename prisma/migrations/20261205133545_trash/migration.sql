/*
  Warnings:

  - A unique constraint covering the columns `[eventId,email]` on the table `people` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[eventId,domain]` on the table `target_accounts` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "people_eventId_email_key";

-- DropIndex
DROP INDEX "target_accounts_eventId_domain_key";

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "deletionId" TEXT;

-- AlterTable
ALTER TABLE "target_accounts" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "deletionId" TEXT;

-- CreateTable
CREATE TABLE "deletions" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "deletedById" TEXT,
    "label" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,
    "undo" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredAt" TIMESTAMP(3),
    "restoredById" TEXT,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "deletions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deletions_eventId_createdAt_idx" ON "deletions"("eventId", "createdAt");

-- CreateIndex
CREATE INDEX "deletions_createdAt_idx" ON "deletions"("createdAt");

-- CreateIndex
CREATE INDEX "people_deletionId_idx" ON "people"("deletionId");

-- CreateIndex
CREATE UNIQUE INDEX "people_eventId_email_key" ON "people"("eventId", "email") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "target_accounts_deletionId_idx" ON "target_accounts"("deletionId");

-- CreateIndex
CREATE UNIQUE INDEX "target_accounts_eventId_domain_key" ON "target_accounts"("eventId", "domain") WHERE ("deletedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "target_accounts" ADD CONSTRAINT "target_accounts_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_accounts" ADD CONSTRAINT "target_accounts_deletionId_fkey" FOREIGN KEY ("deletionId") REFERENCES "deletions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_deletionId_fkey" FOREIGN KEY ("deletionId") REFERENCES "deletions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletions" ADD CONSTRAINT "deletions_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletions" ADD CONSTRAINT "deletions_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
