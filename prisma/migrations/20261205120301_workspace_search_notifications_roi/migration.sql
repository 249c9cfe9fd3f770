-- CreateEnum
CREATE TYPE "DigestMode" AS ENUM ('OFF', 'IMMEDIATE', 'DAILY');

-- CreateEnum
CREATE TYPE "EventCostCategory" AS ENUM ('BOOTH_SPACE', 'BUILD', 'TRAVEL', 'SPONSORSHIP', 'OTHER');

-- CreateEnum
CREATE TYPE "OpportunityStage" AS ENUM ('QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST');

-- AlterTable
ALTER TABLE "insights" ADD COLUMN     "citation" TEXT;

-- AlterTable
ALTER TABLE "target_accounts" ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "expectedCloseDate" DATE,
ADD COLUMN     "opportunityAmount" INTEGER,
ADD COLUMN     "opportunityOpenedAt" TIMESTAMP(3),
ADD COLUMN     "opportunityStage" "OpportunityStage";

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "lastDigestAt" TIMESTAMP(3),
ADD COLUMN     "notificationDigest" "DigestMode" NOT NULL DEFAULT 'DAILY';

-- CreateTable
CREATE TABLE "event_costs" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "category" "EventCostCategory" NOT NULL,
    "amount" INTEGER NOT NULL,
    "description" TEXT,
    "createdById" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "event_costs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "href" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_costs_eventId_idx" ON "event_costs"("eventId");

-- CreateIndex
CREATE INDEX "notifications_userId_createdAt_idx" ON "notifications"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_idx" ON "notifications"("userId", "readAt");

-- CreateIndex
CREATE INDEX "notifications_emailedAt_createdAt_idx" ON "notifications"("emailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_userId_dedupeKey_key" ON "notifications"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "outreach_subject_trgm_idx" ON "outreach" USING GIN ("subject" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "people_email_trgm_idx" ON "people" USING GIN ("email" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "event_costs" ADD CONSTRAINT "event_costs_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_costs" ADD CONSTRAINT "event_costs_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
