/**
 * The sequence engine through its real entry points — the graphile-worker job engine — with
 * real SMTP: 10,000 due steps (1,000 with --quick) are drained twice, each time from fresh data:
 *
 *  (a) self-hosted: one worker process, `scripts/worker.ts` (what `npm run worker` runs), with
 *      the production settings (JOB_CONCURRENCY from the environment, default 4);
 *  (b) Vercel: the cron route GET /api/cron/jobs (its handler, called in this process with the
 *      Bearer secret), which drains due jobs for its time budget. Vercel calls it once a minute;
 *      here the calls run back to back and each call counts as one minute, so the drain time on
 *      the Vercel cadence is (calls − 1) minutes + the last call's own time.
 *
 * Both start the way the crontab does every minute: a `sequences.tick` job (same job key).
 *
 * Mail goes over SMTP to a real server on loopback (lib/slow-smtp.ts) that answers each message
 * after a random 50–150 ms and counts what it receives.
 *
 * Setup (bulk SQL, not measured), per run: 20 new reps with a daily cap of STEPS / 20 (500 for
 * the full run: 20 × 500 = 10,000, so the cap binds exactly), one ACTIVE two-step EMAIL
 * sequence, new accounts (ten people each, no history), and people enrolled with step 1 due an
 * hour ago:
 *   - STEPS people spread evenly over the 20 reps, in real time zones where it is now between
 *     09:00 and 16:00 (an hour's margin before the window closes): all of these must go out;
 *   - 1% more for rep 0, in the same zones: over rep 0's cap, so these must be QUEUED
 *     (`queuedOverCap`). The engine does not promise that order: all of rep 0's steps were due at
 *     the same moment, and with batches in flight at once any of them can take the last slots
 *     (src/server/sequences/engine.ts). So that budget can miss while the cap holds, and two
 *     more say what must hold whatever the order: rep 0's waiting in-window steps are exactly
 *     the overflow (`queuedOverCapAnyOrder`), and no other rep's in-window step waits
 *     (`queuedInWindowOtherReps`);
 *   - 2% more in time zones where it is now between 18:00 and 07:00: outside the window, so
 *     these must be QUEUED until 09:00 their time.
 * The sending window is set to 09:00–17:00 recipient time on every day of the week (the default
 * is Monday–Friday; every day, so the bench can run on a weekend with a real clock) and restored
 * afterwards.
 *
 * Checked after each run (a miss fails the bench): messages received at the SMTP server ==
 * SENT rows == STEPS with no outreach received twice; every enrollment advanced once; no rep
 * above its cap; every message received inside the window in its recipient's time zone; the
 * over-cap and out-of-window steps QUEUED and never received, and no other rep's in-window step
 * queued.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { TZDate } from "@date-fns/tz";
import * as cronJobsRoute from "../../../src/app/api/cron/jobs/route";
import { prisma } from "../../../src/server/db";
import { isInsideWindow, type SendingWindow } from "../../../src/server/email/sending-window";
import { addJob, TASKS } from "../../../src/server/jobs/queue";
import { CRON_DRAIN_BUDGET_MS, type DrainReport } from "../../../src/server/jobs/runtime";
import { env } from "../../../src/server/env";
import { getSendingWindow, updateSendingWindow } from "../../../src/server/outreach/settings";
import { getPrivacySettings, updatePrivacySettings } from "../../../src/server/privacy/settings";
import { onBenchCleanup } from "../lib/cleanup";
import { round } from "../lib/measure";
import { startSlowSmtpServer, type SlowSmtpServer } from "../lib/slow-smtp";
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WORKER_SCRIPT = path.join(ROOT, "scripts/worker.ts");
const SENDERS = 20;
const SMTP_DELAY = { minMs: 50, maxMs: 150 };
const WINDOW: SendingWindow = { days: [0, 1, 2, 3, 4, 5, 6], startHour: 9, endHour: 17 };
/** The budget: 10,000 due steps drained by one worker in ≤ 10 minutes (scaled for --quick). */
const BUDGET_SECONDS_PER_10K = 600;
const POLL_MS = 250;
/** Recipients work at new accounts of their own: no earlier reply at the account pauses them (the sequence pauses an account on reply). */
const PEOPLE_PER_ACCOUNT = 10;

/** Real zones covering every whole-hour offset from −10 to +14, so any moment has zones inside and outside the window. */
const ZONES = [
  "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Halifax",
  "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Berlin", "Europe/Athens", "Europe/Istanbul",
  "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Singapore", "Asia/Tokyo", "Australia/Brisbane",
  "Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati",
];

function localMinutes(at: Date, zone: string): number {
  const local = new TZDate(at.getTime(), zone);
  return local.getHours() * 60 + local.getMinutes();
}

/** Zones where the window is open now with an hour to spare, and zones it stays closed in for two hours either way. */
function pickZones(now: Date) {
  const inside = ZONES.filter((z) => localMinutes(now, z) >= WINDOW.startHour * 60 && localMinutes(now, z) < (WINDOW.endHour - 1) * 60);
  const outside = ZONES.filter((z) => localMinutes(now, z) >= (WINDOW.endHour + 1) * 60 || localMinutes(now, z) < (WINDOW.startHour - 2) * 60);
  if (inside.length === 0 || outside.length === 0) throw new Error("no time zone inside/outside the sending window right now (the zone list has a gap)");
  return { inside, outside };
}

type Plan = { steps: number; cap: number; overCap: number; outside: number };

function plan(quick: boolean): Plan {
  const steps = quick ? 1_000 : 10_000;
  return { steps, cap: steps / SENDERS, overCap: steps / 100, outside: steps / 50 };
}

type Run = { tag: string; sequenceId: string; ownerIds: string[]; zones: ReturnType<typeof pickZones> };

async function setup(ctx: BenchContext, p: Plan): Promise<Run> {
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const zones = pickZones(new Date());
  const owners = Array.from({ length: SENDERS }, (_, i) => ({
    id: `bench-rep-${tag}-${i}`, email: `bench.rep.${i}.${tag}@eventops.dev`, name: `Bench Rep ${i}`, role: "REP" as const, dailySendCap: p.cap,
    signature: `Bench Rep ${i}\nYardline`,
  }));
  await prisma.user.createMany({ data: owners });
  const sequence = await prisma.sequence.create({
    data: {
      eventId: ctx.eventId, ownerId: owners[0].id, name: `Bench sequence ${tag}`, status: "ACTIVE",
      steps: {
        create: [
          { order: 1, delayDays: 0, channel: "EMAIL", subject: "{{account.name}} and your yard at {{event.name}}", body: "Hi {{person.firstName}},\n\nTeams like {{account.name}} cut gate time with Yardline. Worth 15 minutes at booth {{event.boothNumber}}? https://yardline.example/demo\n\n{{sender.name}}" },
          { order: 2, delayDays: 3, businessDays: true, channel: "EMAIL", subject: "Following up, {{person.firstName}}", body: "Hi {{person.firstName}}, following up on my note.\n\n{{sender.name}}" },
        ],
      },
    },
  });
  // Only this run's steps are due: whatever else is active (an earlier run's leftovers) is archived.
  await prisma.sequence.updateMany({ where: { id: { not: sequence.id }, status: "ACTIVE" }, data: { status: "ARCHIVED" } });
  const groups = [
    { kind: "in", count: p.steps, zones: zones.inside, senders: SENDERS },
    { kind: "cap", count: p.overCap, zones: zones.inside, senders: 1 },
    { kind: "out", count: p.outside, zones: zones.outside, senders: SENDERS },
  ];
  const accounts = Math.ceil((p.steps + p.overCap + p.outside) / PEOPLE_PER_ACCOUNT);
  const client = await ctx.pg.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO target_accounts (id, "eventId", name, "normalizedName", industry, tier, source, "createdAt", "updatedAt")
       SELECT 'a-bench-' || $2::text || '-' || g, $1::text, 'Bench Freight ' || $2::text || ' ' || g, 'bench freight ' || $2::text || ' ' || g,
              'Logistics', 'B', 'bench', now(), now()
         FROM generate_series(1, $3::int) g`,
      [ctx.eventId, tag, accounts],
    );
    for (const g of groups) {
      const prefix = `bench-${tag}-${g.kind}-`;
      await client.query(
        `INSERT INTO people (id, "eventId", "accountId", "firstName", "lastName", name, email, "timeZone", title, source, "createdAt", "updatedAt")
         SELECT 'p-' || $2::text || g, $1::text, 'a-bench-' || $5::text || '-' || (1 + g % $6::int), 'Casey', 'Bench' || g, 'Casey Bench' || g,
                'casey.' || g || '.' || $2::text || '@bench-recipients.example', ($4::text[])[1 + g % cardinality($4::text[])], 'Director of Logistics', 'bench', now(), now()
           FROM generate_series(1, $3::int) g`,
        [ctx.eventId, prefix, g.count, g.zones, tag, accounts],
      );
      await client.query(
        `INSERT INTO sequence_enrollments (id, "sequenceId", "personId", "accountId", "ownerId", status, "currentStep", "nextStepAt", "enrolledAt", "updatedAt")
         SELECT 'e-' || $1::text || g, $2::text, p.id, p."accountId", $4::text || (g % $5::int), 'ACTIVE', 0,
                (now() - interval '1 hour') AT TIME ZONE 'UTC', (now() - interval '1 day') AT TIME ZONE 'UTC', now()
           FROM generate_series(1, $3::int) g JOIN people p ON p.id = 'p-' || $1::text || g`,
        [prefix, sequence.id, g.count, `bench-rep-${tag}-`, g.senders],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  await ctx.pg.query("ANALYZE sequence_enrollments; ANALYZE people; ANALYZE outreach");
  return { tag, sequenceId: sequence.id, ownerIds: owners.map((o) => o.id), zones };
}

/** What the minute's crontab entry does: one pending `sequences.tick` (same key, so never two). */
function tick() {
  return addJob(TASKS.sequencesTick, {}, { jobKey: `cron:${TASKS.sequencesTick}`, jobKeyMode: "replace", maxAttempts: 1 });
}

type Progress = { sent: number; queued: number; other: number; due: number };

/** Where the run's steps are: sent, queued for later, anything else (draft, sending, failed…), and enrollments still due. */
async function progress(ctx: BenchContext, run: Run): Promise<Progress> {
  const { rows } = await ctx.pg.query<Progress>(
    `SELECT (SELECT count(*) FILTER (WHERE o.status = 'SENT') FROM outreach o WHERE o."enrollmentId" LIKE $2)::int AS sent,
            (SELECT count(*) FILTER (WHERE o.status = 'QUEUED') FROM outreach o WHERE o."enrollmentId" LIKE $2)::int AS queued,
            (SELECT count(*) FILTER (WHERE o.status NOT IN ('SENT', 'QUEUED')) FROM outreach o WHERE o."enrollmentId" LIKE $2)::int AS other,
            (SELECT count(*) FROM sequence_enrollments e WHERE e."sequenceId" = $1 AND e.status = 'ACTIVE' AND e."currentStep" = 0 AND e."nextStepAt" <= now() AT TIME ZONE 'UTC')::int AS due`,
    [run.sequenceId, `e-bench-${run.tag}-%`],
  );
  return rows[0];
}

const settled = (p: Progress) => p.due === 0 && p.other === 0;

type Worker = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

function startWorkerProcess(smtpUrl: string): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, SMTP_URL: smtpUrl, LOG_LEVEL: "warn" },
    // With an IPC channel the worker also stops if the bench dies.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output: string[] = [];
  const keep = (d: Buffer) => {
    output.push(d.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

type Drained = { seconds: number; finished: boolean; extra: Record<string, number>; note: string };

/** (a) One self-hosted worker process until every step is settled (or 1.5 × the budget). */
async function drainWithWorker(ctx: BenchContext, run: Run, smtp: SlowSmtpServer, p: Plan): Promise<Drained> {
  const worker = startWorkerProcess(smtp.url);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    worker.child.kill("SIGTERM");
    await worker.exited;
  };
  onBenchCleanup(stop);
  try {
    await waitFor("the worker to come online", async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output.join("").slice(-2000)}`);
      return (await prisma.jobWorker.count({ where: { pid: worker.child.pid, stoppedAt: null } })) > 0;
    }, 120_000);
    const limitMs = 1.5 * BUDGET_SECONDS_PER_10K * 1000 * (p.steps / 10_000);
    const t0 = performance.now();
    await tick();
    let finished = false;
    while (performance.now() - t0 < limitMs) {
      if (settled(await progress(ctx, run))) {
        finished = true;
        break;
      }
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output.join("").slice(-2000)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = (performance.now() - t0) / 1000;
    const concurrency = env().JOB_CONCURRENCY;
    return { seconds, finished, extra: { jobConcurrency: concurrency }, note: `one worker process (scripts/worker.ts, JOB_CONCURRENCY=${concurrency})` };
  } finally {
    await stop();
  }
}

/** (b) The cron route, one call per simulated minute, each after that minute's tick, until every step is settled. */
async function drainWithCron(ctx: BenchContext, run: Run, smtp: SlowSmtpServer, p: Plan): Promise<Drained> {
  const saved = { SMTP_URL: process.env.SMTP_URL, CRON_SECRET: process.env.CRON_SECRET };
  const secret = randomBytes(24).toString("hex");
  Object.assign(process.env, { SMTP_URL: smtp.url, CRON_SECRET: secret });
  // Three times the worker's budget in minutes, and a few more: past that it is stuck, not slow.
  const maxCalls = Math.ceil(3 * (p.steps / 10_000) * (BUDGET_SECONDS_PER_10K / 60)) + 5;
  const calls: DrainReport[] = [];
  let busyMs = 0;
  let lastCallMs = 0;
  let finished = false;
  try {
    while (calls.length < maxCalls) {
      await tick();
      const t0 = performance.now();
      const response = await cronJobsRoute.GET(new NextRequest("http://127.0.0.1:3000/api/cron/jobs", { headers: { host: "127.0.0.1:3000", authorization: `Bearer ${secret}` } }));
      lastCallMs = performance.now() - t0;
      busyMs += lastCallMs;
      const body = (await response.json()) as { success: boolean; data: DrainReport; error?: string };
      if (response.status !== 200 || !body.success) throw new Error(`GET /api/cron/jobs answered ${response.status}: ${body.error}`);
      calls.push(body.data);
      ctx.log(`sequences: cron call ${calls.length}: ${round(lastCallMs / 1000, 1)} s, stopped by ${body.data.stoppedBy}, ${body.data.runs.length} job runs, ${body.data.dueLeft} due left`);
      if (settled(await progress(ctx, run))) {
        finished = true;
        break;
      }
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  // Vercel calls once a minute: every call but the last takes up its whole minute.
  const seconds = (calls.length - 1) * 60 + lastCallMs / 1000;
  return {
    seconds, finished,
    extra: { cronCalls: calls.length, busySeconds: round(busyMs / 1000, 1), longestCallSeconds: round(Math.max(...calls.map((c) => c.ranForMs)) / 1000, 1) },
    note: `GET /api/cron/jobs (drain budget ${CRON_DRAIN_BUDGET_MS / 1000} s, JOB_CONCURRENCY=${env().JOB_CONCURRENCY}) called back to back, one call counted as one minute`,
  };
}

type Verified = Record<string, number>;

/** The counts that prove exactly once, the cap and the window (see the header). */
async function verify(ctx: BenchContext, run: Run, smtp: SlowSmtpServer, p: Plan): Promise<Verified> {
  const mine = smtp.received;
  const rows = await prisma.outreach.findMany({
    where: { enrollmentId: { startsWith: `e-bench-${run.tag}-` } },
    select: { id: true, status: true, ownerId: true, enrollmentId: true, person: { select: { timeZone: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const receivedPer = new Map<string, number>();
  for (const m of mine) if (m.outreachId && byId.has(m.outreachId)) receivedPer.set(m.outreachId, (receivedPer.get(m.outreachId) ?? 0) + 1);
  const sent = rows.filter((r) => r.status === "SENT");
  const queued = rows.filter((r) => r.status === "QUEUED");
  const perSender = new Map<string, number>();
  for (const r of sent) perSender.set(r.ownerId ?? "none", (perSender.get(r.ownerId ?? "none") ?? 0) + 1);
  const received = [...receivedPer.values()].reduce((a, b) => a + b, 0);
  const outsideWindow = mine.filter((m) => {
    const row = m.outreachId ? byId.get(m.outreachId) : undefined;
    return row && !isInsideWindow(new Date(m.at), row.person.timeZone ?? "UTC", WINDOW);
  }).length;
  const { rows: [advanced] } = await ctx.pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sequence_enrollments WHERE "sequenceId" = $1 AND "currentStep" = 1 AND status = 'ACTIVE' AND "claimedBy" IS NULL`, [run.sequenceId]);
  const { rows: states } = await ctx.pg.query<{ status: string; stopReason: string | null; lastError: string | null; n: number }>(
    `SELECT status, "stopReason", left("lastError", 120) AS "lastError", count(*)::int AS n FROM sequence_enrollments WHERE "sequenceId" = $1 GROUP BY 1, 2, 3 ORDER BY 4 DESC`, [run.sequenceId]);
  ctx.log(`sequences: enrollments by state: ${JSON.stringify(states)}`);
  // In-window steps ("in" for every rep, "cap" for rep 0) that wait must be rep 0's over-cap
  // ones; out-of-window steps wait whoever sends them.
  const kindOf = (r: { enrollmentId: string | null }) => r.enrollmentId?.split("-")[3] as "in" | "cap" | "out";
  const overCapSender = rows.find((r) => kindOf(r) === "cap")?.ownerId;
  const queuedKinds = { cap: 0, overCapSender: 0, otherReps: 0, out: 0 };
  for (const r of queued) {
    const kind = kindOf(r);
    if (kind === "out") queuedKinds.out++;
    else if (r.ownerId === overCapSender) queuedKinds.overCapSender++;
    else queuedKinds.otherReps++;
    if (kind === "cap") queuedKinds.cap++;
  }
  return {
    steps: p.steps,
    smtpReceived: received,
    sentRows: sent.length,
    enrollmentsAdvanced: advanced.n,
    duplicates: [...receivedPer.values()].filter((n) => n > 1).length,
    notDelivered: sent.filter((r) => !receivedPer.has(r.id)).length,
    lostSteps: p.steps - sent.length,
    queuedOverCap: queuedKinds.cap,
    queuedOverCapAnyOrder: queuedKinds.overCapSender,
    queuedInWindowOtherReps: queuedKinds.otherReps,
    queuedOutsideWindow: queuedKinds.out,
    queuedReceived: queued.filter((r) => receivedPer.has(r.id)).length,
    otherStatus: rows.length - sent.length - queued.length,
    cap: p.cap,
    maxPerSender: Math.max(0, ...perSender.values()),
    capExceededBy: Math.max(0, ...[...perSender.values()].map((n) => n - p.cap)),
    sendsOutsideWindow: outsideWindow,
    smtpPeakConnections: smtp.peakConnections(),
  };
}

/** A miss in any of these is a correctness failure, not a slow run. */
function correctnessBudgets(p: Plan) {
  return [
    { metric: "duplicates", max: 0 },
    { metric: "notDelivered", max: 0 },
    { metric: "lostSteps", max: 0 },
    { metric: "smtpReceived", min: p.steps, max: p.steps },
    { metric: "enrollmentsAdvanced", min: p.steps, max: p.steps },
    { metric: "capExceededBy", max: 0 },
    { metric: "sendsOutsideWindow", max: 0 },
    { metric: "queuedOverCap", min: p.overCap, max: p.overCap },
    { metric: "queuedOverCapAnyOrder", min: p.overCap, max: p.overCap },
    { metric: "queuedInWindowOtherReps", max: 0 },
    { metric: "queuedOutsideWindow", min: p.outside, max: p.outside },
    { metric: "queuedReceived", max: 0 },
    { metric: "otherStatus", max: 0 },
  ];
}

export const benchCase: BenchCase = {
  name: "sequences",
  mutates: true,
  async run(ctx): Promise<BenchResult[]> {
    const p = plan(ctx.quick);
    const size = ctx.quick ? "1k" : "10k";
    const previousWindow = await getSendingWindow();
    await updateSendingWindow(WINDOW, ctx.admin);
    // Real mail needs the sender's name and postal address for the footer.
    const privacy = await getPrivacySettings();
    if (!privacy.organizationName || !privacy.postalAddress) {
      await updatePrivacySettings({ ...privacy, organizationName: "Yardline Bench Inc.", postalAddress: "100 Main Street\nChicago, IL 60601, USA" }, ctx.admin);
    }
    const smtp = await startSlowSmtpServer(SMTP_DELAY);
    const results: BenchResult[] = [];
    try {
      const modes = [
        { key: "worker", label: "one self-hosted worker", drain: drainWithWorker, budget: { metric: "drainSeconds", max: BUDGET_SECONDS_PER_10K * (p.steps / 10_000) } },
        { key: "cron", label: "Vercel cadence (cron drain once a minute)", drain: drainWithCron, budget: null },
      ] as const;
      for (const mode of modes) {
        const run = await setup(ctx, p);
        const load = os.loadavg()[0];
        ctx.log(`sequences: ${mode.key}: ${p.steps} steps due (+${p.overCap} over rep 0's cap, +${p.outside} outside the window); recipients in ${run.zones.inside.join(", ")}; load ${load.toFixed(2)}`);
        const drained = await mode.drain(ctx, run, smtp, p);
        const checked = await verify(ctx, run, smtp, p);
        const metrics = {
          drainSeconds: round(drained.seconds, 1),
          mailsPerMinute: round(checked.sentRows / (drained.seconds / 60), 0),
          ...checked,
          ...drained.extra,
          finished: drained.finished ? 1 : 0,
          loadAvg1Before: round(load, 2),
          loadAvg1After: round(os.loadavg()[0], 2),
        };
        ctx.log(`sequences: ${mode.key}: ${JSON.stringify(metrics)}`);
        results.push({
          id: `sequences.${mode.key}${size}`,
          group: "sequences",
          label: `${p.steps.toLocaleString("en-US")} due steps, ${mode.label}, SMTP 50–150 ms/message`,
          metrics,
          budgets: [...(mode.budget ? [mode.budget] : []), { metric: "finished", min: 1 }, ...correctnessBudgets(p)],
          note: `${drained.note}; ${SENDERS} senders capped at ${p.cap}/day; window 09:00–17:00 recipient time, every day; +${p.overCap} over-cap and +${p.outside} out-of-window steps must queue`,
        });
      }
    } finally {
      await smtp.close();
      await updateSendingWindow(previousWindow, ctx.admin);
    }
    return results;
  },
};
