import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { unknownFields } from "@/lib/merge-fields";
import { listPeopleQuery, peopleWhere } from "@/server/people/service";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { addStepDelay } from "./schedule";
import { addJob, TASKS } from "@/server/jobs/queue";
import { eventScopeField } from "@/server/access/actor";

/**
 * Sequences: the builder, enrollment and progress.
 * - Steps are numbered 1..n; each step's delay counts from the previous step (step 1 from
 *   enrollment). A sequence with enrollments can have its steps edited and new steps appended,
 *   but never removed or reordered: running enrollments keep pointing at "step currentStep + 1".
 * - Only an ACTIVE sequence takes enrollments. A person who is suppressed, has no email (for a
 *   sequence with email steps) or is already ACTIVE/PAUSED in any sequence is skipped, and the
 *   answer says who and why.
 */
const channel = z.enum(["EMAIL", "LINKEDIN", "CALL"]);
const stepInput = z.strictObject({
  delayDays: z.number().int().min(0, "Delay cannot be negative").max(365),
  businessDays: z.boolean().default(false),
  channel: channel.default("EMAIL"),
  templateId: z.string().max(64).nullish(),
  subject: z.string().trim().max(300).nullish(),
  body: z.string().trim().max(20_000).nullish(),
});
export const createSequenceBody = z.strictObject({
  name: z.string().trim().min(1, "Give the sequence a name").max(120),
  description: z.string().trim().max(1000).nullish(),
  pauseAccountOnReply: z.boolean().default(true),
  steps: z.array(stepInput).max(20).default([]),
  ...eventScopeField,
});
export const updateSequenceBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).nullish(),
  pauseAccountOnReply: z.boolean().optional(),
  steps: z.array(stepInput).max(20).optional(),
});
export const sequenceStatusBody = z.strictObject({ action: z.enum(["activate", "pause", "archive"]) });
export const enrollBody = z.strictObject({
  personIds: z.array(z.string().min(1).max(64)).max(2000).optional(),
  accountId: z.string().max(64).optional(),
  savedViewId: z.string().max(64).optional(),
}).refine((b) => (b.personIds?.length ?? 0) > 0 || !!b.accountId || !!b.savedViewId, { message: "Choose people, an account or a saved filter to enroll" });
export const listSequencesQuery = z.object({ ...eventScopeField });

type StepInput = z.infer<typeof stepInput>;
const ownerSelect = { id: true, name: true, email: true } as const;
// People in the Trash leave the enrollment lists and counts (their enrollments were stopped).
const LIVE = { deletedAt: null } as const;

function checkSteps(steps: StepInput[]) {
  steps.forEach((s, i) => {
    // A step naming a field that does not exist would fail for every enrolled person at send time.
    for (const part of ["subject", "body"] as const) {
      const unknown = unknownFields(s[part]);
      if (unknown.length) {
        throw new AppError("validation_error", `Step ${i + 1}: ${unknown.map((f) => `{{${f}}}`).join(", ")} ${unknown.length === 1 ? "is not a merge field" : "are not merge fields"}; pick fields from the list`, [{ path: `steps.${i}.${part}`, message: `Not a merge field: ${unknown.map((f) => `{{${f}}}`).join(", ")}` }]);
      }
    }
    if (s.channel === "EMAIL" && !s.templateId && (!s.subject || !s.body)) {
      throw new AppError("validation_error", `Step ${i + 1}: an email step needs a template, or a subject and a body`, [{ path: `steps.${i}`, message: "Subject and body, or a template" }]);
    }
    if (s.channel !== "EMAIL" && !s.templateId && !s.body) {
      throw new AppError("validation_error", `Step ${i + 1}: describe the task for the rep`, [{ path: `steps.${i}.body`, message: "Instructions for the rep" }]);
    }
  });
}

async function checkTemplates(steps: StepInput[], eventId: string, db: DbTx) {
  const ids = [...new Set(steps.map((s) => s.templateId).filter((v): v is string => !!v))];
  if (ids.length === 0) return;
  const found = await db.emailTemplate.count({ where: { id: { in: ids }, archivedAt: null, OR: [{ eventId }, { eventId: null }] } });
  if (found !== ids.length) throw new AppError("validation_error", "A step refers to a template that does not exist in this event");
}

const stepData = (s: StepInput, order: number) => ({
  order, delayDays: s.delayDays, businessDays: s.businessDays, channel: s.channel, templateId: s.templateId ?? null, subject: s.subject ?? null, body: s.body ?? null,
});

export async function listSequences(actor: Actor, db: DbTx = prisma) {
  const sequences = await db.sequence.findMany({
    where: { eventId: actor.eventId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: { id: true, name: true, description: true, status: true, updatedAt: true, owner: { select: { name: true } }, _count: { select: { steps: true } } },
  });
  const counts = await liveEnrollmentCounts(sequences.map((s) => s.id), db);
  return sequences.map((s) => {
    const mine = counts.filter((c) => c.sequenceId === s.id);
    const count = (status: string) => enrolledWhere(mine, (c) => c.status === status);
    return { ...s, stepCount: s._count.steps, enrolled: enrolledWhere(mine), active: count("ACTIVE"), replied: count("REPLIED"), completed: count("COMPLETED") };
  });
}

export async function getSequenceOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  const sequence = await db.sequence.findUnique({
    where: { id },
    select: {
      id: true, eventId: true, name: true, description: true, status: true, pauseAccountOnReply: true, createdAt: true, updatedAt: true,
      owner: { select: { id: true, name: true } },
      steps: { orderBy: { order: "asc" }, select: { id: true, order: true, delayDays: true, businessDays: true, channel: true, templateId: true, subject: true, body: true, template: { select: { name: true } } } },
    },
  });
  return inActorEvent(actor, "sequence", sequence);
}

export async function createSequence(body: z.infer<typeof createSequenceBody>, actor: Actor) {
  const eventId = actor.eventId;
  checkSteps(body.steps);
  return prisma.$transaction(async (tx) => {
    await checkTemplates(body.steps, eventId, tx);
    const sequence = await tx.sequence.create({
      data: {
        eventId, ownerId: actor.id, name: body.name, description: body.description ?? null, pauseAccountOnReply: body.pauseAccountOnReply,
        steps: { create: body.steps.map((s, i) => stepData(s, i + 1)) },
      },
      select: { id: true, name: true },
    });
    await recordActivity({ type: "sequence.created", description: `Sequence “${sequence.name}” created with ${body.steps.length} steps`, actorId: actor.id, eventId, entityType: "sequence", entityId: sequence.id }, tx);
    return getSequenceOrThrow(sequence.id, actor, tx);
  });
}

export async function updateSequence(id: string, body: z.infer<typeof updateSequenceBody>, actor: Actor) {
  const eventId = actor.eventId;
  const current = await getSequenceOrThrow(id, actor);
  assertCan(actor, "sequence", "edit", ownedBy(current.owner));
  if (current.status === "ARCHIVED") throw new AppError("conflict", "An archived sequence cannot be edited");
  if (body.steps) checkSteps(body.steps);
  return prisma.$transaction(async (tx) => {
    if (body.steps) {
      await checkTemplates(body.steps, eventId, tx);
      const inUse = (await tx.sequenceEnrollment.count({ where: { sequenceId: id } })) > 0;
      if (inUse && body.steps.length < current.steps.length) {
        throw new AppError("conflict", "This sequence has enrollments: its steps can be edited and new ones added, but none removed");
      }
      if (body.steps.length === 0 && current.status === "ACTIVE") throw new AppError("validation_error", "An active sequence needs at least one step");
      await tx.sequenceStep.deleteMany({ where: { sequenceId: id, order: { gt: body.steps.length } } });
      for (const [i, s] of body.steps.entries()) {
        const data = stepData(s, i + 1);
        await tx.sequenceStep.upsert({ where: { sequenceId_order: { sequenceId: id, order: i + 1 } }, create: { sequenceId: id, ...data }, update: data });
      }
      // Enrollments that had finished every step now have more to do: they pick up the new step, due from their last step.
      if (inUse && body.steps.length > current.steps.length) {
        const next = body.steps[current.steps.length];
        const done = await tx.sequenceEnrollment.findMany({ where: { sequenceId: id, status: "COMPLETED", currentStep: current.steps.length }, select: { id: true, lastStepAt: true } });
        for (const e of done) {
          await tx.sequenceEnrollment.update({ where: { id: e.id }, data: { status: "ACTIVE", completedAt: null, nextStepAt: addStepDelay(e.lastStepAt ?? new Date(), next.delayDays, next.businessDays) } });
        }
      }
    }
    await tx.sequence.update({
      where: { id },
      data: { name: body.name, description: body.description === undefined ? undefined : body.description, pauseAccountOnReply: body.pauseAccountOnReply },
    });
    await recordActivity({ type: "sequence.updated", description: `Sequence “${body.name ?? current.name}” updated`, actorId: actor.id, eventId, entityType: "sequence", entityId: id }, tx);
    return getSequenceOrThrow(id, actor, tx);
  });
}

export async function changeSequenceStatus(id: string, action: z.infer<typeof sequenceStatusBody>["action"], actor: Actor) {
  const eventId = actor.eventId;
  const current = await getSequenceOrThrow(id, actor);
  assertCan(actor, "sequence", "changeStatus", ownedBy(current.owner));
  const target = ({ activate: "ACTIVE", pause: "PAUSED", archive: "ARCHIVED" } as const)[action];
  if (current.status === "ARCHIVED") throw new AppError("conflict", "This sequence is archived");
  if (action === "activate") {
    if (current.steps.length === 0) throw new AppError("validation_error", "Add at least one step before activating");
    checkSteps(current.steps.map((s) => ({ ...s, channel: s.channel })));
  }
  return prisma.$transaction(async (tx) => {
    await tx.sequence.update({ where: { id }, data: { status: target } });
    // Archiving ends the running enrollments; pausing only holds them (the engine skips paused sequences).
    if (target === "ARCHIVED") {
      await tx.sequenceEnrollment.updateMany({ where: { sequenceId: id, status: { in: ["ACTIVE", "PAUSED"] } }, data: { status: "STOPPED", stopReason: "sequence_archived", stoppedAt: new Date(), nextStepAt: null } });
    }
    await recordActivity({ type: `sequence.${action === "activate" ? "activated" : action === "pause" ? "paused" : "archived"}`, description: `Sequence “${current.name}” ${target.toLowerCase()}`, actorId: actor.id, eventId, entityType: "sequence", entityId: id }, tx);
    return { id, status: target };
  });
}

type SkipReason = "suppressed" | "already_in_sequence" | "no_email" | "not_found";
export type EnrollResult = { enrolled: { personId: string; name: string }[]; skipped: { personId: string; name: string; reason: SkipReason }[] };

export async function enrollPeople(sequenceId: string, body: z.infer<typeof enrollBody>, actor: Actor, now = new Date()): Promise<EnrollResult> {
  const eventId = actor.eventId;
  const sequence = await getSequenceOrThrow(sequenceId, actor);
  assertCan(actor, "sequence", "enroll", ownedBy(sequence.owner));
  if (sequence.status !== "ACTIVE") throw new AppError("conflict", "Activate the sequence before enrolling people");
  const first = sequence.steps[0];
  const needsEmail = sequence.steps.some((s) => s.channel === "EMAIL");
  const fromView = body.savedViewId ? await savedViewWhere(body.savedViewId, eventId, actor) : null;
  const people = await prisma.person.findMany({
    where: { eventId, deletedAt: null, OR: [...(body.personIds?.length ? [{ id: { in: body.personIds } }] : []), ...(body.accountId ? [{ accountId: body.accountId }] : []), ...(fromView ? [fromView] : [])] },
    select: { id: true, name: true, email: true, accountId: true },
    orderBy: { name: "asc" },
  });
  const result: EnrollResult = { enrolled: [], skipped: [] };
  const found = new Set(people.map((p) => p.id));
  for (const id of body.personIds ?? []) if (!found.has(id)) result.skipped.push({ personId: id, name: "Unknown person", reason: "not_found" });

  const emails = people.map((p) => p.email?.trim().toLowerCase()).filter((e): e is string => !!e);
  const suppressed = new Set((await prisma.suppression.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((s) => s.email));
  const busy = new Set((await prisma.sequenceEnrollment.findMany({ where: { personId: { in: [...found] }, status: { in: ["ACTIVE", "PAUSED"] } }, select: { personId: true } })).map((e) => e.personId));
  const timeZone = actor.event.timeZone;

  await prisma.$transaction(async (tx) => {
    for (const p of people) {
      const email = p.email?.trim().toLowerCase();
      const reason: SkipReason | null = busy.has(p.id) ? "already_in_sequence" : email && suppressed.has(email) ? "suppressed" : needsEmail && !email ? "no_email" : null;
      if (reason) {
        result.skipped.push({ personId: p.id, name: p.name, reason });
        continue;
      }
      const enrollment = await tx.sequenceEnrollment.create({
        data: { sequenceId, personId: p.id, accountId: p.accountId, ownerId: actor.id, enrolledAt: now, nextStepAt: addStepDelay(now, first.delayDays, first.businessDays, timeZone) },
        select: { id: true },
      });
      await recordActivity({ type: "sequence.enrolled", description: `${p.name} enrolled in “${sequence.name}”`, actorId: actor.id, eventId, personId: p.id, accountId: p.accountId, entityType: "sequence_enrollment", entityId: enrollment.id, metadata: { sequenceId } }, tx);
      result.enrolled.push({ personId: p.id, name: p.name });
    }
    // A first step due now goes out within seconds rather than at the next minute's tick: one
    // batch job (deduplicated by its key), committed with the enrollments it works on.
    const dueNow = result.enrolled.length > 0 && first.delayDays === 0;
    if (dueNow) await addJob(TASKS.sequencesBatch, {}, { jobKey: "sequences.batch:after-enroll" }, tx);
  }, { timeout: 60_000 });
  return result;
}

/** A saved people filter (the list's query string) as a where clause; only the caller's own views. */
async function savedViewWhere(id: string, eventId: string, actor: Actor) {
  const view = await prisma.savedView.findFirst({ where: { id, userId: actor.id, scope: "people" }, select: { query: true } });
  if (!view) throw new AppError("not_found", "Saved filter not found");
  const raw = Object.fromEntries(new URLSearchParams(view.query.replace(/^\?/, "")));
  const parsed = listPeopleQuery.safeParse({ ...raw, eventId });
  if (!parsed.success) throw new AppError("validation_error", "That saved filter is no longer valid");
  return peopleWhere(eventId, parsed.data, actor.id);
}

/**
 * Enrollments of live people (not in the Trash) by sequence, status and step: the sequences'
 * deltas in rollup_sequence_enrollments (kept by triggers, compacted by the maintenance job,
 * migration 20261207170000_sequence_progress_rollup), less the enrollments of the people in the
 * Trash (people_trashed_idx), in one statement so both are read from the same snapshot. Counting
 * the enrollments themselves read 20,000 index entries for the largest sequence at the xl
 * dataset, ten times the large one.
 */
function liveEnrollmentCounts(sequenceIds: string[], db: DbTx) {
  return db.$queryRaw<{ sequenceId: string; status: string; currentStep: number; n: number }[]>`
    SELECT k."sequenceId", k.status, k."currentStep", sum(k.n)::int AS n
    FROM (
      SELECT r."sequenceId", r.status, r."currentStep", r.n
      FROM rollup_sequence_enrollments r
      WHERE r."sequenceId" = ANY (${sequenceIds}::text[])
      UNION ALL
      SELECT e."sequenceId", e.status::text, e."currentStep", -1
      FROM people p JOIN sequence_enrollments e ON e."personId" = p.id
      WHERE p."deletedAt" IS NOT NULL AND e."sequenceId" = ANY (${sequenceIds}::text[])
    ) k
    GROUP BY 1, 2, 3 HAVING sum(k.n) <> 0`;
}

/**
 * Folds each sequence's progress deltas into one row per status and step (run by the maintenance
 * job): what liveEnrollmentCounts sums is then the keys plus the deltas written since. Answers
 * with the rows it removed.
 */
export async function compactSequenceProgress(): Promise<number> {
  const [row] = await prisma.$queryRaw<[{ removed: number }]>`SELECT rollup_compact_sequence_enrollments() AS removed`;
  return row.removed;
}

type EnrollmentCount = Awaited<ReturnType<typeof liveEnrollmentCounts>>[number];

/** How many enrollments liveEnrollmentCounts' rows hold (those `keep` picks). */
function enrolledWhere(counts: EnrollmentCount[], keep: (c: EnrollmentCount) => boolean = () => true): number {
  return counts.reduce((n, c) => (keep(c) ? n + c.n : n), 0);
}

/** Per-sequence progress: counts by status and a funnel (how many reached each step). */
export async function sequenceProgress(id: string, actor: Actor, db: DbTx = prisma) {
  const sequence = await getSequenceOrThrow(id, actor, db);
  const [counts, replies] = await Promise.all([
    liveEnrollmentCounts([id], db),
    // Replied messages of the sequence's steps that still belong to an enrollment, from their own
    // partial index (outreach_step_replied_idx). A step's messages are its sequence's enrollments'
    // (the engine writes both), and a step is removed only from a sequence without enrollments.
    db.$queryRaw<{ stepNumber: number; n: number }[]>`
      SELECT o."stepNumber", count(*)::int AS n
      FROM outreach o
      WHERE o."sequenceStepId" = ANY (${sequence.steps.map((s) => s.id)}::text[]) AND o."repliedAt" IS NOT NULL AND o."enrollmentId" IS NOT NULL
      GROUP BY 1`,
  ]);
  const count = (s: string) => enrolledWhere(counts, (c) => c.status === s);
  const funnel = sequence.steps.map((step) => ({
    step: step.order,
    channel: step.channel,
    reached: enrolledWhere(counts, (c) => c.currentStep >= step.order),
    replies: replies.find((r) => r.stepNumber === step.order)?.n ?? 0,
  }));
  return {
    enrolled: enrolledWhere(counts),
    active: count("ACTIVE"), paused: count("PAUSED"), completed: count("COMPLETED"), replied: count("REPLIED"), stopped: count("STOPPED"), failed: count("FAILED"),
    funnel,
  };
}

export async function listEnrollments(sequenceId: string, actor: Actor, db: DbTx = prisma) {
  await getSequenceOrThrow(sequenceId, actor, db);
  return db.sequenceEnrollment.findMany({
    where: { sequenceId, person: LIVE },
    orderBy: [{ status: "asc" }, { nextStepAt: "asc" }],
    take: 200,
    select: {
      id: true, status: true, currentStep: true, nextStepAt: true, lastStepAt: true, stopReason: true, lastError: true, failureCount: true,
      person: { select: { id: true, name: true, title: true } }, account: { select: { id: true, name: true } }, owner: { select: ownerSelect },
    },
  });
}

/** Sequences people can be enrolled in right now (for the enroll pickers). */
export async function activeSequenceOptions(actor: Actor, db: DbTx = prisma) {
  return db.sequence.findMany({ where: { eventId: actor.eventId, status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export const enrollmentActionBody = z.strictObject({ action: z.enum(["pause", "resume"]) });

/**
 * One person's enrollment, by hand: pause it (the engine skips it), or resume a paused or
 * FAILED one — the failure count and error are cleared and a step that fell due meanwhile goes
 * out on the next engine run (the stop checks run then as always). Refused when the address is
 * suppressed or the sequence itself is not active.
 */
export async function changeEnrollmentStatus(id: string, action: z.infer<typeof enrollmentActionBody>["action"], actor: Actor, now = new Date()) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const found = await tx.sequenceEnrollment.findUnique({
      where: { id },
      select: {
        id: true, status: true, nextStepAt: true, personId: true, accountId: true, owner: { select: ownerSelect }, person: { select: { name: true, email: true } },
        sequence: { select: { id: true, name: true, status: true, eventId: true, owner: { select: ownerSelect } } },
      },
    });
    const enrollment = inActorEvent(actor, "enrollment", found && { ...found, eventId: found.sequence.eventId });
    assertCan(actor, "enrollment", "changeStatus", [...ownedBy(enrollment.owner), ...ownedBy(enrollment.sequence.owner)]);
    const who = enrollment.person.name;
    if (action === "pause") {
      if (enrollment.status !== "ACTIVE") throw new AppError("conflict", `Only an active enrollment can be paused (this one is ${enrollment.status.toLowerCase()})`);
      await tx.sequenceEnrollment.update({ where: { id }, data: { status: "PAUSED", stopReason: null, resumeAt: null, claimedBy: null, claimExpiresAt: null } });
    } else {
      if (enrollment.status !== "PAUSED" && enrollment.status !== "FAILED") {
        throw new AppError("conflict", `Only a paused or failed enrollment can be resumed (this one is ${enrollment.status.toLowerCase()})`);
      }
      if (enrollment.sequence.status !== "ACTIVE") throw new AppError("conflict", "Activate the sequence first");
      const email = enrollment.person.email?.trim().toLowerCase();
      if (email && (await tx.suppression.findUnique({ where: { email }, select: { id: true } }))) {
        throw new AppError("conflict", `${email} is on the do-not-email list`);
      }
      const nextStepAt = enrollment.nextStepAt && enrollment.nextStepAt > now ? enrollment.nextStepAt : now;
      await tx.sequenceEnrollment.update({
        where: { id },
        data: { status: "ACTIVE", failureCount: 0, lastError: null, stopReason: null, resumeAt: null, claimedBy: null, claimExpiresAt: null, nextStepAt },
      });
    }
    const verb = action === "pause" ? "paused" : enrollment.status === "FAILED" ? "retried" : "resumed";
    await recordActivity(
      {
        type: `sequence.enrollment_${verb}`, description: `${who}'s enrollment in “${enrollment.sequence.name}” ${verb}`, actorId: actor.id, eventId,
        personId: enrollment.personId, accountId: enrollment.accountId, entityType: "sequence_enrollment", entityId: id, metadata: { sequenceId: enrollment.sequence.id },
      },
      tx,
    );
    return tx.sequenceEnrollment.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, nextStepAt: true, failureCount: true, lastError: true } });
  });
}
