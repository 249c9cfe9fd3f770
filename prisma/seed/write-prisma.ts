/**
 * Demo-scale writer: typed Prisma createMany calls in one interactive transaction, so the
 * compiler checks every generated row against the schema and a failure leaves nothing behind.
 */
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Dataset } from "./types";

const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function writeWithPrisma(prisma: PrismaClient, data: Dataset): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      // Parents before children (same order as TABLE_ORDER in types.ts).
      await inChunks(data.users, (rows) => tx.user.createMany({ data: rows }));
      await inChunks(data.events, (rows) => tx.event.createMany({ data: rows }));
      await inChunks(data.accounts, (rows) => tx.targetAccount.createMany({ data: rows }));
      await inChunks(data.people, (rows) => tx.person.createMany({ data: rows }));
      await inChunks(data.dossiers, (rows) => tx.companyDossier.createMany({ data: rows }));
      await inChunks(data.insights, (rows) => tx.insight.createMany({ data: rows }));
      await inChunks(data.templates, (rows) => tx.emailTemplate.createMany({ data: rows }));
      await inChunks(data.campaigns, (rows) => tx.campaign.createMany({ data: rows }));
      await inChunks(data.sequences, (rows) => tx.sequence.createMany({ data: rows }));
      await inChunks(data.sequenceSteps, (rows) => tx.sequenceStep.createMany({ data: rows }));
      await inChunks(data.enrollments, (rows) => tx.sequenceEnrollment.createMany({ data: rows }));
      await inChunks(data.outreach, (rows) => tx.outreach.createMany({ data: rows }));
      await inChunks(data.emailEvents, (rows) => tx.emailEvent.createMany({ data: rows }));
      await inChunks(data.meetings, (rows) => tx.meeting.createMany({ data: rows }));
      await inChunks(data.suppressions, (rows) => tx.suppression.createMany({ data: rows }));
      await inChunks(data.activities, (rows) => tx.activity.createMany({ data: rows }));
      await inChunks(data.availability, (rows) => tx.availabilityWindow.createMany({ data: rows }));
    },
    { maxWait: 30_000, timeout: 5 * 60_000 },
  );
}
