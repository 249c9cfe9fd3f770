-- CreateEnum
CREATE TYPE "InboundKind" AS ENUM ('REPLY', 'AUTO_REPLY', 'BOUNCE', 'REMOVAL_REQUEST', 'UNMATCHED');

-- AlterTable
ALTER TABLE "outreach" ADD COLUMN     "providerMessageId" TEXT;

-- AlterTable
ALTER TABLE "sequence_enrollments" ADD COLUMN     "resumeAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" "InboundKind" NOT NULL,
    "matchedBy" TEXT,
    "outreachId" TEXT,
    "eventId" TEXT,
    "personId" TEXT,
    "accountId" TEXT,
    "mailboxId" TEXT,
    "messageId" TEXT,
    "fromEmail" TEXT,
    "fromName" TEXT,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "fullText" TEXT,
    "bounceType" TEXT,
    "bounceStatus" TEXT,
    "bounceDetail" TEXT,
    "returnAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "forwardedAt" TIMESTAMP(3),
    "forwardError" TEXT,
    "forwardAttempts" INTEGER NOT NULL DEFAULT 0,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mailboxes" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "label" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 993,
    "secure" BOOLEAN NOT NULL DEFAULT true,
    "username" TEXT NOT NULL,
    "secret" TEXT,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "uidValidity" BIGINT,
    "lastUid" INTEGER NOT NULL DEFAULT 0,
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "createdById" TEXT,
    "disconnectedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mailboxes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_dedupeKey_key" ON "inbound_messages"("dedupeKey");

-- CreateIndex
CREATE INDEX "inbound_messages_outreachId_receivedAt_idx" ON "inbound_messages"("outreachId", "receivedAt");

-- CreateIndex
CREATE INDEX "inbound_messages_personId_receivedAt_idx" ON "inbound_messages"("personId", "receivedAt");

-- CreateIndex
CREATE INDEX "inbound_messages_eventId_kind_readAt_idx" ON "inbound_messages"("eventId", "kind", "readAt");

-- CreateIndex
CREATE INDEX "mailboxes_ownerId_idx" ON "mailboxes"("ownerId");

-- CreateIndex
CREATE INDEX "mailboxes_disconnectedAt_lastSyncAt_idx" ON "mailboxes"("disconnectedAt", "lastSyncAt");

-- CreateIndex
CREATE INDEX "outreach_providerMessageId_idx" ON "outreach"("providerMessageId");

-- CreateIndex
CREATE INDEX "sequence_enrollments_status_resumeAt_idx" ON "sequence_enrollments"("status", "resumeAt");

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_outreachId_fkey" FOREIGN KEY ("outreachId") REFERENCES "outreach"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "mailboxes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
