import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";

/**
 * Putting work on the job engine's queue (graphile-worker, schema "graphile_worker"). Jobs are
 * added with SQL through the caller's Prisma client or transaction, so a job is queued exactly
 * when the rows it works on are committed (a rolled-back request leaves no job behind).
 */

/** Every task the engine knows; the handlers are in tasks.ts. */
export const TASKS = {
  /** Feeds due sequence steps to `sequences.batch` jobs (every minute, and after each batch). */
  sequencesTick: "sequences.tick",
  /** Sends one claimed batch of due sequence steps. */
  sequencesBatch: "sequences.batch",
  /** Marks interrupted sends and sends queued messages whose slot has come (every minute). */
  outreachQueue: "outreach.queue",
  /** Reminder mails 24 h and 1 h before a meeting (every minute). */
  meetingReminders: "meetings.reminders",
  /** Due tasks become notifications; the immediate mails and daily digests go out (every 5 minutes). */
  notifications: "notifications.send",
  /** One slice of a user's background job (drafts, research, rescoring, import, export). */
  backgroundRun: "background.run",
  /** Restarts background jobs whose worker died; prunes the run log; empties the Trash of 30-day-old deletions (every 5 minutes). */
  maintenance: "jobs.maintenance",
  /** Erases never-engaged prospects whose retention period is over (daily; docs/PRIVACY.md). */
  retention: "privacy.retention",
  /** Polls connected IMAP mailboxes for replies, then retries failed reply forwards (every 5 minutes). */
  mailboxSync: "mailboxes.sync",
} as const;

/** A worker whose heartbeat (every 20 s) is older than this is gone. */
export const WORKER_STALE_MS = 90_000;

export type TaskName = (typeof TASKS)[keyof typeof TASKS];

export type AddJobOptions = {
  /** At most one pending job per key: a second add replaces the pending one (graphile-worker's job_key). */
  jobKey?: string;
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
};

export async function addJob(task: TaskName, payload: Record<string, unknown>, options: AddJobOptions = {}, db: DbTx = prisma): Promise<void> {
  await db.$queryRaw`
    SELECT graphile_worker.add_job(
      ${task}::text, ${JSON.stringify(payload)}::json, NULL::text,
      ${options.runAt ? options.runAt.toISOString() : null}::timestamptz,
      ${options.maxAttempts ?? null}::int, ${options.jobKey ?? null}::text, ${options.priority ?? null}::int, NULL::text[],
      ${options.jobKeyMode ?? "replace"}::text
    ) IS NOT NULL AS added`;
}

/** A job of graphile_worker.jobs that a worker would take now: due, not locked, tries left. */
export const DUE_AND_FREE = Prisma.sql`locked_at IS NULL AND run_at <= now() AND attempts < max_attempts`;

/**
 * Jobs of a task waiting to run now. A job waiting for a retry later (graphile-worker's backoff
 * after a failure) does not count: it must not keep the tick from queueing the work due now.
 */
export async function pendingJobCount(task: TaskName, db: DbTx = prisma): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${task} AND ${DUE_AND_FREE}`;
  return row?.n ?? 0;
}
