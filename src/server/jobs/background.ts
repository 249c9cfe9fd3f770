import type { Prisma } from "@/generated/prisma/client";
import type { ActivityType } from "@/lib/vocabulary";
import type { Actor } from "@/server/access/actor";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { getEventOrThrow } from "@/server/events/service";
import { addJob, TASKS } from "@/server/jobs/queue";

/**
 * Long work a user starts (bulk drafts, research, rescoring, big imports, full exports) runs as
 * a background job: the request creates the job row, its items and the queue entry in one
 * transaction and answers with the job; the page polls GET /api/jobs/:id for progress.
 *
 * - Slices: a worker takes the job (runnerId + heartbeat), works items until its slice of time
 *   is spent, then queues a continuation — so no single run outlasts a serverless time limit,
 *   and progress survives any process: it lives in the rows.
 * - Exactly once per item: an item's own writes and its DONE mark commit in one transaction that
 *   also checks this runner still holds the job; a runner that lost the job (it stalled and
 *   another took over) rolls back instead of writing twice.
 * - A runner that dies stops heartbeating; after RUNNER_STALE_MS another may take the job over
 *   (the maintenance task queues one), and it continues with the items not yet DONE.
 * - Cancel: takes effect between items; retry puts failed (and cancelled) items back in line.
 */
export type JobKind = "drafts" | "research" | "rescore" | "import" | "export";

export const RUNNER_STALE_MS = 60_000;
const HEARTBEAT_MS = 10_000;
/** How long one run works on a job before handing over to a continuation. */
const SLICE_MS = 20_000;

type JobRow = Prisma.BackgroundJobGetPayload<{ select: typeof jobSelect }>;
type ItemRow = { id: string; key: string; label: string; position: number };
export type JobContext = {
  job: JobRow;
  /** The job acts as the person who started it, on the job's event. */
  actor: Actor;
  /** Reports progress of a job without items (done of total, what it is working on). */
  progress(done: number, total: number, currentItem?: string | null): Promise<void>;
  /** Throws JobCancelled when the user asked to cancel. */
  checkCancelled(): Promise<void>;
};

/**
 * What a kind of job does. "items": one unit per item (people, accounts), a few at a time; `run`
 * does the slow part outside any transaction and returns the writes that complete the item.
 * "whole": one piece of work that reports its own progress (rescoring, import, export).
 */
export type JobDefinition =
  | {
      mode: "items";
      concurrency: number;
      run(item: ItemRow, job: JobRow, actor: Actor): Promise<{ write?: (tx: Prisma.TransactionClient) => Promise<Prisma.InputJsonValue | void>; result?: Prisma.InputJsonValue }>;
    }
  | { mode: "whole"; run(ctx: JobContext): Promise<Prisma.InputJsonValue> };

class JobCancelled extends Error {
  constructor() {
    super("Cancelled");
  }
}

const jobSelect = {
  id: true, kind: true, eventId: true, userId: true, status: true, label: true, total: true, done: true, failed: true, currentItem: true,
  input: true, result: true, error: true, cancelRequestedAt: true, createdAt: true, startedAt: true, finishedAt: true, updatedAt: true,
  file: { select: { fileName: true, size: true, contentType: true } },
} as const;

export type JobActor = Pick<Actor, "id" | "role">;

/**
 * Who a job acts as while it runs: the person who started it, with their role as it is now,
 * on the job's event. A job whose person or event is gone cannot act.
 */
async function jobActor(job: Pick<JobRow, "userId" | "eventId">): Promise<Actor> {
  const [user, event] = await Promise.all([
    job.userId ? prisma.user.findUnique({ where: { id: job.userId }, select: { id: true, email: true, name: true, image: true, role: true, disabledAt: true } }) : null,
    job.eventId ? getEventOrThrow(job.eventId).catch(() => null) : null,
  ]);
  if (!user || user.disabledAt) throw new AppError("conflict", "The person who started this job can no longer act in the app");
  if (!event) throw new AppError("conflict", "The event of this job no longer exists");
  return { id: user.id, email: user.email, name: user.name, image: user.image, role: user.role, eventId: event.id, event };
}

async function enqueueBackgroundJob(jobId: string, db: DbTx = prisma, runAt?: Date) {
  await addJob(TASKS.backgroundRun, { jobId }, { jobKey: `background:${jobId}`, ...(runAt ? { runAt } : {}) }, db);
}

/** Creates a job, its items and its queue entry in one transaction. */
export async function createBackgroundJob(input: {
  kind: JobKind;
  label: string;
  eventId: string | null;
  actor: JobActor;
  input: Prisma.InputJsonValue;
  items?: { key: string; label: string }[];
}) {
  const id = await prisma.$transaction(async (tx) => {
    const job = await tx.backgroundJob.create({
      data: { kind: input.kind, label: input.label, eventId: input.eventId, userId: input.actor.id, input: input.input, total: input.items?.length ?? 0 },
      select: { id: true },
    });
    if (input.items?.length) {
      await tx.backgroundJobItem.createMany({ data: input.items.map((item, position) => ({ jobId: job.id, position, key: item.key, label: item.label })) });
    }
    await recordActivity({
      type: "job.started", description: `Started: ${input.label}`, actorId: input.actor.id, eventId: input.eventId,
      entityType: "background_job", entityId: job.id, metadata: { kind: input.kind },
    }, tx);
    await enqueueBackgroundJob(job.id, tx);
    return job.id;
  });
  return getBackgroundJobView(id, input.actor);
}

// ───────────────────────────── reading ─────────────────────────────

function assertCanSee(job: { userId: string | null }, actor: JobActor) {
  if (actor.role === "ADMIN" || job.userId === actor.id) return;
  throw new AppError("not_found", "Job not found");
}

async function findJobOrThrow(id: string, actor: JobActor, db: DbTx = prisma) {
  const job = await db.backgroundJob.findUnique({ where: { id }, select: jobSelect });
  if (!job) throw new AppError("not_found", "Job not found");
  assertCanSee(job, actor);
  return job;
}

type JobView = Awaited<ReturnType<typeof getBackgroundJobView>>;

/** A job as the page shows it: counts, what it is on, the items done (with their results) and failed (with the reasons), and the file when there is one. */
export async function getBackgroundJobView(id: string, actor: JobActor) {
  const job = await findJobOrThrow(id, actor);
  const [failedItems, doneItems] = await Promise.all([
    prisma.backgroundJobItem.findMany({ where: { jobId: id, status: "FAILED" }, orderBy: { position: "asc" }, take: 50, select: { key: true, label: true, error: true } }),
    prisma.backgroundJobItem.findMany({ where: { jobId: id, status: "DONE" }, orderBy: { position: "asc" }, take: 100, select: { key: true, label: true, result: true } }),
  ]);
  return viewOf(job, failedItems, doneItems);
}

function viewOf(job: JobRow, failedItems: { key: string; label: string; error: string | null }[] = [], doneItems: { key: string; label: string; result: Prisma.JsonValue }[] = []) {
  const finished = job.status === "SUCCEEDED" || job.status === "FAILED" || job.status === "CANCELLED";
  return {
    id: job.id, kind: job.kind, label: job.label, status: job.status, total: job.total, done: job.done, failed: job.failed,
    currentItem: finished ? null : job.currentItem, error: job.error, result: job.result,
    cancelRequested: job.cancelRequestedAt !== null && !finished,
    createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt, updatedAt: job.updatedAt,
    file: job.file ? { ...job.file, url: `/api/jobs/${job.id}/download` } : null,
    failedItems,
    doneItems,
  };
}

/** The caller's recent jobs in the event they work on (admins see every export: exports are an admin's business). */
export async function listBackgroundJobs(query: { kind?: string; active?: boolean; limit: number }, actor: JobActor & { eventId: string | null }) {
  const jobs = await prisma.backgroundJob.findMany({
    where: {
      ...(actor.role === "ADMIN" && query.kind === "export" ? {} : { userId: actor.id }),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(actor.eventId ? { eventId: actor.eventId } : {}),
      ...(query.active ? { status: { in: ["QUEUED", "RUNNING"] } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: query.limit,
    select: jobSelect,
  });
  return jobs.map((job) => viewOf(job));
}

/** The stored result file of a job (a full export). */
export async function getJobFile(id: string, actor: JobActor) {
  await findJobOrThrow(id, actor);
  const file = await prisma.jobFile.findUnique({ where: { jobId: id } });
  if (!file) throw new AppError("not_found", "This job has no file (yet)");
  return file;
}

// ───────────────────────────── cancel and retry ─────────────────────────────

export async function cancelBackgroundJob(id: string, actor: JobActor) {
  const job = await findJobOrThrow(id, actor);
  if (job.status !== "QUEUED" && job.status !== "RUNNING") throw new AppError("conflict", `This job has already ${job.status === "CANCELLED" ? "been cancelled" : "finished"}`);
  await prisma.$transaction(async (tx) => {
    await tx.backgroundJob.update({ where: { id }, data: { cancelRequestedAt: new Date() } });
    await recordActivity({ type: "job.cancel_requested", description: `Asked to cancel: ${job.label}`, actorId: actor.id, eventId: job.eventId, entityType: "background_job", entityId: id }, tx);
  });
  // Not started yet: nobody will pick the request up between items, so finish it here.
  if (job.status === "QUEUED") await finishCancelled(id, null);
  return getBackgroundJobView(id, actor);
}

export async function retryBackgroundJob(id: string, actor: JobActor) {
  const job = await findJobOrThrow(id, actor);
  if (job.status === "QUEUED" || job.status === "RUNNING") throw new AppError("conflict", "This job is still running");
  const again = await prisma.backgroundJobItem.count({ where: { jobId: id, status: { in: ["FAILED", "SKIPPED"] } } });
  const hasItems = job.total > 0 && (await prisma.backgroundJobItem.count({ where: { jobId: id } })) > 0;
  if (hasItems && again === 0) throw new AppError("conflict", "Nothing to retry: every item of this job is done");
  if (!hasItems && job.status === "SUCCEEDED") throw new AppError("conflict", "Nothing to retry: this job finished without errors");
  await prisma.$transaction(async (tx) => {
    await tx.backgroundJobItem.updateMany({ where: { jobId: id, status: { in: ["FAILED", "SKIPPED"] } }, data: { status: "PENDING", error: null, finishedAt: null } });
    await tx.backgroundJob.update({
      where: { id },
      data: { status: "QUEUED", error: null, finishedAt: null, cancelRequestedAt: null, runnerId: null, heartbeatAt: null, currentItem: null },
    });
    await refreshCounts(id, tx);
    await recordActivity({
      type: "job.retried", description: hasItems ? `Retrying ${again} item${again === 1 ? "" : "s"} of: ${job.label}` : `Retrying: ${job.label}`,
      actorId: actor.id, eventId: job.eventId, entityType: "background_job", entityId: id,
    }, tx);
    await enqueueBackgroundJob(id, tx);
  });
  return getBackgroundJobView(id, actor);
}

// ───────────────────────────── running ─────────────────────────────

async function refreshCounts(jobId: string, db: DbTx = prisma) {
  const counts = await db.backgroundJobItem.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
  const n = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  await db.backgroundJob.update({ where: { id: jobId }, data: { done: n("DONE"), failed: n("FAILED"), total: counts.reduce((sum, c) => sum + c._count._all, 0) } });
}

/** Takes the job for this runner unless a live runner holds it. */
async function claimJob(jobId: string, runnerId: string): Promise<JobRow | null> {
  const now = new Date();
  const taken = await prisma.backgroundJob.updateMany({
    where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] }, OR: [{ runnerId: null }, { heartbeatAt: { lt: new Date(now.getTime() - RUNNER_STALE_MS) } }] },
    data: { runnerId, heartbeatAt: now, status: "RUNNING" },
  });
  if (taken.count === 0) return null;
  const job = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: jobSelect });
  if (!job.startedAt) await prisma.backgroundJob.update({ where: { id: jobId }, data: { startedAt: now } });
  return job;
}

class LostJob extends Error {}

/** Heartbeat that also proves this runner still holds the job (inside an item's transaction it guards the write). */
async function touch(jobId: string, runnerId: string, db: DbTx = prisma, data: Prisma.BackgroundJobUpdateManyMutationInput = {}) {
  const held = await db.backgroundJob.updateMany({ where: { id: jobId, runnerId }, data: { ...data, heartbeatAt: new Date() } });
  if (held.count === 0) throw new LostJob("Another worker took this job over");
}

async function finish(jobId: string, runnerId: string | null, data: Prisma.BackgroundJobUpdateManyMutationInput, activity: { type: ActivityType; description: string }) {
  await prisma.$transaction(async (tx) => {
    const changed = await tx.backgroundJob.updateMany({
      where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] }, ...(runnerId ? { runnerId } : {}) },
      data: { ...data, finishedAt: new Date(), runnerId: null, heartbeatAt: null, currentItem: null },
    });
    if (changed.count === 0) return;
    const job = await tx.backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: { userId: true, eventId: true } });
    await recordActivity({ ...activity, actorId: job.userId, eventId: job.eventId, entityType: "background_job", entityId: jobId }, tx);
  });
}

async function finishCancelled(jobId: string, runnerId: string | null) {
  await prisma.backgroundJobItem.updateMany({ where: { jobId, status: "PENDING" }, data: { status: "SKIPPED" } });
  await refreshCounts(jobId);
  const job = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: { label: true, done: true, total: true } });
  await finish(jobId, runnerId, { status: "CANCELLED" }, { type: "job.cancelled", description: `Cancelled: ${job.label}${job.total ? ` (${job.done} of ${job.total} done)` : ""}` });
}

/** A message for the person who started the job: ours when we have one, a generic one otherwise (the details go to the log). */
function readableError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  logger.error({ err: error }, "background job item failed");
  return "Something went wrong with this one; retry it, and tell an admin if it fails again";
}

export type SliceOutcome = { jobId: string; label?: string; outcome: "done" | "continued" | "cancelled" | "failed" | "not_taken"; items?: number };

/** One run of a job (the `background.run` task): works until the job is done or the slice is spent. */
export async function runBackgroundSlice(jobId: string, runnerId: string, definitions: Record<string, JobDefinition>, sliceMs = SLICE_MS): Promise<SliceOutcome> {
  const job = await claimJob(jobId, runnerId);
  if (!job) return { jobId, outcome: "not_taken" };
  return { ...(await runClaimed(job, runnerId, definitions, sliceMs)), label: job.label };
}

async function runClaimed(job: JobRow, runnerId: string, definitions: Record<string, JobDefinition>, sliceMs: number): Promise<SliceOutcome> {
  const jobId = job.id;
  const definition = definitions[job.kind];
  if (!definition) {
    await finish(jobId, runnerId, { status: "FAILED", error: `Unknown kind of job "${job.kind}"` }, { type: "job.failed", description: `Failed: ${job.label}` });
    return { jobId, outcome: "failed" };
  }
  const heartbeat = setInterval(() => void touch(jobId, runnerId).catch(() => {}), HEARTBEAT_MS);
  try {
    const actor = await jobActor(job);
    if (definition.mode === "whole") return await runWhole(job, actor, runnerId, definition);
    return await runItems(job, actor, runnerId, definition, Date.now() + sliceMs);
  } catch (error) {
    if (error instanceof LostJob) return { jobId, outcome: "not_taken" };
    await finish(jobId, runnerId, { status: "FAILED", error: readableError(error) }, { type: "job.failed", description: `Failed: ${job.label}` });
    return { jobId, outcome: "failed" };
  } finally {
    clearInterval(heartbeat);
  }
}

async function cancelRequested(jobId: string): Promise<boolean> {
  const row = await prisma.backgroundJob.findUnique({ where: { id: jobId }, select: { cancelRequestedAt: true } });
  return row?.cancelRequestedAt != null;
}

async function runWhole(job: JobRow, actor: Actor, runnerId: string, definition: Extract<JobDefinition, { mode: "whole" }>): Promise<SliceOutcome> {
  const ctx: JobContext = {
    job,
    actor,
    progress: (done, total, currentItem) => touch(job.id, runnerId, prisma, { done, total, ...(currentItem !== undefined ? { currentItem } : {}) }),
    async checkCancelled() {
      if (await cancelRequested(job.id)) throw new JobCancelled();
    },
  };
  try {
    const result = await definition.run(ctx);
    await finish(job.id, runnerId, { status: "SUCCEEDED", result }, { type: "job.finished", description: `Finished: ${job.label}` });
    return { jobId: job.id, outcome: "done" };
  } catch (error) {
    if (!(error instanceof JobCancelled)) throw error;
    await finishCancelled(job.id, runnerId);
    return { jobId: job.id, outcome: "cancelled" };
  }
}

async function runItems(job: JobRow, actor: Actor, runnerId: string, definition: Extract<JobDefinition, { mode: "items" }>, deadline: number): Promise<SliceOutcome> {
  let items = 0;
  while (Date.now() < deadline) {
    if (await cancelRequested(job.id)) {
      await finishCancelled(job.id, runnerId);
      return { jobId: job.id, outcome: "cancelled", items };
    }
    const batch = await prisma.backgroundJobItem.findMany({
      where: { jobId: job.id, status: "PENDING" }, orderBy: { position: "asc" }, take: definition.concurrency,
      select: { id: true, key: true, label: true, position: true },
    });
    if (batch.length === 0) {
      await refreshCounts(job.id);
      const counts = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: job.id }, select: { done: true, failed: true, total: true } });
      const allFailed = counts.done === 0 && counts.failed > 0;
      await finish(job.id, runnerId, { status: allFailed ? "FAILED" : "SUCCEEDED", result: { done: counts.done, failed: counts.failed }, ...(allFailed ? { error: "Every item failed; see the reasons below" } : {}) }, {
        type: allFailed ? "job.failed" : "job.finished",
        description: `${allFailed ? "Failed" : "Finished"}: ${job.label} (${counts.done} done${counts.failed ? `, ${counts.failed} failed` : ""})`,
      });
      return { jobId: job.id, outcome: allFailed ? "failed" : "done", items };
    }
    await touch(job.id, runnerId, prisma, { currentItem: batch.map((b) => b.label).join(", ").slice(0, 300) });
    const waits = (await Promise.all(batch.map((item) => runItem(job, actor, runnerId, definition, item)))).filter((w): w is ItemWait => w !== undefined);
    items += batch.length - waits.length;
    await refreshCounts(job.id);
    if (waits.length > 0) {
      // The starter's AI limit is used up for this minute: the waiting items stay in line and the job goes on when it allows.
      const seconds = Math.max(...waits.map((w) => w.retryAfterSeconds));
      await prisma.$transaction(async (tx) => {
        await touch(job.id, runnerId, tx, { runnerId: null, currentItem: `Paused for about ${seconds} s: your AI calls for this minute are used up; the job goes on by itself` });
        await enqueueBackgroundJob(job.id, tx, new Date(Date.now() + seconds * 1000));
      });
      return { jobId: job.id, outcome: "continued", items };
    }
  }
  // The slice is spent: hand over to a continuation (any worker), keeping the progress.
  await prisma.$transaction(async (tx) => {
    await touch(job.id, runnerId, tx, { runnerId: null });
    await enqueueBackgroundJob(job.id, tx);
  });
  return { jobId: job.id, outcome: "continued", items };
}

/** An item that did not run because a limit said "not now"; it stays PENDING. */
type ItemWait = { retryAfterSeconds: number };

async function runItem(job: JobRow, actor: Actor, runnerId: string, definition: Extract<JobDefinition, { mode: "items" }>, item: ItemRow): Promise<ItemWait | undefined> {
  try {
    const work = await definition.run(item, job, actor);
    await prisma.$transaction(async (tx) => {
      await touch(job.id, runnerId, tx);
      const result = (work.write ? await work.write(tx) : undefined) ?? work.result;
      const marked = await tx.backgroundJobItem.updateMany({
        where: { id: item.id, status: "PENDING" },
        data: { status: "DONE", finishedAt: new Date(), ...(result !== undefined ? { result } : {}) },
      });
      if (marked.count === 0) throw new LostJob("The item was done by another worker");
    });
  } catch (error) {
    if (error instanceof LostJob) throw error;
    if (error instanceof AppError && error.code === "rate_limited") {
      return { retryAfterSeconds: Math.max(1, Number(error.headers?.["Retry-After"]) || 60) };
    }
    await prisma.backgroundJobItem.updateMany({ where: { id: item.id, status: "PENDING" }, data: { status: "FAILED", error: readableError(error), finishedAt: new Date() } });
  }
}

/** Jobs whose runner stopped heartbeating (its process died) or that never started: queued again. */
export async function recoverStalledJobs(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RUNNER_STALE_MS);
  const stalled = await prisma.backgroundJob.findMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null, updatedAt: { lt: cutoff } }] },
    select: { id: true },
    take: 100,
  });
  for (const { id } of stalled) await enqueueBackgroundJob(id);
  return stalled.length;
}
