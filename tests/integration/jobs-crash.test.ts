import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { prisma } from "@/server/db";
import { addJob, TASKS } from "@/server/jobs/queue";
import { createUser, setSenderIdentity } from "../helpers/factories";
import { runJobs } from "../helpers/jobs";
import { outreachSetup } from "../helpers/outreach-fixtures";

/**
 * Exactly once across crashes, with real processes: job-engine workers are started as separate
 * OS processes (scripts/worker.ts, what `npm run worker` runs) against the test database, mail
 * goes over SMTP to a real smtp-server on loopback that counts every message it receives, and a
 * worker is killed with SIGKILL at the two dangerous points:
 *   1. after it claimed the sends and handed them to the transport, before the answer came
 *      (the SMTP server holds its answer to DATA);
 *   2. after the transport answered, before the send was recorded (the test holds a lock on the
 *      outbox table, so the recording transaction waits; we see it waiting in pg_stat_activity).
 * "Fifteen minutes later" (the claims are aged in the database), the next run must send nothing
 * twice and lose no step: each step is either sent exactly once and its enrollment advanced, or
 * INTERRUPTED and waiting for its owner. Then five workers share 1,000 due steps.
 */
const WORKER_SCRIPT = path.resolve(import.meta.dirname, "../../scripts/worker.ts");

type Answer = "normal" | "hold" | "lock-then-answer";
let answer: Answer = "normal";
let answerDelayMs = 0;
const received = new Map<string, number>();
const held: (() => void)[] = [];
let onReceived: (() => Promise<void>) | null = null;
let server: SMTPServer;
let smtpUrl = "";
const saved = { ...process.env };

beforeAll(async () => {
  await setSenderIdentity();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // Our Message-ID is <outreachId.random@domain>: count per message.
        const id = /^Message-ID:\s*<([^.>]+)\./im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "unknown";
        received.set(id, (received.get(id) ?? 0) + 1);
        if (answer === "hold") held.push(() => callback());
        else if (answer === "lock-then-answer") void (onReceived?.() ?? Promise.resolve()).then(() => callback(), (error: Error) => callback(error));
        else setTimeout(() => callback(), answerDelayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}/?ignoreTLS=true`;
  process.env.SMTP_URL = smtpUrl;
  // Every hour of every day, so the real clock never queues a step for the window.
  await prisma.setting.upsert({ where: { key: "outreach.sendingWindow" }, create: { key: "outreach.sendingWindow", value: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } }, update: { value: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } } });
});

afterAll(async () => {
  await prisma.setting.deleteMany({ where: { key: "outreach.sendingWindow" } });
  if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved.SMTP_URL;
  for (const release of held.splice(0)) release();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  answer = "normal";
  answerDelayMs = 0;
  received.clear();
  onReceived = null;
});

type Worker = { child: ChildProcess; output: string[]; exited: Promise<number | null> };
const running = new Set<Worker>();

// A failed test must not leave a worker behind (it would reconnect to the next test database on the same port).
afterEach(async () => {
  for (const w of running) w.child.kill("SIGKILL");
  await Promise.all([...running].map((w) => w.exited));
});

/** Worker processes name their database sessions, so a test can wait until a killed worker's sessions are gone. */
const WORKER_APPLICATION_NAME = "jobs-crash-worker";

function workerDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("application_name", WORKER_APPLICATION_NAME);
  return url.toString();
}

function startWorkerProcess(env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: workerDatabaseUrl(), SMTP_URL: smtpUrl, LOG_LEVEL: "warn", JOB_CONCURRENCY: "2", ...env },
    // With an IPC channel the worker also stops when this process goes away.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const worker: Worker = { child, output, exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))) };
  running.add(worker);
  void worker.exited.then(() => running.delete(worker));
  return worker;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000, workers: Worker[] = []) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) {
      const output = workers.map((w, i) => `worker ${i} (exit ${w.child.exitCode ?? w.child.signalCode ?? "running"}):\n${w.output.join("").slice(-2000)}`).join("\n");
      console.error(`Timed out waiting for ${what}\n${output}`);
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kill(worker: Worker) {
  worker.child.kill("SIGKILL");
  await worker.exited;
}

/**
 * A killed worker's database sessions outlive it for a moment: one blocked on a lock finishes its
 * statement once the lock is free, and only then notices its client is gone and rolls back. Until
 * then it holds row locks on the enrollments it was recording, and the next run's claim (FOR
 * UPDATE SKIP LOCKED) rightly skips them, leaving them for a later run. "Fifteen minutes later"
 * those sessions are long gone, so the test waits for that too.
 */
async function waitForWorkerSessionsToEnd() {
  await waitFor("the killed worker's database sessions to end", async () => (await workerSessions()) === 0);
}

async function workerSessions(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${WORKER_APPLICATION_NAME} AND datname = current_database()`;
  return row.n;
}

/** `n` people enrolled in a two-step sequence, step 1 due now. */
async function dueSteps(n: number, reps = 1) {
  const { event, rep, account } = await outreachSetup();
  const owners = [rep, ...(await Promise.all(Array.from({ length: reps - 1 }, () => createUser({ role: "REP", name: "Sam Test" }))))];
  await prisma.user.updateMany({ where: { id: { in: owners.map((o) => o.id) } }, data: { dailySendCap: 5_000 } });
  const sequence = await prisma.sequence.create({
    data: {
      eventId: event.id, ownerId: rep.id, name: `Crash ${randomUUID().slice(0, 6)}`, status: "ACTIVE",
      steps: { create: [
        { order: 1, delayDays: 0, channel: "EMAIL", subject: "Hi {{person.firstName}}", body: "About {{account.name}}.\n\n{{sender.name}}" },
        { order: 2, delayDays: 3, channel: "EMAIL", subject: "Again, {{person.firstName}}", body: "Following up.\n\n{{sender.name}}" },
      ] },
    },
  });
  const tag = randomUUID().slice(0, 8);
  const people = Array.from({ length: n }, (_, i) => ({
    id: `pc-${tag}-${i}`, eventId: event.id, accountId: account.id, firstName: "Kim", lastName: `C${i}`, name: `Kim C${i}`,
    email: `kim.${i}.${tag}@crash.test`, timeZone: "America/New_York", source: "import",
  }));
  await prisma.person.createMany({ data: people });
  const now = new Date(Date.now() - 60_000);
  await prisma.sequenceEnrollment.createMany({
    data: people.map((p, i) => ({ id: `ec-${tag}-${i}`, sequenceId: sequence.id, personId: p.id, accountId: account.id, ownerId: owners[i % owners.length].id, nextStepAt: now, enrolledAt: new Date(now.getTime() - 86_400_000) })),
  });
  return { sequence, enrollmentIds: people.map((_, i) => `ec-${tag}-${i}`) };
}

const stepOne = (enrollmentIds: string[]) => prisma.outreach.findMany({ where: { enrollmentId: { in: enrollmentIds }, stepNumber: 1 }, select: { id: true, status: true, enrollmentId: true, handedOverAt: true } });

/** What fifteen minutes do to the claims of a dead worker. */
async function ageClaims(enrollmentIds: string[]) {
  await prisma.$executeRaw`UPDATE outreach SET "updatedAt" = "updatedAt" - interval '20 minutes', "handedOverAt" = "handedOverAt" - interval '20 minutes' WHERE status = 'SENDING' AND "enrollmentId" = ANY(${enrollmentIds}::text[])`;
  await prisma.$executeRaw`UPDATE sequence_enrollments SET "claimExpiresAt" = now() - interval '1 minute' WHERE "claimedBy" IS NOT NULL AND id = ANY(${enrollmentIds}::text[])`;
}

/** What a failed run left unsettled, so a failure in CI says where the steps stopped (messages, enrollments, the queue, the runs). */
async function describeUnsettled(messages: { id: string; status: string; enrollmentId: string | null; handedOverAt: Date | null }[]): Promise<string> {
  if (messages.length === 0) return "";
  const enrollments = await prisma.sequenceEnrollment.findMany({
    where: { id: { in: messages.map((m) => m.enrollmentId!) } },
    select: { id: true, status: true, currentStep: true, nextStepAt: true, claimedBy: true, claimExpiresAt: true, failureCount: true, lastError: true },
  });
  const jobs = await prisma.$queryRaw<unknown[]>`SELECT task_identifier, run_at, locked_at, locked_by, attempts, last_error FROM graphile_worker.jobs`;
  const runs = await prisma.jobRun.findMany({ orderBy: { startedAt: "asc" }, select: { task: true, workerId: true, outcome: true, startedAt: true, finishedAt: true, summary: true, error: true } });
  return `unsettled at ${new Date().toISOString()}:\n${JSON.stringify({ messages, enrollments, jobs, runs }, null, 1)}`;
}

/** 0 duplicates, 0 lost steps: every step sent once and advanced, or INTERRUPTED and waiting for its owner. */
async function expectExactlyOnce(enrollmentIds: string[]) {
  const messages = await stepOne(enrollmentIds);
  expect(messages).toHaveLength(enrollmentIds.length);
  for (const m of messages) expect(received.get(m.id) ?? 0).toBeLessThanOrEqual(1);
  const sent = messages.filter((m) => m.status === "SENT");
  const interrupted = messages.filter((m) => m.status === "INTERRUPTED");
  expect(sent.length + interrupted.length, await describeUnsettled(messages.filter((m) => m.status !== "SENT" && m.status !== "INTERRUPTED"))).toBe(enrollmentIds.length);
  for (const m of sent) expect(received.get(m.id)).toBe(1);
  const enrollments = new Map((await prisma.sequenceEnrollment.findMany({ where: { id: { in: enrollmentIds } } })).map((e) => [e.id, e]));
  for (const m of sent) expect(enrollments.get(m.enrollmentId!)).toMatchObject({ status: "ACTIVE", currentStep: 1, claimedBy: null });
  for (const m of interrupted) {
    expect(enrollments.get(m.enrollmentId!)).toMatchObject({ status: "ACTIVE", currentStep: 0, nextStepAt: null, claimedBy: null });
    expect(enrollments.get(m.enrollmentId!)!.lastError).toMatch(/may or may not have gone out/);
  }
  return { sent: sent.length, interrupted: interrupted.length };
}

describe("a worker killed in the middle of sending", () => {
  it("between handing the mail to the transport and its answer: the next run resends nothing and loses no step", async () => {
    const { enrollmentIds } = await dueSteps(24);
    answer = "hold";
    const worker = startWorkerProcess();
    await addJob(TASKS.sequencesTick, {});
    // Eight lanes deliver at once: eight messages arrive, none is answered.
    await waitFor("eight messages held at the SMTP server", () => held.length === 8, 40_000, [worker]);
    await kill(worker);
    const atKill = await stepOne(enrollmentIds);
    expect(atKill.every((m) => m.status === "SENDING")).toBe(true);
    const handedOver = atKill.filter((m) => m.handedOverAt !== null).map((m) => m.id);
    expect(handedOver.length).toBeGreaterThanOrEqual(8);
    expect(handedOver.length).toBeLessThanOrEqual(16);
    expect([...received.values()].reduce((a, b) => a + b, 0)).toBe(8);
    held.length = 0; // their connections died with the worker

    answer = "normal";
    await waitForWorkerSessionsToEnd();
    await ageClaims(enrollmentIds);
    // A batch job queued before the tick, as a minute's cron tick during the crash leaves one:
    // it runs first, before the tick's sweep has settled the dead worker's claims. It used to
    // answer "busy" and hold those steps back five minutes (the likeliest reading of a CI run
    // where this drain settled 8 of 24 steps); it now settles the stale claims itself.
    await addJob(TASKS.sequencesBatch, {});
    await addJob(TASKS.sequencesTick, {});
    await runJobs();
    const { sent, interrupted } = await expectExactlyOnce(enrollmentIds);
    // Only what was handed over is in doubt; everything else went out by itself.
    expect(interrupted).toBe(handedOver.length);
    expect(sent).toBe(24 - handedOver.length);
    expect((await stepOne(enrollmentIds)).filter((m) => m.status === "INTERRUPTED").map((m) => m.id).sort()).toEqual([...handedOver].sort());
  }, 60_000);

  it("after the transport answered, before the send was recorded: the next run resends nothing and loses no step", async () => {
    const { enrollmentIds } = await dueSteps(12);
    const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    try {
      answer = "lock-then-answer";
      let locked = false;
      onReceived = async () => {
        if (locked) return;
        locked = true;
        await lock.query("BEGIN");
        await lock.query("LOCK TABLE outbox_messages IN EXCLUSIVE MODE");
      };
      const worker = startWorkerProcess();
      await addJob(TASKS.sequencesTick, {});
      // Every message was answered; the recording transaction now waits for the outbox table.
      // (pg_locks, not pg_stat_activity: the latter is a snapshot frozen for this client's open transaction.)
      const waitingToRecord = async () => {
        const { rows } = await lock.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'outbox_messages'::regclass
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
        return rows[0].n > 0;
      };
      await waitFor("the worker blocked in the transaction recording its sends", async () => locked && (await waitingToRecord()), 40_000, [worker]);
      expect([...received.values()].reduce((a, b) => a + b, 0)).toBe(12);
      expect(await workerSessions()).toBeGreaterThan(0); // (the wait below is for these)
      await kill(worker);
      await lock.query("ROLLBACK");
    } finally {
      await lock.end();
    }
    await waitForWorkerSessionsToEnd();
    expect((await stepOne(enrollmentIds)).every((m) => m.status === "SENDING" && m.handedOverAt !== null)).toBe(true);

    answer = "normal";
    await ageClaims(enrollmentIds);
    await addJob(TASKS.sequencesTick, {});
    await runJobs();
    // All twelve went out once; none is sent again, and each waits for its owner's decision.
    expect(await expectExactlyOnce(enrollmentIds)).toEqual({ sent: 0, interrupted: 12 });
    expect([...received.values()].reduce((a, b) => a + b, 0)).toBe(12);
  }, 60_000);
});

describe("five worker processes", () => {
  it("share 1,000 due steps: each mail exactly once, and their runs overlap", async () => {
    const { enrollmentIds } = await dueSteps(1_000, 5);
    answerDelayMs = 5;
    const workers = Array.from({ length: 5 }, () => startWorkerProcess({ JOB_CONCURRENCY: "1" }));
    try {
      // All five are up before there is work, so the batches spread over them.
      const since = new Date(Date.now() - 1_000);
      // (Five tsx processes booting at once next to another test file: up to ~90 s on a loaded 2-core machine.)
      await waitFor("five workers online", async () => (await prisma.jobWorker.count({ where: { startedAt: { gte: since }, stoppedAt: null } })) >= 5, 150_000, workers);
      await addJob(TASKS.sequencesTick, {});
      await waitFor("1,000 first steps sent", async () => (await prisma.outreach.count({ where: { enrollmentId: { in: enrollmentIds }, stepNumber: 1, status: "SENT" } })) === 1_000, 120_000, workers);
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exited));
    }
    const messages = await stepOne(enrollmentIds);
    expect(messages.filter((m) => received.get(m.id) === 1)).toHaveLength(1_000);
    // Only these messages' mail is counted: the workers also run whatever other due work this
    // file's database holds (notification digests, reminders), which is not a resend.
    expect(messages.reduce((sum, m) => sum + (received.get(m.id) ?? 0), 0)).toBe(1_000);
    expect(await prisma.sequenceEnrollment.count({ where: { id: { in: enrollmentIds }, currentStep: 1, status: "ACTIVE" } })).toBe(1_000);

    // The batches ran in several processes at the same time.
    const runs = await prisma.jobRun.findMany({ where: { task: "sequences.batch", outcome: "ok", startedAt: { gte: new Date(Date.now() - 120_000) } }, orderBy: { startedAt: "asc" } });
    const sending = runs.filter((r) => ((r.summary as { sent?: number }).sent ?? 0) > 0);
    const processes = new Set(sending.map((r) => r.workerId));
    expect(processes.size).toBeGreaterThanOrEqual(2);
    const overlapping = sending.some((a) => sending.some((b) => a.workerId !== b.workerId && a.startedAt < b.finishedAt! && b.startedAt < a.finishedAt!));
    expect(overlapping).toBe(true);
    console.log(`[jobs-crash] 1,000 steps over ${processes.size} worker processes, ${sending.length} batches`);
  }, 300_000);
});
