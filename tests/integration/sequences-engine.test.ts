import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db";
import { CLAIM_MS, claimBatch, processDueSequenceSteps } from "@/server/sequences/engine";
import { compactSequenceProgress } from "@/server/sequences/service";
import { sendOutreach } from "@/server/outreach/send";
import { stopActiveEnrollments, suppressAddress } from "@/server/suppressions/service";
import * as cronRoute from "@/app/api/cron/sequences/route";
import { addJob, TASKS } from "@/server/jobs/queue";
import { callRoute } from "../helpers/request";
import { runJobs } from "../helpers/jobs";
import { actorFor, createUser } from "../helpers/factories";
import { expectProgressEqualsRecount } from "../helpers/sequence-progress";
import { createPerson, outreachSetup } from "../helpers/outreach-fixtures";

// Monday 2 March 2026, 10:00 in New York: inside the sending window (people are in New York).
const MONDAY = new Date("2026-03-02T15:00:00Z");
const DAY = 86_400_000;
const at = (base: Date, days: number, ms = 0) => new Date(base.getTime() + days * DAY + ms);

const created: string[] = [];
afterEach(async () => {
  // The engine scans every active sequence: retire this test's ones so later tests (with other clocks) don't see them.
  await prisma.sequence.updateMany({ where: { id: { in: created } }, data: { status: "ARCHIVED" } });
});

type StepDef = { delayDays: number; businessDays?: boolean; channel?: "EMAIL" | "LINKEDIN" | "CALL" };
async function sequenceWith(eventId: string, ownerId: string, steps: StepDef[], options: { pauseAccountOnReply?: boolean } = {}) {
  const sequence = await prisma.sequence.create({
    data: {
      eventId, ownerId, name: `Pre-show ${randomUUID().slice(0, 6)}`, status: "ACTIVE", pauseAccountOnReply: options.pauseAccountOnReply ?? true,
      steps: {
        create: steps.map((s, i) => ({
          order: i + 1, delayDays: s.delayDays, businessDays: s.businessDays ?? false, channel: s.channel ?? "EMAIL",
          subject: `Step ${i + 1} for {{person.firstName}}`, body: `Hi {{person.firstName}}, step ${i + 1} about {{account.name}}.\n\n{{sender.name}}`,
        })),
      },
    },
  });
  created.push(sequence.id);
  return sequence;
}

async function enroll(sequenceId: string, personId: string, ownerId: string, nextStepAt: Date, accountId: string | null = null) {
  return prisma.sequenceEnrollment.create({ data: { sequenceId, personId, ownerId, accountId, nextStepAt, enrolledAt: new Date(nextStepAt.getTime() - 60_000) } });
}

const stepMessages = (enrollmentId: string) => prisma.outreach.findMany({ where: { enrollmentId }, orderBy: { stepNumber: "asc" } });

describe("sequence engine", () => {
  it("sends step 1 now, step 2 three days later, step 3 seven days after that, then COMPLETED", async () => {
    const { event, rep, person, account } = await outreachSetup();
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }, { delayDays: 3 }, { delayDays: 7 }]);
    const e = await enroll(seq.id, person.id, rep.id, MONDAY, account.id);

    expect(await processDueSequenceSteps({ now: MONDAY })).toMatchObject({ sent: 1, completed: 0, errors: 0 });
    let row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ currentStep: 1, status: "ACTIVE", claimedBy: null });
    expect(row.lastStepAt?.toISOString()).toBe(MONDAY.toISOString());
    expect(row.nextStepAt?.toISOString()).toBe(at(MONDAY, 3).toISOString());
    const first = await stepMessages(e.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ stepNumber: 1, status: "SENT", subject: "Step 1 for Dana", transport: "dev-outbox" });
    expect(first[0].message).toContain(account.name);

    // A day later nothing is due.
    expect(await processDueSequenceSteps({ now: at(MONDAY, 1) })).toMatchObject({ processed: 0 });

    expect(await processDueSequenceSteps({ now: at(MONDAY, 3) })).toMatchObject({ sent: 1 });
    row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.currentStep).toBe(2);
    expect(row.nextStepAt?.toISOString()).toBe(at(MONDAY, 10).toISOString());

    expect(await processDueSequenceSteps({ now: at(MONDAY, 9) })).toMatchObject({ processed: 0 });
    expect(await processDueSequenceSteps({ now: at(MONDAY, 10) })).toMatchObject({ sent: 1, completed: 1 });
    row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ currentStep: 3, status: "COMPLETED", nextStepAt: null });
    expect(row.completedAt?.toISOString()).toBe(at(MONDAY, 10).toISOString());
    const all = await stepMessages(e.id);
    expect(all.map((o) => [o.stepNumber, o.status])).toEqual([[1, "SENT"], [2, "SENT"], [3, "SENT"]]);
    expect(await prisma.outboxMessage.count({ where: { outreachId: { in: all.map((o) => o.id) } } })).toBe(3);
    expect(await prisma.activity.count({ where: { entityId: e.id, type: "sequence.completed" } })).toBe(1);
  });

  it("five concurrent runs over 1,000 due enrollments send exactly one message per enrollment", async () => {
    const { event, account } = await outreachSetup();
    const reps = await Promise.all([0, 1, 2, 3, 4].map(() => createUser({ role: "REP" })));
    await prisma.user.updateMany({ where: { id: { in: reps.map((r) => r.id) } }, data: { dailySendCap: 1000 } });
    const seq = await sequenceWith(event.id, reps[0].id, [{ delayDays: 0 }, { delayDays: 3 }]);
    const tag = randomUUID().slice(0, 8);
    const people = Array.from({ length: 1000 }, (_, i) => ({
      id: `p-${tag}-${i}`, eventId: event.id, accountId: account.id, firstName: "Lee", lastName: `N${i}`, name: `Lee N${i}`,
      email: `lee.${i}.${tag}@bulk.test`, timeZone: "America/New_York", source: "import",
    }));
    await prisma.person.createMany({ data: people });
    await prisma.sequenceEnrollment.createMany({
      data: people.map((p, i) => ({ id: `e-${tag}-${i}`, sequenceId: seq.id, personId: p.id, ownerId: reps[i % 5].id, nextStepAt: MONDAY, enrolledAt: at(MONDAY, -1) })),
    });
    // Stop the account-level pause from interfering: nobody replies here.
    // The maintenance job's compaction of the progress deltas runs meanwhile, as it may in production.
    let running = true;
    const compactions = (async () => {
      let n = 0;
      while (running) {
        await compactSequenceProgress();
        n++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return n;
    })();
    const runs = await Promise.all([0, 1, 2, 3, 4].map((i) => processDueSequenceSteps({ now: MONDAY, limit: 1000, batchSize: 20, timeBudgetMs: 600_000, workerId: `w${i}-${tag}` })));
    running = false;
    expect(await compactions).toBeGreaterThan(0);
    expect(runs.reduce((n, r) => n + r.errors, 0)).toBe(0);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1000);

    const ids = people.map((_, i) => `e-${tag}-${i}`);
    expect(await prisma.outreach.count({ where: { enrollmentId: { in: ids } } })).toBe(1000);
    expect(await prisma.outreach.count({ where: { enrollmentId: { in: ids }, status: "SENT", stepNumber: 1 } })).toBe(1000);
    expect(await prisma.outboxMessage.count({ where: { outreach: { enrollmentId: { in: ids } } } })).toBe(1000);
    expect(await prisma.sequenceEnrollment.count({ where: { id: { in: ids }, currentStep: 1, claimedBy: null } })).toBe(1000);
    // The progress the sequence page reads (the triggers' deltas, written by five runs at once) is the rows' count.
    await expectProgressEqualsRecount(seq.id, await actorFor(reps[0], event.id));
  }, 300_000);

  it("an interrupted run's claims expire and the next run finishes them without duplicates", async () => {
    const { event, rep, account } = await outreachSetup();
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }, { delayDays: 3 }]);
    const people = await Promise.all([0, 1, 2, 3].map(() => createPerson(event.id, account.id)));
    const enrollments = await Promise.all(people.map((p) => enroll(seq.id, p.id, rep.id, MONDAY, account.id)));

    // A worker claims everything and dies before doing anything …
    const claimed = await claimBatch("dead-worker", MONDAY, 10);
    expect(claimed.sort()).toEqual(enrollments.map((e) => e.id).sort());
    // … and another died right after sendOutreach recorded step 1 of the first one, before advancing it.
    const half = await prisma.outreach.create({
      data: { eventId: event.id, personId: people[0].id, ownerId: rep.id, enrollmentId: enrollments[0].id, stepNumber: 1, channel: "EMAIL", subject: "Step 1", message: "Hi", status: "DRAFT" },
    });
    expect(await sendOutreach(half.id, { now: MONDAY })).toMatchObject({ outcome: "sent" });

    // While the claim holds, other runs leave them alone.
    expect(await processDueSequenceSteps({ now: at(MONDAY, 0, 60_000) })).toMatchObject({ processed: 0 });

    const later = at(MONDAY, 0, CLAIM_MS + 1_000);
    expect(await processDueSequenceSteps({ now: later })).toMatchObject({ processed: 4, sent: 4, errors: 0 });
    for (const e of enrollments) {
      const msgs = await stepMessages(e.id);
      expect(msgs.map((m) => [m.stepNumber, m.status])).toEqual([[1, "SENT"]]);
      expect(await prisma.outboxMessage.count({ where: { outreachId: msgs[0].id } })).toBe(1);
      expect((await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } })).currentStep).toBe(1);
    }
    // The recovered one advanced from the real send time, not from the re-run.
    const recovered = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: enrollments[0].id } });
    expect(recovered.lastStepAt?.toISOString()).toBe(MONDAY.toISOString());
  });

  it("stops on reply, on a booked meeting and on unsubscribe; pauses colleagues at the account on reply", async () => {
    const { event, rep, account } = await outreachSetup();
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }, { delayDays: 3 }]);
    const other = await prisma.targetAccount.create({ data: { eventId: event.id, name: `Other ${randomUUID()}`, normalizedName: `other ${randomUUID()}` } });
    const [replier, colleague] = await Promise.all([createPerson(event.id, account.id), createPerson(event.id, account.id)]);
    const [booker, unsubscriber] = await Promise.all([createPerson(event.id, other.id), createPerson(event.id, null)]);
    const eReply = await enroll(seq.id, replier.id, rep.id, MONDAY, account.id);
    const eColleague = await enroll(seq.id, colleague.id, rep.id, MONDAY, account.id);
    const eBook = await enroll(seq.id, booker.id, rep.id, MONDAY, other.id);
    const eUnsub = await enroll(seq.id, unsubscriber.id, rep.id, MONDAY, null);
    expect(await processDueSequenceSteps({ now: MONDAY })).toMatchObject({ sent: 4 });

    // The reply (as the inbound webhook records it), a meeting, an unsubscribe.
    await prisma.outreach.updateMany({ where: { enrollmentId: eReply.id }, data: { repliedAt: at(MONDAY, 1) } });
    await stopActiveEnrollments(replier.id, "replied", at(MONDAY, 1));
    await prisma.meeting.create({ data: { eventId: event.id, personId: booker.id, accountId: other.id, ownerId: rep.id, scheduledAt: at(MONDAY, 8), icsUid: `seq-${randomUUID()}@eventops.test` } });
    await suppressAddress({ email: unsubscriber.email!, reason: "UNSUBSCRIBED", source: "link" });

    const result = await processDueSequenceSteps({ now: at(MONDAY, 3) });
    expect(result).toMatchObject({ sent: 0, stopped: 3, errors: 0 });
    const status = async (id: string) => prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id }, select: { status: true, stopReason: true, currentStep: true } });
    expect(await status(eReply.id)).toEqual({ status: "REPLIED", stopReason: "replied", currentStep: 1 });
    expect(await status(eColleague.id)).toEqual({ status: "PAUSED", stopReason: "account_replied", currentStep: 1 });
    expect(await status(eBook.id)).toEqual({ status: "STOPPED", stopReason: "meeting_booked", currentStep: 1 });
    expect(await status(eUnsub.id)).toEqual({ status: "STOPPED", stopReason: "unsubscribed", currentStep: 1 });
    for (const e of [eReply, eColleague, eBook, eUnsub]) expect(await stepMessages(e.id)).toHaveLength(1);
  });

  it("counts business-day delays across a weekend", async () => {
    const { event, rep, person } = await outreachSetup({ eventTimeZone: "America/New_York" });
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }, { delayDays: 2, businessDays: true }]);
    const friday = new Date("2026-03-06T15:00:00Z");
    const e = await enroll(seq.id, person.id, rep.id, friday);
    await processDueSequenceSteps({ now: friday });
    const row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    // Friday + 2 business days = Tuesday, same local time (10:00 EST on Friday → 10:00 EDT on Tuesday).
    expect(row.nextStepAt?.toISOString()).toBe("2026-03-10T14:00:00.000Z");
  });

  it("waits for the sending window and the sender's cap without duplicating the step", async () => {
    const { event, rep, account } = await outreachSetup({ cap: 1 });
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }]);
    const [a, b] = await Promise.all([createPerson(event.id, account.id), createPerson(event.id, account.id)]);
    const saturday = new Date("2026-03-07T15:00:00Z");
    const eA = await enroll(seq.id, a.id, rep.id, saturday);
    expect(await processDueSequenceSteps({ now: saturday })).toMatchObject({ queued: 1, sent: 0 });
    const queued = await stepMessages(eA.id);
    expect(queued).toMatchObject([{ status: "QUEUED", stepNumber: 1 }]);
    const rowA = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: eA.id } });
    expect(rowA).toMatchObject({ currentStep: 0, status: "ACTIVE", claimedBy: null });
    // Monday 9:00 in New York (EDT from 8 March).
    expect(rowA.nextStepAt?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(await processDueSequenceSteps({ now: at(saturday, 0, 3_600_000) })).toMatchObject({ processed: 0 });

    const monday = new Date("2026-03-09T13:00:00Z");
    // B falls due a second after A, so A (waiting since Saturday) goes first.
    const eB = await enroll(seq.id, b.id, rep.id, at(monday, 0, 1_000));
    const run = await processDueSequenceSteps({ now: at(monday, 0, 1_000) });
    expect(run).toMatchObject({ processed: 2, sent: 1, queued: 1, completed: 1 });
    expect(await stepMessages(eA.id)).toMatchObject([{ id: queued[0].id, status: "SENT" }]);
    // The cap (1 a day) holds B until A's send is 24 h old.
    const rowB = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: eB.id } });
    expect(rowB.nextStepAt?.toISOString()).toBe(at(monday, 1, 1_000).toISOString());
    expect(await stepMessages(eB.id)).toMatchObject([{ status: "QUEUED" }]);
  });

  it("retries a failing enrollment with backoff, marks it FAILED after 5 attempts, and keeps going with the others", async () => {
    const { event, rep, account, person } = await outreachSetup();
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }]);
    const noEmail = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, name: "No Mail", firstName: "No", lastName: "Mail", source: "import" } });
    const bad = await enroll(seq.id, noEmail.id, rep.id, MONDAY);
    const good = await enroll(seq.id, person.id, rep.id, MONDAY);
    expect(await processDueSequenceSteps({ now: MONDAY })).toMatchObject({ processed: 2, sent: 1, completed: 1, errors: 1 });
    let row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: bad.id } });
    expect(row).toMatchObject({ failureCount: 1, status: "ACTIVE", claimedBy: null });
    expect(row.lastError).toMatch(/no email/);
    expect(row.nextStepAt?.toISOString()).toBe(at(MONDAY, 0, 5 * 60_000).toISOString());
    expect((await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: good.id } })).status).toBe("COMPLETED");

    let now = row.nextStepAt!;
    for (let i = 2; i <= 5; i++) {
      await processDueSequenceSteps({ now });
      row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: bad.id } });
      expect(row.failureCount).toBe(i);
      now = row.nextStepAt ?? now;
    }
    expect(row).toMatchObject({ status: "FAILED", stopReason: "failed", nextStepAt: null });
  });
});

describe("the sequences tick", () => {
  it("queues a batch for what is due even while another batch waits for a retry later", async () => {
    // A batch job that failed waits for graphile-worker's backoff (seconds, then minutes). The
    // tick used to count it as pending and queue nothing, so due steps waited for that retry.
    const { event, rep, person } = await outreachSetup();
    const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }]);
    const e = await enroll(seq.id, person.id, rep.id, new Date(Date.now() - 60_000));
    await addJob(TASKS.sequencesBatch, {}, { runAt: new Date(Date.now() + 3_600_000) });
    await addJob(TASKS.sequencesTick, {});
    const report = await runJobs();
    expect(report.runs.map((r) => `${r.task}:${r.outcome}`)).toEqual(expect.arrayContaining(["sequences.tick:ok", "sequences.batch:ok"]));
    // Sent now, or queued for the recipient's sending window (real time of day): either way step 1 exists once.
    expect(await stepMessages(e.id)).toMatchObject([{ stepNumber: 1, status: expect.stringMatching(/^(SENT|QUEUED)$/) }]);
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'sequences.batch' AND run_at > now()`;
    expect(n).toBe(1);
  });
});

describe("GET /api/cron/sequences", () => {
  it("refuses a missing or wrong secret, and with the right one drains the job engine: the due step goes out through a sequences batch", async () => {
    const saved = process.env.CRON_SECRET;
    process.env.CRON_SECRET = "seq-cron-secret";
    try {
      expect((await callRoute(cronRoute.GET, "/api/cron/sequences")).status).toBe(401);
      expect((await callRoute(cronRoute.GET, "/api/cron/sequences", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
      const { event, rep, person } = await outreachSetup();
      const seq = await sequenceWith(event.id, rep.id, [{ delayDays: 0 }]);
      const e = await enroll(seq.id, person.id, rep.id, new Date(Date.now() - 60_000));
      await addJob(TASKS.sequencesTick, {});
      const ok = await callRoute(cronRoute.GET, "/api/cron/sequences", { headers: { authorization: "Bearer seq-cron-secret" } });
      expect(ok.status).toBe(200);
      expect(ok.json.data).toMatchObject({ stoppedBy: "idle", dueLeft: 0 });
      const tasks = ok.json.data.runs.map((r: { task: string; outcome: string }) => `${r.task}:${r.outcome}`);
      expect(tasks).toEqual(expect.arrayContaining(["sequences.tick:ok", "sequences.batch:ok"]));
      // Sent now, or queued for the recipient's sending window (real time of day): either way step 1 exists once.
      expect(await stepMessages(e.id)).toMatchObject([{ stepNumber: 1, status: expect.stringMatching(/^(SENT|QUEUED)$/) }]);
      expect(cronRoute.maxDuration).toBe(60);
    } finally {
      if (saved === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = saved;
    }
  });
});
