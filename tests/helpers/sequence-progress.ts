import { expect } from "vitest";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { listSequences, sequenceProgress } from "@/server/sequences/service";

const STATUSES = ["ACTIVE", "PAUSED", "COMPLETED", "REPLIED", "STOPPED", "FAILED"] as const;

/**
 * A sequence's progress counted from its rows, the way the service counted it before the rollup
 * (migration 20261207170000_sequence_progress_rollup): the enrollments of people not in the
 * Trash by status and step, and the replied messages of its enrollments by step.
 */
export async function recountSequenceProgress(sequenceId: string) {
  const [counts, replies, steps] = await Promise.all([
    prisma.$queryRaw<{ status: string; currentStep: number; n: number }[]>`
      SELECT e.status::text AS status, e."currentStep", count(*)::int AS n
      FROM sequence_enrollments e JOIN people p ON p.id = e."personId" AND p."deletedAt" IS NULL
      WHERE e."sequenceId" = ${sequenceId} GROUP BY 1, 2`,
    prisma.$queryRaw<{ stepNumber: number; n: number }[]>`
      SELECT o."stepNumber", count(*)::int AS n
      FROM sequence_enrollments e JOIN outreach o ON o."enrollmentId" = e.id AND o."repliedAt" IS NOT NULL
      WHERE e."sequenceId" = ${sequenceId} GROUP BY 1`,
    prisma.sequenceStep.findMany({ where: { sequenceId }, orderBy: { order: "asc" }, select: { order: true, channel: true } }),
  ]);
  const sum = (keep: (c: (typeof counts)[number]) => boolean) => counts.reduce((n, c) => (keep(c) ? n + c.n : n), 0);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s.toLowerCase(), sum((c) => c.status === s)])) as Record<Lowercase<(typeof STATUSES)[number]>, number>;
  return {
    enrolled: sum(() => true),
    ...byStatus,
    funnel: steps.map((s) => ({ step: s.order, channel: s.channel, reached: sum((c) => c.currentStep >= s.order), replies: replies.find((r) => r.stepNumber === s.order)?.n ?? 0 })),
  };
}

/** The sequence page's progress and the sequences list's counts equal the recount. */
export async function expectProgressEqualsRecount(sequenceId: string, actor: Actor) {
  const expected = await recountSequenceProgress(sequenceId);
  expect(await sequenceProgress(sequenceId, actor)).toEqual(expected);
  const listed = (await listSequences(actor)).find((s) => s.id === sequenceId);
  expect(listed && { enrolled: listed.enrolled, active: listed.active, replied: listed.replied, completed: listed.completed })
    .toEqual({ enrolled: expected.enrolled, active: expected.active, replied: expected.replied, completed: expected.completed });
}
