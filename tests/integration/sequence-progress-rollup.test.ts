import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { createPerson, createPersonBody, deletePerson } from "@/server/people/service";
import { restoreDeletion } from "@/server/trash/service";
import { markReplied } from "@/server/tracking/events";
import {
  changeEnrollmentStatus, changeSequenceStatus, compactSequenceProgress, createSequence, createSequenceBody, enrollPeople, updateSequence, updateSequenceBody,
} from "@/server/sequences/service";
import { actorFor, createEvent, createUser } from "../helpers/factories";
import { expectProgressEqualsRecount } from "../helpers/sequence-progress";
import { runSteps, runTrashStep, TRASH_STEPS } from "../helpers/property-steps";

/**
 * A sequence's progress (the sequence page and the sequences list) is read from
 * rollup_sequence_enrollments, an append-only table of deltas kept by triggers and compacted by
 * the maintenance job, less the enrollments of people in the Trash. After any mix of enrollments,
 * engine steps, replies, pauses and resumes, steps appended, people trashed, restored, purged and
 * erased, and compactions at any point, it equals the count of the rows themselves.
 *
 * The engine's steps are written here as the engine writes them (the message with its enrollment,
 * step and step number; the enrollment one step further, COMPLETED after the last) rather than by
 * running it: the engine works on every due enrollment of the database, and other test files run
 * theirs beside this one. Its real concurrent runs are checked in sequences-engine.test.ts.
 * Everything happens in 2031, when nothing of theirs is due.
 */
const NOW = new Date("2031-03-03T15:00:00Z");
const KINDS = ["person.create", "enroll", "step", "step", "reply", "pause", "resume", ...TRASH_STEPS, "sequence.add_step", "compact"] as const;
type Op = { kind: (typeof KINDS)[number]; a: number; b: number };
type World = { actor: Actor; sequenceId: string; people: string[]; deletions: string[]; serial: number };

let admin: { id: string };
beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
});

const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

async function newWorld(): Promise<World> {
  const event = await createEvent({ timeZone: "America/New_York" });
  const actor = await actorFor(admin, event.id);
  // The first step waits a day, so enrolling queues no batch job for "now".
  const sequence = await createSequence(createSequenceBody.parse({
    name: `Progress ${randomUUID().slice(0, 6)}`,
    steps: [{ delayDays: 1, channel: "EMAIL", subject: "Hello", body: "Step one" }, { delayDays: 2, channel: "EMAIL", subject: "Again", body: "Step two" }],
  }), actor);
  await changeSequenceStatus(sequence.id, "activate", actor);
  const w: World = { actor, sequenceId: sequence.id, people: [], deletions: [], serial: 0 };
  for (let i = 0; i < 3; i++) await run(w, { kind: "person.create", a: i, b: i });
  return w;
}

/** One step of one enrollment, written as the engine writes it (sequences/engine.ts), in one transaction. */
async function engineStep(w: World, n: number) {
  const due = await prisma.sequenceEnrollment.findMany({ where: { sequenceId: w.sequenceId, status: "ACTIVE" }, orderBy: { id: "asc" }, select: { id: true, personId: true, accountId: true, ownerId: true, currentStep: true } });
  const e = pick(due, n);
  if (!e) return;
  const steps = await prisma.sequenceStep.findMany({ where: { sequenceId: w.sequenceId }, orderBy: { order: "asc" } });
  const step = steps[e.currentStep];
  if (!step) return;
  const sentAt = new Date(NOW.getTime() + n * 60_000);
  await prisma.$transaction(async (tx) => {
    await tx.outreach.create({
      data: {
        eventId: w.actor.eventId, personId: e.personId, accountId: e.accountId, ownerId: e.ownerId ?? admin.id, enrollmentId: e.id, sequenceStepId: step.id, stepNumber: step.order,
        channel: "EMAIL", subject: step.subject ?? "", message: step.body ?? "", status: "SENT", sentAt,
      },
    });
    const last = e.currentStep + 1 >= steps.length;
    await tx.sequenceEnrollment.update({
      where: { id: e.id },
      data: { currentStep: e.currentStep + 1, lastStepAt: sentAt, ...(last ? { status: "COMPLETED", completedAt: sentAt, nextStepAt: null } : { nextStepAt: new Date(sentAt.getTime() + 2 * 86_400_000) }) },
    });
  });
}

async function run(w: World, op: Op): Promise<void> {
  const { actor } = w;
  const person = pick(w.people, op.a);
  const n = ++w.serial;
  switch (op.kind) {
    case "person.create": {
      const created = await createPerson(createPersonBody.parse({ firstName: "Robin", lastName: `Steps ${n}`, email: `robin-${n}-${randomUUID().slice(0, 8)}@prospect.test` }), actor);
      w.people.push(created.id);
      return;
    }
    case "enroll":
      if (w.people.length) await enrollPeople(w.sequenceId, { personIds: w.people.slice(op.a % w.people.length, (op.a % w.people.length) + 1 + (op.b % 3)) }, actor, NOW);
      return;
    case "step":
      return engineStep(w, op.b);
    case "reply": {
      const sent = await prisma.outreach.findMany({ where: { enrollment: { sequenceId: w.sequenceId }, repliedAt: null, sentAt: { not: null } }, orderBy: { id: "asc" }, select: { id: true } });
      const message = pick(sent, op.b);
      if (message) await markReplied(message.id, { repliedAt: new Date(NOW.getTime() + 86_400_000).toISOString() }, actor);
      return;
    }
    case "pause":
    case "resume": {
      const enrollments = await prisma.sequenceEnrollment.findMany({ where: { sequenceId: w.sequenceId }, orderBy: { id: "asc" }, select: { id: true } });
      const e = pick(enrollments, op.b);
      if (e) await changeEnrollmentStatus(e.id, op.kind, actor, NOW);
      return;
    }
    case "person.delete":
    case "trash.restore":
    case "trash.purge":
    case "person.erase":
      return runTrashStep(op.kind, actor, { person, deletion: pick(w.deletions, op.b), deletions: w.deletions });
    case "sequence.add_step": {
      const steps = await prisma.sequenceStep.findMany({ where: { sequenceId: w.sequenceId }, orderBy: { order: "asc" }, select: { delayDays: true, channel: true, subject: true, body: true } });
      if (steps.length >= 4) return;
      const body = [...steps, { delayDays: 3, channel: "EMAIL", subject: `Step ${steps.length + 1}`, body: "One more" }].map((s) => ({ delayDays: s.delayDays, channel: s.channel, subject: s.subject, body: s.body }));
      await updateSequence(w.sequenceId, updateSequenceBody.parse({ steps: body }), actor);
      return;
    }
    case "compact": {
      await compactSequenceProgress();
      // After a compaction each key of the sequence is one row.
      const [rows] = await prisma.$queryRaw<[{ rows: number; keys: number }]>`
        SELECT count(*)::int AS rows, count(DISTINCT (status, "currentStep"))::int AS keys FROM rollup_sequence_enrollments WHERE "sequenceId" = ${w.sequenceId}`;
      expect(rows.rows).toBe(rows.keys);
      return;
    }
  }
}

describe("sequence progress from the rollup", () => {
  it("equals the count of the rows after any mix of enrollments, steps, replies, pauses, trash and compactions", async () => {
    const op = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(50), b: fc.nat(1000) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 24 }), async (ops) => {
        const w = await newWorld();
        await runSteps(w, ops, run);
        await expectProgressEqualsRecount(w.sequenceId, w.actor);
        await prisma.sequence.update({ where: { id: w.sequenceId }, data: { status: "ARCHIVED" } });
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it("counts a sequence's deltas as one row per key after the maintenance job's compaction, and enrollments stopped by the Trash under their new status", async () => {
    const w = await newWorld();
    await run(w, { kind: "enroll", a: 0, b: 2 });
    for (let i = 0; i < 4; i++) await engineStep(w, i);
    const before = await prisma.rollupSequenceEnrollments.count({ where: { sequenceId: w.sequenceId } });
    expect(before).toBeGreaterThan(3);
    await expectProgressEqualsRecount(w.sequenceId, w.actor);
    expect(await compactSequenceProgress()).toBeGreaterThan(0);
    expect(await prisma.rollupSequenceEnrollments.count({ where: { sequenceId: w.sequenceId } })).toBeLessThan(before);
    await expectProgressEqualsRecount(w.sequenceId, w.actor);
    // A trashed person's enrollments leave the counts at once, and come back on restore.
    const deletion = (await deletePerson(w.people[0]!, w.actor)).deletionId;
    await expectProgressEqualsRecount(w.sequenceId, w.actor);
    await restoreDeletion(deletion, w.actor);
    await expectProgressEqualsRecount(w.sequenceId, w.actor);
    await prisma.sequence.update({ where: { id: w.sequenceId }, data: { status: "ARCHIVED" } });
  });
});
