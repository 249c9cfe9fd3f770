import { recordActivity } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { addJob, TASKS, WORKER_STALE_MS } from "@/server/jobs/queue";

/**
 * The engine as Settings shows it: which workers are alive, what is waiting in the queue, and
 * the last runs with their results; and "Run now", which queues the periodic tasks at once.
 */
const PERIODIC = [TASKS.sequencesTick, TASKS.outreachQueue, TASKS.meetingReminders, TASKS.notifications, TASKS.maintenance] as const;

export async function getEngineStatus(now = new Date()) {
  const [workers, queue, runs] = await Promise.all([
    prisma.jobWorker.findMany({ where: { stoppedAt: null, lastSeenAt: { gt: new Date(now.getTime() - WORKER_STALE_MS) } }, orderBy: { startedAt: "asc" } }),
    prisma.$queryRaw<{ task: string; due: number; scheduled: number; running: number; failed: number }[]>`
      SELECT task_identifier AS task,
             count(*) FILTER (WHERE locked_at IS NULL AND run_at <= now() AND attempts < max_attempts)::int AS due,
             count(*) FILTER (WHERE locked_at IS NULL AND run_at > now() AND attempts < max_attempts)::int AS scheduled,
             count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
             count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
        FROM graphile_worker.jobs GROUP BY 1 ORDER BY 1`,
    prisma.jobRun.findMany({ orderBy: { startedAt: "desc" }, take: 25 }),
  ]);
  const lastDrain = await prisma.jobWorker.findFirst({ where: { mode: "cron" }, orderBy: { lastSeenAt: "desc" }, select: { lastSeenAt: true } });
  const longRunning = workers.filter((w) => w.mode !== "cron");
  const state = longRunning.length > 0 ? "running" : lastDrain && now.getTime() - lastDrain.lastSeenAt.getTime() < 3 * 60_000 ? "cron" : "stopped";
  return {
    state,
    now,
    workers: workers.map((w) => ({ id: w.id, mode: w.mode, host: w.host, pid: w.pid, startedAt: w.startedAt, lastSeenAt: w.lastSeenAt })),
    lastCronDrainAt: lastDrain?.lastSeenAt ?? null,
    queue,
    runs: runs.map((r) => ({
      id: r.id, task: r.task, outcome: r.outcome, summary: r.summary, error: r.error, workerId: r.workerId,
      startedAt: r.startedAt, finishedAt: r.finishedAt, ms: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    })),
  };
}

/** Queues every periodic task to run now (the same job keys as the crontab, so nothing runs twice). */
export async function runEngineNow(actor: { id: string }) {
  await prisma.$transaction(async (tx) => {
    for (const task of PERIODIC) await addJob(task, { manual: true }, { jobKey: `cron:${task}` }, tx);
    await recordActivity({ type: "jobs.run_now", description: "Asked the job engine to run its periodic work now", actorId: actor.id, entityType: "job_engine" }, tx);
  });
  return { queued: [...PERIODIC] };
}
