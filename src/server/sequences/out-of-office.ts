import { recordActivities } from "@/server/activity/service";
import { prisma } from "@/server/db";

/**
 * Enrollments paused by an out-of-office reply (status PAUSED, stopReason "out_of_office") come
 * back on their own at resumeAt: ACTIVE again, the next step due then at the earliest. The
 * sequence tick calls this before sending; each enrollment is resumed by one conditional update,
 * so two overlapping ticks resume it once. A rep may resume one earlier by hand.
 */
export async function resumeOutOfOffice(now: Date, limit = 500): Promise<number> {
  const due = await prisma.sequenceEnrollment.findMany({
    where: { status: "PAUSED", stopReason: "out_of_office", resumeAt: { lte: now } },
    orderBy: { resumeAt: "asc" },
    take: limit,
    select: { id: true, personId: true, accountId: true, nextStepAt: true, person: { select: { name: true } }, sequence: { select: { id: true, name: true, eventId: true } } },
  });
  if (due.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const resumed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE sequence_enrollments
         SET status = 'ACTIVE', "stopReason" = NULL, "resumeAt" = NULL,
             "nextStepAt" = GREATEST(COALESCE("nextStepAt", (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')), (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')),
             "updatedAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
       WHERE id = ANY(${due.map((e) => e.id)}::text[]) AND status = 'PAUSED' AND "stopReason" = 'out_of_office'
       RETURNING id`;
    const ids = new Set(resumed.map((r) => r.id));
    await recordActivities(due.filter((e) => ids.has(e.id)).map((e) => ({
      type: "sequence.resumed",
      description: `${e.person.name} is back in the office: “${e.sequence.name}” resumed`,
      eventId: e.sequence.eventId, personId: e.personId, accountId: e.accountId, entityType: "sequence_enrollment", entityId: e.id,
      metadata: { sequenceId: e.sequence.id, reason: "out_of_office_over" },
    })), tx);
    return ids.size;
  });
}
