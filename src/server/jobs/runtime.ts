import { EventEmitter } from "node:events";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { parseCronItems, run, type Runner, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { createPool, prisma, pgPool } from "@/server/db";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { workerLogger } from "@/server/jobs/install";
import { DUE_AND_FREE, TASKS } from "@/server/jobs/queue";
import { taskList } from "@/server/jobs/tasks";

/**
 * Where the job engine runs. graphile-worker does the queueing (SKIP LOCKED claims, LISTEN/NOTIFY
 * wake-ups, job keys, the crontab below with backfill); this module starts it in three ways:
 * - a long-running worker (`npm run worker`, or beside the web server under `npm run start` and
 *   `npm run dev`): startWorker();
 * - a time-boxed drain for serverless hosts (the cron routes Vercel calls every minute):
 *   drainJobs() runs until nothing is due or the budget is spent, then reports what ran;
 * (The schema is installed with the migrations: install.ts.)
 * Every process announces itself in job_workers (heartbeat), and every task execution is logged
 * in job_runs (tasks.ts), which is what Settings shows.
 */
export type WorkerMode = "server" | "standalone" | "cron";

const HEARTBEAT_MS = 20_000;

/** The periodic work. Backfill covers a skipped minute (a late cron call, a restart); the job key keeps one pending copy. */
const CRON = [
  { task: TASKS.sequencesTick, match: "* * * * *" },
  { task: TASKS.outreachQueue, match: "* * * * *" },
  { task: TASKS.meetingReminders, match: "* * * * *" },
  { task: TASKS.notifications, match: "*/5 * * * *" },
  { task: TASKS.maintenance, match: "*/5 * * * *" },
  { task: TASKS.retention, match: "17 3 * * *" },
  { task: TASKS.mailboxSync, match: "*/5 * * * *" },
] as const;

function cronItems() {
  return parseCronItems(CRON.map((c) => ({
    task: c.task, match: c.match, identifier: c.task,
    options: { backfillPeriod: 5 * 60_000, jobKey: `cron:${c.task}`, jobKeyMode: "replace" as const, maxAttempts: 1 },
  })));
}

function newWorkerId(mode: WorkerMode) {
  return `${mode}:${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

async function announce(id: string, mode: WorkerMode) {
  await prisma.jobWorker.upsert({
    where: { id },
    create: { id, mode, host: os.hostname(), pid: process.pid },
    update: { lastSeenAt: new Date(), stoppedAt: null },
  });
}

async function retire(id: string) {
  await prisma.jobWorker.updateMany({ where: { id }, data: { stoppedAt: new Date(), lastSeenAt: new Date() } });
}

const globalForEngine = globalThis as unknown as { jobEnginePool?: pg.Pool };

/**
 * graphile-worker's connections: the app's pool, or — when DATABASE_URL goes through a
 * transaction pooler and DIRECT_URL is set (Neon) — a small pool on the direct URL, because the
 * worker LISTENs and takes session-level locks. The tasks themselves use Prisma as usual.
 */
function enginePool(): pg.Pool {
  const { DIRECT_URL } = env();
  if (!DIRECT_URL) return pgPool();
  return (globalForEngine.jobEnginePool ??= createPool(DIRECT_URL));
}

function runnerOptions(workerId: string, events: WorkerEvents, concurrency: number) {
  return {
    pgPool: enginePool(),
    taskList: taskList(workerId),
    parsedCronItems: cronItems(),
    concurrency,
    noHandleSignals: true,
    logger: workerLogger,
    events,
    pollInterval: 2_000,
  };
}

export type RunningWorker = { id: string; stop(): Promise<void>; done: Promise<void> };

/** A long-running worker in this process: the crontab plus `concurrency` jobs at a time, until stop(). */
export async function startWorker(options: { mode: Exclude<WorkerMode, "cron">; concurrency?: number }): Promise<RunningWorker> {
  const id = newWorkerId(options.mode);
  await announce(id, options.mode);
  const heartbeat = setInterval(() => {
    announce(id, options.mode).catch((error: unknown) => logger.warn({ err: error }, "worker heartbeat failed"));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const events: WorkerEvents = new EventEmitter();
  let runner: Runner;
  try {
    runner = await run(runnerOptions(id, events, options.concurrency ?? env().JOB_CONCURRENCY));
  } catch (error) {
    clearInterval(heartbeat);
    await retire(id);
    throw error;
  }
  logger.info({ workerId: id, concurrency: options.concurrency ?? env().JOB_CONCURRENCY }, "job worker started");
  let stopping: Promise<void> | undefined;
  return {
    id,
    done: runner.promise,
    stop() {
      stopping ??= (async () => {
        clearInterval(heartbeat);
        await runner.stop();
        await retire(id);
        logger.info({ workerId: id }, "job worker stopped");
      })();
      return stopping;
    },
  };
}

/** How long a cron call takes new jobs (Vercel's limit is 60 s; a job's slice finishes within ~20 s). */
export const CRON_DRAIN_BUDGET_MS = 35_000;

export type DrainReport = {
  workerId: string;
  ranForMs: number;
  stoppedBy: "idle" | "budget";
  runs: { task: string; outcome: string; summary: unknown; error: string | null; ms: number | null }[];
  /** Jobs that were due when the drain stopped taking work and are left for the next call. */
  dueLeft: number;
};

/**
 * Runs due jobs in this process for at most `budgetMs` (new jobs are no longer taken after
 * that; running ones finish — each task keeps its own work to a slice), then reports the runs.
 * Overlapping drains are safe: jobs are claimed with SKIP LOCKED and the crontab's schedule is
 * recorded once per minute whoever runs it.
 */
export async function drainJobs(options: { budgetMs: number; concurrency?: number }): Promise<DrainReport> {
  const started = Date.now();
  const id = newWorkerId("cron");
  await announce(id, "cron");
  const events: WorkerEvents = new EventEmitter();
  let cronReady = false;
  let active = 0;
  let idle!: () => void;
  const becameIdle = new Promise<"idle">((resolve) => (idle = () => resolve("idle")));
  events.on("cron:started", () => (cronReady = true));
  events.on("job:start", () => active++);
  events.on("job:complete", () => active--);
  // An empty poll can race the crontab's first inserts: confirm with the queue before stopping.
  events.on("worker:getJob:empty", () => {
    if (!cronReady || active !== 0) return;
    dueJobCount().then((n) => {
      if (n === 0 && active === 0) idle();
    }, () => {});
  });
  const runner = await run(runnerOptions(id, events, options.concurrency ?? env().JOB_CONCURRENCY));
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<"budget">((resolve) => (timer = setTimeout(() => resolve("budget"), options.budgetMs)));
  const stoppedBy = await Promise.race([becameIdle, budget]);
  // What this drain leaves is the jobs that were due and free at the moment it stopped taking work
  // and are still waiting when it has shut down; nothing that appears later counts. An idle stop
  // saw none (its empty count decided it). A budget stop notes them by id now. Counted by time at
  // the end instead, the crontab's next minute made an idle drain report work left over in the
  // tests (`dueLeft: 1`, and `3` once in CI): graphile-worker inserts a minute's jobs just after
  // the minute with run_at on it, already in the past.
  const dueWhenStopped = stoppedBy === "idle" ? [] : await dueJobIds();
  clearTimeout(timer);
  await runner.stop();
  await retire(id);
  const [runs, dueLeft] = await Promise.all([prisma.jobRun.findMany({ where: { workerId: id }, orderBy: { startedAt: "asc" } }), stillWaiting(dueWhenStopped)]);
  return {
    workerId: id,
    ranForMs: Date.now() - started,
    stoppedBy,
    runs: runs.map((r) => ({ task: r.task, outcome: r.outcome, summary: r.summary, error: r.error, ms: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null })),
    dueLeft,
  };
}

/** Jobs due now that no worker holds. */
async function dueJobCount(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE ${DUE_AND_FREE}`;
  return row?.n ?? 0;
}

async function dueJobIds(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT id::text FROM graphile_worker.jobs WHERE ${DUE_AND_FREE}`;
  return rows.map((r) => r.id);
}

/** How many of these jobs are still queued, free and not yet tried again (a failed try moves run_at on). */
async function stillWaiting(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs
    WHERE id = ANY(${ids}::bigint[]) AND ${DUE_AND_FREE}`;
  return row?.n ?? 0;
}
