import type { Task, TaskList } from "graphile-worker";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { fullExportJob } from "@/server/exports/full-export";
import { importJob } from "@/server/import/job";
import { recoverStalledJobs, runBackgroundSlice, type JobDefinition } from "@/server/jobs/background";
import { addJob, pendingJobCount, TASKS, WORKER_STALE_MS, type TaskName } from "@/server/jobs/queue";
import { logger } from "@/server/logger";
import { sendDueMeetingReminders } from "@/server/meetings/reminders";
import { sendDueDigests } from "@/server/notifications/service";
import { draftJobItem, type BulkDraftsInput } from "@/server/outreach/drafts";
import { markInterruptedSends, processQueuedOutreach } from "@/server/outreach/send";
import { researchJobItem } from "@/server/research/service";
import { rescoreJob } from "@/server/scoring/service";
import { pruneOutreachSubjects } from "@/server/search/subjects";
import { compactSequenceProgress } from "@/server/sequences/service";
import { purgeExpiredTrash } from "@/server/trash/service";
import { runRetention } from "@/server/privacy/retention";
import { BATCH_SIZE, countDueEnrollments, runSequenceBatch } from "@/server/sequences/engine";
import { resumeOutOfOffice } from "@/server/sequences/out-of-office";
import { syncAllMailboxes } from "@/server/mailboxes/sync";

/**
 * What each task of the job engine does. Every execution is logged in job_runs (outcome and
 * summary: what Settings shows). Periodic tasks never throw to graphile-worker — the next
 * minute's run is their retry — so failed runs do not pile up in its queue.
 */

/** Batches of due sequence steps waiting at once: enough to keep several workers busy, few enough that claims stay fresh. */
const MAX_PENDING_BATCHES = 16;
const RUN_LOG_DAYS = 3;

/** The kinds of background job a user can start, and how each one runs. */
export const JOB_DEFINITIONS: Record<string, JobDefinition> = {
  drafts: { mode: "items", concurrency: 4, run: (item, job, actor) => draftJobItem(job.input as BulkDraftsInput, item.key, actor) },
  research: { mode: "items", concurrency: 2, run: (item, _job, actor) => researchJobItem(item.key, actor) },
  rescore: { mode: "whole", run: rescoreJob },
  import: { mode: "whole", run: importJob },
  export: { mode: "whole", run: fullExportJob },
};

type Handler = (payload: Record<string, unknown>, workerId: string) => Promise<Prisma.InputJsonValue>;

const HANDLERS: Record<TaskName, Handler> = {
  /** Queues enough `sequences.batch` jobs for what is due; each batch that comes back full queues the next itself. */
  [TASKS.sequencesTick]: async () => {
    // Step messages a dead process left in SENDING are settled first, so the batches find them QUEUED or INTERRUPTED rather than busy.
    const interrupted = await markInterruptedSends(new Date());
    // Enrollments paused by an out-of-office reply whose return date has come count as due again.
    const resumed = await resumeOutOfOffice(new Date());
    const due = await countDueEnrollments(new Date(), MAX_PENDING_BATCHES * BATCH_SIZE);
    const pending = await pendingJobCount(TASKS.sequencesBatch);
    const wanted = Math.max(0, Math.min(Math.ceil(due / BATCH_SIZE), MAX_PENDING_BATCHES) - pending);
    for (let i = 0; i < wanted; i++) await addJob(TASKS.sequencesBatch, {});
    return { due, batchesQueued: wanted, batchesWaiting: pending, interrupted, resumed };
  },
  [TASKS.sequencesBatch]: async (_payload, workerId) => {
    const { full, ...summary } = await runSequenceBatch({ workerId });
    if (full) await addJob(TASKS.sequencesBatch, {});
    return { ...summary, more: full };
  },
  [TASKS.outreachQueue]: async () => {
    const summary = await processQueuedOutreach();
    if (summary.more) await addJob(TASKS.outreachQueue, {}, { jobKey: `cron:${TASKS.outreachQueue}` });
    return summary;
  },
  [TASKS.meetingReminders]: async () => sendDueMeetingReminders(new Date()),
  [TASKS.notifications]: async () => sendDueDigests(new Date()),
  [TASKS.retention]: async () => runRetention(new Date()),
  [TASKS.mailboxSync]: async () => syncAllMailboxes(new Date()),
  [TASKS.backgroundRun]: async (payload, workerId) => {
    const outcome = await runBackgroundSlice(String(payload.jobId), workerId, JOB_DEFINITIONS);
    return outcome;
  },
  [TASKS.maintenance]: async () => {
    const restarted = await recoverStalledJobs();
    // Runs of a worker that died never finish: say so, instead of "running" forever.
    const gone = await prisma.jobWorker.findMany({ where: { lastSeenAt: { lt: new Date(Date.now() - WORKER_STALE_MS) } }, select: { id: true } });
    const abandoned = gone.length === 0 ? { count: 0 } : await prisma.jobRun.updateMany({
      where: { outcome: "running", workerId: { in: gone.map((w) => w.id) } },
      data: { outcome: "abandoned", error: "The worker stopped before this run finished", finishedAt: new Date() },
    });
    const cutoff = new Date(Date.now() - RUN_LOG_DAYS * 86_400_000);
    const pruned = await prisma.jobRun.deleteMany({ where: { startedAt: { lt: cutoff } } });
    const workers = await prisma.jobWorker.deleteMany({ where: { lastSeenAt: { lt: cutoff } } });
    // Deletions older than 30 days leave the Trash for good.
    const trash = await purgeExpiredTrash(new Date());
    const unusedSubjects = await pruneOutreachSubjects();
    const sequenceProgressRows = await compactSequenceProgress();
    return { restartedJobs: restarted, abandonedRuns: abandoned.count, prunedRuns: pruned.count, prunedWorkers: workers.count, trash, unusedSubjects, sequenceProgressRows };
  },
};

/** One execution of a task, logged in job_runs; answers with its summary or the error it ended with. */
async function runLogged(task: TaskName, payload: unknown, workerId: string): Promise<{ ok: true; summary: Prisma.InputJsonValue } | { ok: false; error: unknown }> {
  const run = await prisma.jobRun.create({ data: { task, workerId, jobId: typeof (payload as { jobId?: unknown })?.jobId === "string" ? (payload as { jobId: string }).jobId : null }, select: { id: true } });
  try {
    const summary = await HANDLERS[task]((payload ?? {}) as Record<string, unknown>, workerId);
    await prisma.jobRun.update({ where: { id: run.id }, data: { outcome: "ok", summary, finishedAt: new Date() } });
    return { ok: true, summary };
  } catch (error) {
    logger.error({ err: error, task }, "job failed");
    const message = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
    await prisma.jobRun.update({ where: { id: run.id }, data: { outcome: "error", error: message, finishedAt: new Date() } }).catch(() => {});
    return { ok: false, error };
  }
}

function logged(task: TaskName, workerId: string): Task {
  return async (payload) => {
    await runLogged(task, payload, workerId);
  };
}

/** The periodic tasks that also have their own cron path (for a scheduler outside the engine). */
export type TriggerableTask = typeof TASKS.meetingReminders | typeof TASKS.notifications | typeof TASKS.retention | typeof TASKS.mailboxSync;

/**
 * Runs one periodic task here and now, logged like any run of the engine (Settings shows it):
 * what its cron path does when a scheduler outside the engine calls it. The engine's own
 * schedule runs the same task; both are idempotent and overlap-safe. Answers with the task's
 * summary; a failure goes to the caller.
 */
export async function runTaskNow(task: TriggerableTask, trigger: string): Promise<Prisma.InputJsonValue> {
  const outcome = await runLogged(task, {}, trigger);
  if (!outcome.ok) throw outcome.error;
  return outcome.summary;
}

export function taskList(workerId: string): TaskList {
  return Object.fromEntries((Object.keys(HANDLERS) as TaskName[]).map((task) => [task, logged(task, workerId)]));
}
