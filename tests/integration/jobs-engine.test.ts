import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as bulkRoute from "@/app/api/outreach/generate/bulk/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as jobsRoute from "@/app/api/jobs/route";
import * as cancelRoute from "@/app/api/jobs/[id]/cancel/route";
import * as retryRoute from "@/app/api/jobs/[id]/retry/route";
import * as downloadRoute from "@/app/api/jobs/[id]/download/route";
import * as exportJobsRoute from "@/app/api/export/jobs/route";
import * as engineRoute from "@/app/api/jobs/engine/route";
import * as runNowRoute from "@/app/api/jobs/engine/run/route";
import * as cronJobsRoute from "@/app/api/cron/jobs/route";
import { recoverStalledJobs, RUNNER_STALE_MS, runBackgroundSlice } from "@/server/jobs/background";
import { JOB_DEFINITIONS } from "@/server/jobs/tasks";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";
import { createPerson, outreachSetup } from "../helpers/outreach-fixtures";
import { drainJobs } from "@/server/jobs/runtime";
import { jobRow, runJobs } from "../helpers/jobs";

/**
 * Background jobs through the real engine (graphile-worker on the test database, drained in
 * this process like a cron call): bulk drafts with progress, cancel and retry of failed items,
 * a runner that died, the export file, and the engine's status and "Run now".
 */
async function teamWithPeople(n: number) {
  const { event, rep, account, person } = await outreachSetup();
  await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
  const people = [person, ...(await Promise.all(Array.from({ length: n - 1 }, () => createPerson(event.id, account.id))))];
  const { cookie } = await createSession(rep.id);
  return { event, rep, account, people, cookie };
}

const draftsFor = (personIds: string[]) => prisma.outreach.count({ where: { personId: { in: personIds }, status: "DRAFT", generatedBy: "template" } });

describe("bulk drafts as a background job", () => {
  it("answers at once with the job, works every person once, and reports progress", async () => {
    const { people, cookie } = await teamWithPeople(6);
    const ids = people.map((p) => p.id);
    const res = await callRoute(bulkRoute.POST, "/api/outreach/generate/bulk", { method: "POST", cookie, body: { personIds: ids } });
    expect(res.status).toBe(202);
    expect(res.json.data).toMatchObject({ kind: "drafts", status: "QUEUED", total: 6, done: 0, label: "Drafts for 6 people" });
    expect(await draftsFor(ids)).toBe(0);

    const report = await runJobs();
    expect(report.runs.map((r) => `${r.task}:${r.outcome}`)).toContain("background.run:ok");
    const view = await callRoute(jobRoute.GET, "/x", { cookie, params: { id: res.json.data.id } });
    expect(view.json.data).toMatchObject({ status: "SUCCEEDED", done: 6, failed: 0, total: 6, currentItem: null, failedItems: [] });
    expect(await draftsFor(ids)).toBe(6);
    expect(await prisma.activity.count({ where: { entityId: res.json.data.id, type: { in: ["job.started", "job.finished"] } } })).toBe(2);

    // Listed for its owner; invisible to another rep.
    const mine = await callRoute(jobsRoute.GET, "/x", { cookie, query: { kind: "drafts" } });
    expect(mine.json.data.map((j: { id: string }) => j.id)).toContain(res.json.data.id);
    const other = await createUser({ role: "REP" });
    const { cookie: otherCookie } = await createSession(other.id);
    expect((await callRoute(jobRoute.GET, "/x", { cookie: otherCookie, params: { id: res.json.data.id } })).status).toBe(404);
    expect((await callRoute(cancelRoute.POST, "/x", { method: "POST", cookie: otherCookie, params: { id: res.json.data.id } })).status).toBe(404);
  });

  it("records why items failed and retries only those once the cause is fixed", async () => {
    const { event, people, cookie } = await teamWithPeople(3);
    const campaign = await prisma.campaign.create({ data: { eventId: event.id, name: "Pre-show" } });
    const ids = people.map((p) => p.id);
    const res = await callRoute(bulkRoute.POST, "/x", { method: "POST", cookie, body: { personIds: ids, campaignId: campaign.id } });
    expect(res.status).toBe(202);
    // The campaign is archived before the worker gets to the job: every item fails with the reason.
    await prisma.campaign.update({ where: { id: campaign.id }, data: { archivedAt: new Date() } });
    await runJobs();
    const failed = await callRoute(jobRoute.GET, "/x", { cookie, params: { id: res.json.data.id } });
    expect(failed.json.data).toMatchObject({ status: "FAILED", done: 0, failed: 3, error: "Every item failed; see the reasons below" });
    expect(failed.json.data.failedItems).toHaveLength(3);
    expect(failed.json.data.failedItems[0]).toMatchObject({ label: people[0].name, error: "That campaign does not exist in this event" });

    await prisma.campaign.update({ where: { id: campaign.id }, data: { archivedAt: null } });
    const retried = await callRoute(retryRoute.POST, "/x", { method: "POST", cookie, params: { id: res.json.data.id } });
    expect(retried.json.data).toMatchObject({ status: "QUEUED", failed: 0, done: 0 });
    await runJobs();
    expect(await jobRow(res.json.data.id)).toMatchObject({ status: "SUCCEEDED", done: 3, failed: 0 });
    expect(await prisma.outreach.count({ where: { personId: { in: ids }, campaignId: campaign.id } })).toBe(3);
    // Nothing left to retry.
    expect((await callRoute(retryRoute.POST, "/x", { method: "POST", cookie, params: { id: res.json.data.id } })).status).toBe(409);
  });

  it("cancels between items, keeps what is done, and can pick up the rest later", async () => {
    const { people, cookie } = await teamWithPeople(10);
    const ids = people.map((p) => p.id);
    const res = await callRoute(bulkRoute.POST, "/x", { method: "POST", cookie, body: { personIds: ids } });
    const jobId = res.json.data.id;
    // One slice that has time for one round of items (4 at a time), then a cancel before the continuation runs.
    const first = await runBackgroundSlice(jobId, "runner-a", JOB_DEFINITIONS, 1);
    expect(first).toMatchObject({ outcome: "continued", items: 4 });
    expect(await jobRow(jobId)).toMatchObject({ status: "RUNNING", done: 4, runnerId: null });
    const cancelled = await callRoute(cancelRoute.POST, "/x", { method: "POST", cookie, params: { id: jobId } });
    expect(cancelled.json.data).toMatchObject({ cancelRequested: true });
    await runJobs();
    expect(await jobRow(jobId)).toMatchObject({ status: "CANCELLED", done: 4 });
    expect(await draftsFor(ids)).toBe(4);
    expect((await callRoute(cancelRoute.POST, "/x", { method: "POST", cookie, params: { id: jobId } })).status).toBe(409);

    // Retry runs the six that were skipped, and nothing twice.
    await callRoute(retryRoute.POST, "/x", { method: "POST", cookie, params: { id: jobId } });
    await runJobs();
    expect(await jobRow(jobId)).toMatchObject({ status: "SUCCEEDED", done: 10, failed: 0 });
    expect(await draftsFor(ids)).toBe(10);
  });

  it("a job whose runner died is taken over and finished without doing an item twice", async () => {
    const { people, cookie } = await teamWithPeople(6);
    const ids = people.map((p) => p.id);
    const res = await callRoute(bulkRoute.POST, "/x", { method: "POST", cookie, body: { personIds: ids } });
    const jobId = res.json.data.id;
    await runBackgroundSlice(jobId, "runner-a", JOB_DEFINITIONS, 1);
    // runner-a holds the job again and dies (no heartbeat): a live runner cannot take it...
    await prisma.backgroundJob.update({ where: { id: jobId }, data: { runnerId: "runner-a", heartbeatAt: new Date() } });
    expect(await runBackgroundSlice(jobId, "runner-b", JOB_DEFINITIONS)).toMatchObject({ outcome: "not_taken" });
    // ...until its heartbeat is stale; the maintenance task queues the job again.
    await prisma.backgroundJob.update({ where: { id: jobId }, data: { heartbeatAt: new Date(Date.now() - RUNNER_STALE_MS - 1_000) } });
    expect(await recoverStalledJobs()).toBeGreaterThanOrEqual(1);
    await runJobs();
    expect(await jobRow(jobId)).toMatchObject({ status: "SUCCEEDED", done: 6 });
    expect(await draftsFor(ids)).toBe(6);
  });

  it("refuses what it cannot do with clear errors and writes nothing", async () => {
    const { cookie } = await teamWithPeople(1);
    const before = await prisma.backgroundJob.count();
    const foreign = await createPerson((await createEvent()).id, null);
    const bad = await callRoute(bulkRoute.POST, "/x", { method: "POST", cookie, body: { personIds: [foreign.id] } });
    expect(bad.status).toBe(422);
    expect(bad.json.details).toEqual([{ path: "personIds", message: `Unknown person ${foreign.id}` }]);
    expect((await callRoute(bulkRoute.POST, "/x", { method: "POST", cookie, body: { personIds: [] } })).status).toBe(422);
    expect((await callRoute(jobRoute.GET, "/x", { cookie, params: { id: "missing" } })).status).toBe(404);
    expect(await prisma.backgroundJob.count()).toBe(before);
  });
});

describe("full export as a background job", () => {
  it("stores the zip with the job and offers it as a download to admins", async () => {
    const { event } = await teamWithPeople(2);
    const admin = await createUser({ role: "ADMIN" });
    const { cookie } = await createSession(admin.id);
    const res = await callRoute(exportJobsRoute.POST, "/api/export/jobs", { method: "POST", cookie, body: { eventId: event.id } });
    expect(res.status).toBe(202);
    expect(res.json.data).toMatchObject({ kind: "export", status: "QUEUED", file: null });
    const notYet = await callRoute(downloadRoute.GET, "/x", { cookie, params: { id: res.json.data.id } });
    expect(notYet.status).toBe(404);
    await runJobs();
    const done = await callRoute(jobRoute.GET, "/x", { cookie, params: { id: res.json.data.id } });
    expect(done.json.data).toMatchObject({ status: "SUCCEEDED", file: { contentType: "application/zip", url: `/api/jobs/${res.json.data.id}/download` } });
    const file = await callRoute(downloadRoute.GET, "/x", { cookie, params: { id: res.json.data.id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/attachment; filename=".*-export-.*\.zip"/);
    expect(file.text.slice(0, 2)).toBe("PK");
    // Reps cannot start one.
    const rep = await createUser({ role: "REP" });
    const { cookie: repCookie } = await createSession(rep.id);
    expect((await callRoute(exportJobsRoute.POST, "/x", { method: "POST", cookie: repCookie, body: { eventId: event.id } })).status).toBe(403);
  });
});

describe("the engine in Settings", () => {
  it("Run now queues the periodic work; the status lists the runs and the cron drain that ran them", async () => {
    // Worker processes SIGKILLed by jobs-crash.test.ts (same database) keep their last heartbeat
    // for WORKER_STALE_MS and would read as a long-running worker: they are gone, mark them so.
    await prisma.jobWorker.updateMany({ where: { mode: { not: "cron" }, stoppedAt: null }, data: { stoppedAt: new Date() } });
    const admin = await createUser({ role: "ADMIN" });
    const { cookie } = await createSession(admin.id);
    const queued = await callRoute(runNowRoute.POST, "/api/jobs/engine/run", { method: "POST", cookie });
    expect(queued.status).toBe(202);
    expect(queued.json.data.queued).toEqual(["sequences.tick", "outreach.queue", "meetings.reminders", "notifications.send", "jobs.maintenance"]);
    const waiting = await callRoute(engineRoute.GET, "/api/jobs/engine", { cookie });
    expect(waiting.json.data.queue).toEqual(expect.arrayContaining([expect.objectContaining({ task: "outreach.queue", due: 1 })]));

    const saved = process.env.CRON_SECRET;
    process.env.CRON_SECRET = "jobs-cron-secret";
    try {
      const drained = await callRoute(cronJobsRoute.GET, "/api/cron/jobs", { headers: { authorization: "Bearer jobs-cron-secret" } });
      expect(drained.status).toBe(200);
      expect(drained.json.data).toMatchObject({ stoppedBy: "idle", dueLeft: 0 });
      expect(drained.json.data.runs.map((r: { task: string }) => r.task)).toEqual(expect.arrayContaining(["sequences.tick", "outreach.queue", "meetings.reminders", "jobs.maintenance"]));
    } finally {
      if (saved === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = saved;
    }
    const status = await callRoute(engineRoute.GET, "/api/jobs/engine", { cookie });
    expect(status.json.data.state).toBe("cron");
    expect(status.json.data.runs[0]).toMatchObject({ outcome: "ok" });
    expect(status.json.data.runs.map((r: { task: string }) => r.task)).toContain("outreach.queue");

    const rep = await createUser({ role: "REP" });
    const { cookie: repCookie } = await createSession(rep.id);
    expect((await callRoute(engineRoute.GET, "/x", { cookie: repCookie })).status).toBe(403);
    expect((await callRoute(runNowRoute.POST, "/x", { method: "POST", cookie: repCookie })).status).toBe(403);
  });
});

describe("what a drain reports as left for the next call", () => {
  const queued = (task: string) => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${task}`.then(([r]) => r.n);
  // The drain's own crontab adds every-minute jobs (meetings.reminders among them) on the minute:
  // these counts are exact only away from it.
  const clearOfTheMinute = async () => {
    const [{ s }] = await prisma.$queryRaw<[{ s: number }]>`SELECT extract(second FROM now())::float8 AS s`;
    if (s > 50) await new Promise((resolve) => setTimeout(resolve, (61 - s) * 1000));
  };

  it("an idle drain leaves nothing, even when a job dated in the past appears while it shuts down", async () => {
    // graphile-worker's crontab does this: it inserts a minute's jobs just after the minute, with
    // run_at on the minute. Here a trigger adds such a job as the drain marks its worker stopped.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_job_at_shutdown() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('meetings.reminders', '{}'::json, run_at := now() - interval '1 minute');
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_job_at_shutdown AFTER UPDATE OF "stoppedAt" ON job_workers
      FOR EACH ROW WHEN (NEW."stoppedAt" IS NOT NULL AND NEW.mode = 'cron') EXECUTE FUNCTION test_job_at_shutdown()`);
    try {
      await clearOfTheMinute();
      const report = await runJobs();
      expect(report.dueLeft).toBe(0);
      // It is not lost: the next call runs it.
      expect(await queued("meetings.reminders")).toBe(1);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER test_job_at_shutdown ON job_workers`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION test_job_at_shutdown()`);
    }
    const next = await runJobs();
    expect(next.dueLeft).toBe(0);
    expect(next.runs.map((r) => r.task)).toContain("meetings.reminders");
    expect(await queued("meetings.reminders")).toBe(0);
  });

  it("a drain out of time counts every due job it did not run, and only those", async () => {
    await clearOfTheMinute();
    for (let i = 0; i < 12; i++) await prisma.$queryRaw`SELECT graphile_worker.add_job('meetings.reminders', '{}'::json)`;
    const report = await drainJobs({ budgetMs: 0, concurrency: 1 });
    expect(report.stoppedBy).toBe("budget");
    const ran = report.runs.filter((r) => r.task === "meetings.reminders").length;
    expect(report.dueLeft).toBe(await queued("meetings.reminders"));
    expect(ran + report.dueLeft).toBe(12);
    expect(report.dueLeft).toBeGreaterThan(0);
    await runJobs();
  });
});
