import { prisma } from "@/server/db";

/**
 * Removes the subjects no message uses any more from global search's table of each event's
 * distinct subjects (a draft's edited subject, a deleted draft); the triggers only add to it
 * (migration 20261207030000_outreach_subjects says why). Run by the maintenance job. Until then
 * such a subject finds nothing: the search reads the messages behind each subject.
 */
export async function pruneOutreachSubjects(): Promise<number> {
  const [row] = await prisma.$queryRaw<[{ removed: number }]>`SELECT outreach_subjects_prune() AS removed`;
  return row.removed;
}
