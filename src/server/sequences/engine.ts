import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity, type ActivityInput } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { renderMessage } from "@/lib/merge-fields";
import { mergeFallbacks } from "@/server/seller/profile";
import { getSellerProfile } from "@/server/seller/service";
import { notify } from "@/server/notifications/service";
import { sendOutreachMany, type BatchSendResult } from "@/server/outreach/send";
import { normalizeEmail } from "@/server/suppressions/service";
import { buildMergeContext, buildMergeContexts } from "@/server/templates/service";
import { MAX_STEP_FAILURES, addStepDelay, failureBackoffMs } from "./schedule";

/**
 * The sequence engine: sends the steps that are due, exactly once.
 * - Claiming: a run claims a batch with `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`
 *   setting claimedBy/claimExpiresAt; overlapping runs skip locked and claimed rows. A run that
 *   dies leaves its claim, which expires after CLAIM_MS; the next run takes the enrollment over.
 * - Exactly once: the step's Outreach is keyed by @@unique([enrollmentId, stepNumber]) and the
 *   one send path (sendOutreachMany) claims the message itself (DRAFT/QUEUED/FAILED → SENDING),
 *   so a re-run finds the same row and never writes a second one. The transaction that records
 *   the send also advances the enrollment (the onSent hook). A message found already SENT (a
 *   queued message sent by the queue runner) only advances — never a resend. A message whose
 *   send was interrupted (it may have gone out) holds the enrollment until its owner resends or
 *   discards it; a discarded step is skipped. Advancing currentStep, lastStepAt and nextStepAt is
 *   one conditional update (currentStep unchanged, still ACTIVE).
 * - LINKEDIN/CALL steps become a SequenceTask for the rep (same unique key) and the enrollment
 *   advances in the same transaction; the rep marks the task done or skipped.
 * - A queued send (outside the window, over the cap) keeps its outreach; the enrollment waits
 *   until the queued slot and is then advanced from the message's real sentAt.
 * - Before each step: a reply, a booked meeting or a suppression since enrollment stops it; with
 *   Sequence.pauseAccountOnReply a reply from a colleague at the same account pauses it.
 * - Errors are per enrollment: failureCount/lastError, nextStepAt pushed out with backoff, and
 *   after MAX_STEP_FAILURES the enrollment is FAILED (shown on the sequence page).
 * - Throughput: a claimed batch is worked set-based (processBatch: a fixed number of statements
 *   per batch, proven by tests/integration/sequences-batch-queries.test.ts) and its email steps
 *   go through sendOutreachMany. The job engine runs batches as `sequences.batch` jobs on any
 *   number of workers (runSequenceBatch); processDueSequenceSteps runs them in-process with two
 *   in flight. With batches in flight at once, a later-due batch can take a sender's last cap
 *   slots before an earlier one (the cap itself still holds).
 */
export const CLAIM_MS = 5 * 60_000;
const BUSY_RETRY_MS = 5 * 60_000;

export type EngineSummary = { processed: number; sent: number; queued: number; tasks: number; completed: number; stopped: number; errors: number };
type StepResult = "sent" | "sent_completed" | "queued" | "task" | "task_completed" | "completed" | "stopped" | "busy" | "skipped" | "interrupted" | "step_skipped";

/** Runs the engine in this process until nothing is due, `limit` enrollments were taken or the budget is spent (tests and scripts; the job engine runs batches instead). */
export async function processDueSequenceSteps(options: { now?: Date; limit?: number; timeBudgetMs?: number; batchSize?: number; workerId?: string; lanes?: number } = {}): Promise<EngineSummary> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 500;
  const budget = options.timeBudgetMs ?? 50_000;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const workerId = options.workerId ?? randomUUID();
  const started = Date.now();
  const summary = emptySummary();
  let claimed = 0;

  // Two batches in flight: while one waits on the database the other renders and sends. Both
  // claim through claimBatch, so they never share an enrollment (as two overlapping runs).
  const lane = async () => {
    while (claimed < limit && Date.now() - started < budget) {
      const want = Math.min(batchSize, limit - claimed);
      claimed += want;
      const ids = await claimBatch(workerId, now, want);
      claimed -= want - ids.length;
      if (ids.length === 0) break;
      await processClaimed(ids, workerId, now, summary);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  return summary;
}

export const BATCH_SIZE = 250;

function emptySummary(): EngineSummary {
  return { processed: 0, sent: 0, queued: 0, tasks: 0, completed: 0, stopped: 0, errors: 0 };
}

/**
 * One batch for the job engine (the `sequences.batch` task): claims up to `batchSize` due
 * enrollments and works them. `full` says more may be due, so the caller queues another batch.
 */
export async function runSequenceBatch(options: { now?: Date; batchSize?: number; workerId?: string } = {}): Promise<EngineSummary & { full: boolean }> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const workerId = options.workerId ?? randomUUID();
  const summary = emptySummary();
  const ids = await claimBatch(workerId, now, batchSize);
  if (ids.length > 0) await processClaimed(ids, workerId, now, summary);
  return { ...summary, full: ids.length === batchSize };
}

/** Due enrollments of active sequences that no live run holds, counted up to `cap`. */
export async function countDueEnrollments(now: Date, cap: number): Promise<number> {
  const at = now.toISOString();
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "sequence_enrollments" c JOIN "sequences" s ON s.id = c."sequenceId"
       WHERE c.status = 'ACTIVE' AND s.status = 'ACTIVE' AND c."nextStepAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
         AND (c."claimExpiresAt" IS NULL OR c."claimExpiresAt" <= (${at}::timestamptz AT TIME ZONE 'UTC'))
       LIMIT ${cap}) AS due`;
  return row?.n ?? 0;
}

async function processClaimed(ids: string[], workerId: string, now: Date, summary: EngineSummary) {
  summary.processed += ids.length;
  const results = await processBatch(ids, workerId, now);
  for (const [id, result] of results) {
    if (result instanceof Error || typeof result !== "string") {
      summary.errors++;
      const error = result instanceof Error ? result : result.error;
      await recordFailure(id, workerId, now, error).catch((e: unknown) => logger.error({ err: e, enrollmentId: id }, "could not record sequence failure"));
      continue;
    }
    if (result === "sent" || result === "sent_completed") summary.sent++;
    if (result === "task" || result === "task_completed") summary.tasks++;
    if (result === "completed" || result === "sent_completed" || result === "task_completed") summary.completed++;
    if (result === "queued") summary.queued++;
    if (result === "stopped") summary.stopped++;
  }
}

/** Claims up to `n` due enrollments of active sequences for this worker. */
export async function claimBatch(workerId: string, now: Date, n: number): Promise<string[]> {
  const at = now.toISOString();
  const expires = new Date(now.getTime() + CLAIM_MS).toISOString();
  const rows = await prisma.$queryRaw<{ id: string; nextStepAt: Date }[]>`
    UPDATE "sequence_enrollments" e
       SET "claimedBy" = ${workerId},
           "claimExpiresAt" = (${expires}::timestamptz AT TIME ZONE 'UTC'),
           "updatedAt" = (${at}::timestamptz AT TIME ZONE 'UTC')
     WHERE e.id IN (
       SELECT c.id FROM "sequence_enrollments" c
         JOIN "sequences" s ON s.id = c."sequenceId"
        WHERE c.status = 'ACTIVE' AND s.status = 'ACTIVE'
          AND c."nextStepAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
          AND (c."claimExpiresAt" IS NULL OR c."claimExpiresAt" <= (${at}::timestamptz AT TIME ZONE 'UTC'))
        ORDER BY c."nextStepAt"
        LIMIT ${n}
        FOR UPDATE OF c SKIP LOCKED)
    RETURNING e.id, e."nextStepAt"`;
  // RETURNING does not keep the subquery's order: oldest due first, so a waiting step keeps its place in the sender's cap.
  return rows.sort((a, b) => a.nextStepAt.getTime() - b.nextStepAt.getTime() || a.id.localeCompare(b.id)).map((r) => r.id);
}

async function releaseClaim(id: string, workerId: string, data: Prisma.SequenceEnrollmentUpdateManyMutationInput = {}) {
  return prisma.sequenceEnrollment.updateMany({ where: { id, claimedBy: workerId }, data: { ...data, claimedBy: null, claimExpiresAt: null } });
}

const enrollmentSelect = {
  id: true, status: true, currentStep: true, claimedBy: true, enrolledAt: true, personId: true, accountId: true, ownerId: true, lastStepAt: true,
  sequence: {
    select: {
      id: true, name: true, eventId: true, ownerId: true, pauseAccountOnReply: true, event: { select: { timeZone: true } },
      steps: { orderBy: { order: "asc" }, select: { id: true, order: true, delayDays: true, businessDays: true, channel: true, subject: true, body: true, template: { select: { subject: true, body: true } } } },
    },
  },
  person: { select: { name: true, email: true } },
  owner: { select: { id: true, name: true, email: true } },
} as const;

async function loadEnrollment(id: string) {
  return prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id }, select: enrollmentSelect });
}
type Loaded = Awaited<ReturnType<typeof loadEnrollment>>;

type BatchResult = StepResult | Error | { error: unknown };

/**
 * A claimed batch, in a bounded number of statements: the enrollments, what would stop them,
 * the merge data and the step messages are read set-based, and the email steps are sent by
 * sendOutreachMany, whose transaction recording the sends also advances the enrollments. Any
 * enrollment off the common path (a LinkedIn/call step, a stop, the end of the sequence, a
 * message already sent, queued or failed) is finished one at a time as before.
 */
async function processBatch(ids: readonly string[], workerId: string, now: Date): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  const rows = new Map((await prisma.sequenceEnrollment.findMany({ where: { id: { in: [...ids] } }, select: enrollmentSelect })).map((e) => [e.id, e]));
  const mine = ids.flatMap((id) => {
    const e = rows.get(id);
    if (!e || e.claimedBy !== workerId || e.status !== "ACTIVE") {
      results.set(id, "skipped");
      return [];
    }
    return [e];
  });
  const stops = await stopReasonsFor(mine);

  type EmailStep = { e: Loaded; step: Loaded["sequence"]["steps"][number]; stepNumber: number; sender: { id: string; name: string | null; email: string } };
  const emailSteps: EmailStep[] = [];
  const senderIds = [...new Set(mine.flatMap((e) => (!e.owner && e.sequence.ownerId ? [e.sequence.ownerId] : [])))];
  const sequenceOwners = new Map(senderIds.length ? (await prisma.user.findMany({ where: { id: { in: senderIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]) : []);
  for (const e of mine) {
    try {
      const stop = stops.get(e.id);
      if (stop) {
        await finish(e, workerId, stop.status, stop.reason, now, stop.description);
        results.set(e.id, "stopped");
        continue;
      }
      const stepNumber = e.currentStep + 1;
      const step = e.sequence.steps.find((s) => s.order === stepNumber);
      if (!step) {
        await finish(e, workerId, "COMPLETED", null, now, `${e.person.name} completed “${e.sequence.name}”`);
        results.set(e.id, "completed");
        continue;
      }
      const sender = e.owner ?? (e.sequence.ownerId ? sequenceOwners.get(e.sequence.ownerId) : undefined);
      if (!sender) throw new AppError("validation_error", "The enrollment has no owner to send from");
      if (step.channel !== "EMAIL") results.set(e.id, await createTaskStep(e, step, stepNumber, sender, workerId, now));
      else emailSteps.push({ e, step, stepNumber, sender });
    } catch (error) {
      results.set(e.id, { error });
    }
  }
  if (emailSteps.length === 0) return results;

  // Render every step's message (one event per sequence run is the norm; grouped in case not).
  const contexts = new Map<string, Awaited<ReturnType<typeof buildMergeContexts>>[number]>();
  for (const eventId of new Set(emailSteps.map((x) => x.e.sequence.eventId))) {
    const group = emailSteps.filter((x) => x.e.sequence.eventId === eventId);
    const built = await buildMergeContexts(group.map((x) => ({ personId: x.e.personId, sender: x.sender })), eventId);
    group.forEach((x, i) => contexts.set(x.e.id, built[i]));
  }
  const drafts: (EmailStep & { subject: string; message: string })[] = [];
  const fallbacks = mergeFallbacks(await getSellerProfile());
  for (const x of emailSteps) {
    const context = contexts.get(x.e.id)!;
    if (context instanceof Error) {
      results.set(x.e.id, context);
      continue;
    }
    const content = renderMessage({ subject: x.step.template?.subject ?? x.step.subject ?? null, body: x.step.template?.body ?? x.step.body ?? "" }, context, fallbacks);
    if (!content.subject) results.set(x.e.id, new AppError("validation_error", `Step ${x.stepNumber} has no subject`));
    else drafts.push({ ...x, subject: content.subject, message: content.message });
  }
  if (drafts.length === 0) return results;

  // The step messages: created once (the unique key keeps a racing or repeated run from a second row).
  await prisma.outreach.createMany({
    data: drafts.map((d) => ({
      eventId: d.e.sequence.eventId, personId: d.e.personId, accountId: d.e.accountId, ownerId: d.sender.id, enrollmentId: d.e.id, sequenceStepId: d.step.id,
      stepNumber: d.stepNumber, channel: "EMAIL" as const, subject: d.subject, message: d.message, status: "DRAFT" as const, generatedBy: "sequence",
    })),
    skipDuplicates: true,
  });
  const messages = await prisma.outreach.findMany({
    where: { enrollmentId: { in: drafts.map((d) => d.e.id) }, stepNumber: { in: [...new Set(drafts.map((d) => d.stepNumber))] } },
    select: { id: true, enrollmentId: true, stepNumber: true },
  });
  const messageOf = new Map(messages.map((m) => [`${m.enrollmentId}:${m.stepNumber}`, m.id]));
  const byMessage = new Map<string, (typeof drafts)[number]>();
  for (const d of drafts) {
    const id = messageOf.get(`${d.e.id}:${d.stepNumber}`);
    if (id) byMessage.set(id, d);
    else results.set(d.e.id, new Error("The step message could not be created"));
  }

  // The enrollments advance in the same transaction that records the sends.
  const advanced = new Map<string, Awaited<ReturnType<typeof advance>>>();
  const sends = await sendOutreachMany([...byMessage.keys()], {
    now,
    onSent: async (tx, sent) => {
      const { moved, activities } = await advanceMany(tx, sent.map((s) => ({ ...byMessage.get(s.outreachId)!, doneAt: s.sentAt })));
      for (const [id, m] of moved) advanced.set(id, m);
      return activities;
    },
  });
  for (const [outreachId, result] of sends) {
    const { e, stepNumber } = byMessage.get(outreachId)!;
    try {
      results.set(e.id, await settleSend(e, workerId, stepNumber, now, result, advanced.get(e.id)));
    } catch (error) {
      results.set(e.id, { error });
    }
  }
  return results;
}

/** What one send's outcome means for its enrollment. */
async function settleSend(e: Loaded, workerId: string, stepNumber: number, now: Date, result: BatchSendResult, advancedWithSend: Awaited<ReturnType<typeof advance>> | undefined): Promise<StepResult> {
  switch (result.outcome) {
    case "error":
      throw result.error;
    case "sent": {
      // Sent by an earlier, interrupted run: only the advance is left to do.
      const moved = advancedWithSend ?? (await prisma.$transaction((tx) => advance(tx, e, workerId, stepNumber, result.sentAt)));
      return moved === "completed" ? "sent_completed" : moved === "lost" ? "skipped" : "sent";
    }
    case "queued":
      await releaseClaim(e.id, workerId, { nextStepAt: result.at });
      return "queued";
    case "busy":
      await releaseClaim(e.id, workerId, { nextStepAt: new Date(now.getTime() + BUSY_RETRY_MS) });
      return "busy";
    case "suppressed":
      await finish(e, workerId, "STOPPED", "suppressed", now, `Stopped “${e.sequence.name}” for ${e.person.name}: address is suppressed (${result.reason})`);
      return "stopped";
    case "failed":
      throw new Error(result.error);
    case "interrupted":
      // It may have gone out: the enrollment waits for the owner to resend or discard the message (resendOutreach / discardOutreach make it due again).
      await releaseClaim(e.id, workerId, { nextStepAt: null, lastError: `Step ${stepNumber} may or may not have gone out (sending was interrupted): check the outbox, then resend or discard it on the outreach page` });
      return "interrupted";
    case "cancelled": {
      // The step's message was discarded (or cancelled while queued): the sequence goes on without it.
      const moved = await prisma.$transaction((tx) => advance(tx, e, workerId, stepNumber, now, "skipped"));
      return moved === "completed" ? "completed" : moved === "lost" ? "skipped" : "step_skipped";
    }
  }
}

/** advance() for many enrollments: one conditional update; the activities are returned for the caller's transaction to write. */
async function advanceMany(tx: Prisma.TransactionClient, items: readonly { e: Loaded; stepNumber: number; doneAt: Date }[]): Promise<{ moved: Map<string, "advanced" | "completed" | "lost">; activities: ActivityInput[] }> {
  const out = new Map<string, "advanced" | "completed" | "lost">();
  if (items.length === 0) return { moved: out, activities: [] };
  const plans = items.map(({ e, stepNumber, doneAt }) => {
    const next = e.sequence.steps.find((s) => s.order === stepNumber + 1);
    const nextAt = next ? addStepDelay(doneAt, next.delayDays, next.businessDays, e.sequence.event.timeZone ?? "UTC") : null;
    return { e, stepNumber, doneAt, next, nextAt };
  });
  const updatedAt = new Date().toISOString();
  const changed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE sequence_enrollments e
       SET "currentStep" = v.step, "lastStepAt" = (v.done::timestamptz AT TIME ZONE 'UTC'), "nextStepAt" = (v.next::timestamptz AT TIME ZONE 'UTC'),
           status = v.status::"EnrollmentStatus",
           "completedAt" = CASE WHEN v.status = 'COMPLETED' THEN (v.done::timestamptz AT TIME ZONE 'UTC') ELSE e."completedAt" END,
           "failureCount" = 0, "lastError" = NULL, "claimedBy" = NULL, "claimExpiresAt" = NULL, "updatedAt" = (${updatedAt}::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(${plans.map((p) => p.e.id)}::text[], ${plans.map((p) => p.stepNumber)}::int[], ${plans.map((p) => p.doneAt.toISOString())}::text[],
                  ${plans.map((p) => p.nextAt?.toISOString() ?? null)}::text[], ${plans.map((p) => (p.next ? "ACTIVE" : "COMPLETED"))}::text[]) AS v(id, step, done, next, status)
     WHERE e.id = v.id AND e."currentStep" = v.step - 1 AND e.status = 'ACTIVE'
    RETURNING e.id`;
  const moved = new Set(changed.map((r) => r.id));
  const activities = plans.filter((p) => moved.has(p.e.id)).map(({ e, stepNumber, next }): ActivityInput => ({
    type: next ? "sequence.step_done" : "sequence.completed",
    description: next ? `Step ${stepNumber} of “${e.sequence.name}” done for ${e.person.name}` : `${e.person.name} completed “${e.sequence.name}” (step ${stepNumber} was the last)`,
    eventId: e.sequence.eventId, personId: e.personId, accountId: e.accountId, entityType: "sequence_enrollment", entityId: e.id,
    metadata: { sequenceId: e.sequence.id, stepNumber },
  }));
  for (const p of plans) out.set(p.e.id, moved.has(p.e.id) ? (p.next ? "advanced" : "completed") : "lost");
  return { moved: out, activities };
}

/** A LinkedIn or call step: a task for the rep, and the enrollment advances in the same transaction. */
async function createTaskStep(e: Loaded, step: Loaded["sequence"]["steps"][number], stepNumber: number, sender: { id: string; name: string | null; email: string }, workerId: string, now: Date): Promise<StepResult> {
  const content = renderMessage(
    { subject: step.template?.subject ?? step.subject ?? null, body: step.template?.body ?? step.body ?? "" },
    await buildMergeContext(e.personId, e.sequence.eventId, sender),
    mergeFallbacks(await getSellerProfile()),
  );
  const title = `${step.channel === "CALL" ? "Call" : "LinkedIn message to"} ${e.person.name} — step ${stepNumber} of “${e.sequence.name}”`;
  const moved = await prisma.$transaction(async (tx) => {
    await tx.sequenceTask.upsert({
      where: { enrollmentId_stepNumber: { enrollmentId: e.id, stepNumber } },
      create: { enrollmentId: e.id, stepId: step.id, stepNumber, personId: e.personId, ownerId: sender.id, channel: step.channel, title, body: content.message, dueAt: now },
      update: {},
    });
    return advance(tx, e, workerId, stepNumber, now);
  });
  return moved === "completed" ? "task_completed" : moved === "lost" ? "skipped" : "task";
}

/** Records step `stepNumber` as done: one conditional update, so a stale worker cannot advance twice. */
async function advance(tx: Prisma.TransactionClient, e: Loaded, workerId: string, stepNumber: number, doneAt: Date, how: "done" | "skipped" = "done"): Promise<"advanced" | "completed" | "lost"> {
  const next = e.sequence.steps.find((s) => s.order === stepNumber + 1);
  const tz = e.sequence.event.timeZone ?? "UTC";
  const data: Prisma.SequenceEnrollmentUpdateManyMutationInput = next
    ? { currentStep: stepNumber, lastStepAt: doneAt, nextStepAt: addStepDelay(doneAt, next.delayDays, next.businessDays, tz), failureCount: 0, lastError: null, claimedBy: null, claimExpiresAt: null }
    : { currentStep: stepNumber, lastStepAt: doneAt, nextStepAt: null, status: "COMPLETED", completedAt: doneAt, failureCount: 0, lastError: null, claimedBy: null, claimExpiresAt: null };
  const changed = await tx.sequenceEnrollment.updateMany({ where: { id: e.id, currentStep: stepNumber - 1, status: "ACTIVE" }, data });
  if (changed.count === 0) return "lost";
  const step = how === "skipped" ? `Step ${stepNumber} of “${e.sequence.name}” skipped for ${e.person.name} (its message was discarded)` : `Step ${stepNumber} of “${e.sequence.name}” done for ${e.person.name}`;
  await recordActivity({
    type: how === "skipped" ? "sequence.step_skipped" : next ? "sequence.step_done" : "sequence.completed",
    description: next || how === "skipped" ? step : `${e.person.name} completed “${e.sequence.name}” (step ${stepNumber} was the last)`,
    eventId: e.sequence.eventId, personId: e.personId, accountId: e.accountId, entityType: "sequence_enrollment", entityId: e.id,
    metadata: { sequenceId: e.sequence.id, stepNumber },
  }, tx);
  return next ? "advanced" : "completed";
}

async function finish(e: Loaded, workerId: string, status: "COMPLETED" | "STOPPED" | "REPLIED" | "PAUSED", reason: string | null, now: Date, description: string) {
  await prisma.$transaction(async (tx) => {
    const changed = await tx.sequenceEnrollment.updateMany({
      where: { id: e.id, status: "ACTIVE", claimedBy: workerId },
      data: status === "COMPLETED"
        ? { status, completedAt: now, nextStepAt: null, claimedBy: null, claimExpiresAt: null }
        : { status, stopReason: reason, stoppedAt: status === "PAUSED" ? null : now, claimedBy: null, claimExpiresAt: null, ...(status === "PAUSED" ? {} : { nextStepAt: null }) },
    });
    if (changed.count === 0) return;
    await recordActivity({
      type: `sequence.${status.toLowerCase() as Lowercase<typeof status>}`, description,
      eventId: e.sequence.eventId, personId: e.personId, accountId: e.accountId, entityType: "sequence_enrollment", entityId: e.id,
      metadata: { sequenceId: e.sequence.id, stopReason: reason },
    }, tx);
  });
}

type Stop = { status: "STOPPED" | "REPLIED" | "PAUSED"; reason: string; description: string };

/** stopReasonFor for a batch, in four set-based reads (same checks, same order). */
async function stopReasonsFor(list: readonly Loaded[]): Promise<Map<string, Stop>> {
  const stops = new Map<string, Stop>();
  if (list.length === 0) return stops;
  const personIds = [...new Set(list.map((e) => e.personId))];
  const pausing = list.filter((e) => e.sequence.pauseAccountOnReply && e.accountId);
  // Only what happened since the batch's earliest enrollment can stop anything in it.
  const since = new Date(Math.min(...list.map((e) => e.enrolledAt.getTime())));
  const [replies, meetings, suppressions, accountReplies] = await Promise.all([
    prisma.outreach.groupBy({ by: ["personId"], where: { personId: { in: personIds }, repliedAt: { gte: since } }, _max: { repliedAt: true } }),
    prisma.meeting.groupBy({ by: ["personId"], where: { personId: { in: personIds }, createdAt: { gte: since }, status: { in: ["SCHEDULED", "COMPLETED"] } }, _max: { createdAt: true } }),
    prisma.suppression.findMany({ where: { email: { in: list.flatMap((e) => (e.person.email ? [normalizeEmail(e.person.email)] : [])) } }, select: { email: true, reason: true } }),
    pausing.length === 0 ? Promise.resolve([]) : prisma.outreach.findMany({
      where: { accountId: { in: [...new Set(pausing.map((e) => e.accountId!))] }, repliedAt: { gte: since } },
      select: { accountId: true, personId: true, repliedAt: true, person: { select: { name: true } } },
    }),
  ]);
  const lastReply = new Map(replies.map((r) => [r.personId, r._max.repliedAt]));
  const lastMeeting = new Map(meetings.map((m) => [m.personId, m._max.createdAt]));
  const suppression = new Map(suppressions.map((x) => [x.email, x.reason]));
  const repliesAt = new Map<string, typeof accountReplies>();
  for (const r of accountReplies) repliesAt.set(r.accountId!, [...(repliesAt.get(r.accountId!) ?? []), r]);
  for (const e of list) {
    const enrolled = e.enrolledAt.getTime();
    const replied = lastReply.get(e.personId);
    if (replied && replied.getTime() >= enrolled) {
      stops.set(e.id, { status: "REPLIED", reason: "replied", description: `${e.person.name} replied: “${e.sequence.name}” stopped` });
      continue;
    }
    const met = lastMeeting.get(e.personId);
    if (met && met.getTime() >= enrolled) {
      stops.set(e.id, { status: "STOPPED", reason: "meeting_booked", description: `Stopped “${e.sequence.name}” for ${e.person.name}: a meeting was booked` });
      continue;
    }
    const suppressed = e.person.email ? suppression.get(normalizeEmail(e.person.email)) : undefined;
    if (suppressed) {
      const reason = suppressed === "BOUNCED" ? "bounced" : suppressed === "UNSUBSCRIBED" ? "unsubscribed" : suppressed.toLowerCase();
      stops.set(e.id, { status: "STOPPED", reason, description: `Stopped “${e.sequence.name}” for ${e.person.name}: ${reason}` });
      continue;
    }
    if (e.sequence.pauseAccountOnReply && e.accountId) {
      const colleague = repliesAt.get(e.accountId)?.find((r) => r.personId !== e.personId && r.repliedAt!.getTime() >= enrolled);
      if (colleague) stops.set(e.id, { status: "PAUSED", reason: "account_replied", description: `Paused “${e.sequence.name}” for ${e.person.name}: ${colleague.person.name} at the same account replied` });
    }
  }
  return stops;
}

async function recordFailure(id: string, workerId: string, now: Date, error: unknown) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  logger.warn({ err: error, enrollmentId: id }, "sequence step failed");
  await prisma.$transaction(async (tx) => {
    const e = await tx.sequenceEnrollment.findUnique({ where: { id }, select: { failureCount: true, claimedBy: true, personId: true, accountId: true, ownerId: true, person: { select: { name: true } }, sequence: { select: { id: true, name: true, eventId: true, ownerId: true } } } });
    if (!e || e.claimedBy !== workerId) return;
    const failureCount = e.failureCount + 1;
    const failed = failureCount >= MAX_STEP_FAILURES;
    await tx.sequenceEnrollment.update({
      where: { id },
      data: failed
        ? { failureCount, lastError: message, status: "FAILED", stopReason: "failed", stoppedAt: now, nextStepAt: null, claimedBy: null, claimExpiresAt: null }
        : { failureCount, lastError: message, nextStepAt: new Date(now.getTime() + failureBackoffMs(failureCount)), claimedBy: null, claimExpiresAt: null },
    });
    if (failed) {
      await recordActivity({
        type: "sequence.failed", description: `“${e.sequence.name}” failed after ${failureCount} attempts: ${message}`,
        eventId: e.sequence.eventId, personId: e.personId, accountId: e.accountId, entityType: "sequence_enrollment", entityId: id,
        metadata: { sequenceId: e.sequence.id, error: message },
      }, tx);
      await notify({
        userId: e.ownerId ?? e.sequence.ownerId, type: "step_failed", title: `“${e.sequence.name}” stopped for ${e.person.name}: a step failed`,
        body: message, href: `/dashboard/sequences/${e.sequence.id}`, eventId: e.sequence.eventId, entityType: "sequence_enrollment", entityId: id,
        dedupeKey: `step_failed:${id}:${failureCount}`,
      }, tx);
    }
  });
}
