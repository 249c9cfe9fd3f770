-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('LEGITIMATE_INTEREST', 'CONSENT', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('IMPORT', 'BOOTH', 'MANUAL', 'BOOKING', 'RESEARCH');

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "outreachReason" TEXT;

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "dataSource" "DataSource" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "lawfulBasis" "LawfulBasis" NOT NULL DEFAULT 'LEGITIMATE_INTEREST',
ADD COLUMN     "sourcedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "erasure_tombstones" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "erasedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erasure_tombstones_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "erasure_tombstones_hash_key" ON "erasure_tombstones"("hash");

-- Backfill: where existing people came from (their free-text source) and when.
UPDATE "people" SET
  "dataSource" = (CASE
    WHEN "source" IN ('csv-import', 'import') THEN 'IMPORT'
    WHEN "source" = 'booth' THEN 'BOOTH'
    WHEN "source" = 'booking' THEN 'BOOKING'
    WHEN "source" IN ('research', 'seed') THEN 'RESEARCH'
    ELSE 'MANUAL'
  END)::"DataSource",
  "sourcedAt" = "createdAt";
