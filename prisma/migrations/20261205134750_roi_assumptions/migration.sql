-- CreateTable
CREATE TABLE "roi_assumptions" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roi_assumptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "roi_assumptions_accountId_key" ON "roi_assumptions"("accountId");

-- AddForeignKey
ALTER TABLE "roi_assumptions" ADD CONSTRAINT "roi_assumptions_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "target_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roi_assumptions" ADD CONSTRAINT "roi_assumptions_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
