import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { prisma } from "@/server/db";
import * as outreachRoute from "@/app/api/outreach/[id]/route";
import * as resendRoute from "@/app/api/outreach/[id]/resend/route";
import * as sendRoute from "@/app/api/outreach/[id]/send/route";
import * as meetingsRoute from "@/app/api/meetings/route";
import { processDueSequenceSteps } from "@/server/sequences/engine";
import { suppressAddress } from "@/server/suppressions/service";
import { callRoute } from "../helpers/request";
import { createSession, setSenderIdentity } from "../helpers/factories";
import { createPerson, outreachSetup } from "../helpers/outreach-fixtures";
import { meetingWorld } from "../helpers/meetings-fixtures";

/**
 * What happens to a send by its outcome, over real SMTP on loopback: a server that answers 550
 * makes it FAILED (safe to retry); one that drops the connection after the message, without an
 * answer, makes it INTERRUPTED — never sent again by itself, held for its owner, whose "Resend"
 * and "Discard" work (and let its sequence go on). Then meeting invites through the outreach
 * guards, and meeting reminders.
 */
type Behaviour = "accept" | "refuse" | "drop";
let behaviour: Behaviour = "accept";
const received: ParsedMail[] = [];
let server: SMTPServer;
const saved = { ...process.env };

beforeAll(async () => {
  await setSenderIdentity();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        if (behaviour === "refuse") {
          const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
        } else if (behaviour === "drop") {
          // The message arrived, the answer never does: the connection just goes away.
          (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
          for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) connection._socket.destroy();
        } else callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}/?ignoreTLS=true`;
});

afterAll(async () => {
  if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  behaviour = "accept";
  received.length = 0;
});

// Monday 2 March 2026, 10:00 in New York: inside the sending window.
const MONDAY = new Date("2026-03-02T15:00:00Z");

async function enrolled(steps = 2) {
  const { event, rep, account, person } = await outreachSetup();
  await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
  const sequence = await prisma.sequence.create({
    data: {
      eventId: event.id, ownerId: rep.id, name: `Outcomes ${randomUUID().slice(0, 6)}`, status: "ACTIVE",
      steps: { create: Array.from({ length: steps }, (_, i) => ({ order: i + 1, delayDays: i * 3, channel: "EMAIL" as const, subject: `Step ${i + 1}`, body: `Hi {{person.firstName}}, step ${i + 1}.` })) },
    },
  });
  const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: person.id, ownerId: rep.id, accountId: account.id, nextStepAt: MONDAY, enrolledAt: new Date(MONDAY.getTime() - 60_000) } });
  const { cookie } = await createSession(rep.id);
  return { event, rep, account, person, sequence, enrollment, cookie };
}

const stepOne = (enrollmentId: string) => prisma.outreach.findFirstOrThrow({ where: { enrollmentId, stepNumber: 1 } });

describe("a send's outcome decides what happens next", () => {
  it("a refusal (550) is FAILED and retried with backoff; an unanswered send is INTERRUPTED and held", async () => {
    const refused = await enrolled();
    behaviour = "refuse";
    await processDueSequenceSteps({ now: MONDAY });
    expect(await stepOne(refused.enrollment.id)).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/Mailbox unavailable/) });
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: refused.enrollment.id } })).toMatchObject({ failureCount: 1, status: "ACTIVE" });
    await prisma.sequence.update({ where: { id: refused.sequence.id }, data: { status: "ARCHIVED" } });

    const dropped = await enrolled();
    behaviour = "drop";
    await processDueSequenceSteps({ now: MONDAY });
    expect(received).toHaveLength(2);
    const message = await stepOne(dropped.enrollment.id);
    expect(message).toMatchObject({ status: "INTERRUPTED", failureReason: expect.stringMatching(/may or may not have gone out/) });
    const held = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: dropped.enrollment.id } });
    expect(held).toMatchObject({ status: "ACTIVE", currentStep: 0, nextStepAt: null, claimedBy: null });
    expect(held.lastError).toMatch(/check the outbox, then resend or discard/);
    // Nothing sends it again by itself, not even the rep's plain Send.
    behaviour = "accept";
    await processDueSequenceSteps({ now: new Date(MONDAY.getTime() + 86_400_000) });
    const send = await callRoute(sendRoute.POST, "/x", { method: "POST", cookie: dropped.cookie, params: { id: message.id } });
    expect(send.status).toBe(409);
    expect(send.json.error).toMatch(/Check the outbox, then resend or discard it/);
    expect(received).toHaveLength(2);
    await prisma.sequence.update({ where: { id: dropped.sequence.id }, data: { status: "ARCHIVED" } });
  });

  it("a pooled SMTP transport (?pool=true) does not send again on another connection when the answer never came", async () => {
    // nodemailer's pool re-queues a message whose connection closed mid-send; the server may already have it.
    const direct = process.env.SMTP_URL!;
    process.env.SMTP_URL = `${direct}&pool=true&maxConnections=2`;
    try {
      const dropped = await enrolled();
      behaviour = "drop";
      await processDueSequenceSteps({ now: MONDAY });
      expect(received).toHaveLength(1);
      expect(await stepOne(dropped.enrollment.id)).toMatchObject({ status: "INTERRUPTED", failureReason: expect.stringMatching(/may or may not have gone out/) });
      await prisma.sequence.update({ where: { id: dropped.sequence.id }, data: { status: "ARCHIVED" } });

      // The pool itself works: the next message goes out once over it.
      const sent = await enrolled();
      behaviour = "accept";
      await processDueSequenceSteps({ now: MONDAY });
      expect(await stepOne(sent.enrollment.id)).toMatchObject({ status: "SENT" });
      expect(received).toHaveLength(2);
      await prisma.sequence.update({ where: { id: sent.sequence.id }, data: { status: "ARCHIVED" } });
    } finally {
      process.env.SMTP_URL = direct;
    }
  }, 20_000);

  it("a batch that finds a dead process's claims before any sweep settles them itself: never handed over is sent once, handed over waits for its owner", async () => {
    // What a worker killed mid-send leaves: step messages in SENDING for 20 minutes, enrollments
    // claimed by it. A batch can run before the minute's sweep (markInterruptedSends) got to them;
    // it used to answer "busy" and hold both enrollments back five minutes.
    const [never, handed] = [await enrolled(), await enrolled()];
    const step = (id: string) => prisma.sequenceStep.findFirstOrThrow({ where: { sequenceId: id, order: 1 } });
    for (const [w, handedOver] of [[never, false], [handed, true]] as const) {
      const created = await prisma.outreach.create({
        data: {
          eventId: w.event.id, personId: w.person.id, accountId: w.account.id, ownerId: w.rep.id, enrollmentId: w.enrollment.id, sequenceStepId: (await step(w.sequence.id)).id,
          stepNumber: 1, channel: "EMAIL", subject: "Step 1", message: "Hi, step 1.", status: "SENDING", attempts: 1, generatedBy: "sequence",
        },
      });
      await prisma.$executeRaw`UPDATE outreach SET "updatedAt" = now() - interval '20 minutes', "handedOverAt" = CASE WHEN ${handedOver} THEN now() - interval '20 minutes' END WHERE id = ${created.id}`;
      await prisma.sequenceEnrollment.update({ where: { id: w.enrollment.id }, data: { claimedBy: "dead-worker", claimExpiresAt: new Date(MONDAY.getTime() - 60_000) } });
    }
    await processDueSequenceSteps({ now: MONDAY });
    expect(await stepOne(never.enrollment.id)).toMatchObject({ status: "SENT" });
    expect(received).toHaveLength(1);
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: never.enrollment.id } })).toMatchObject({ status: "ACTIVE", currentStep: 1, claimedBy: null });
    expect(await stepOne(handed.enrollment.id)).toMatchObject({ status: "INTERRUPTED", failureReason: expect.stringMatching(/may or may not have gone out/) });
    const held = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: handed.enrollment.id } });
    expect(held).toMatchObject({ status: "ACTIVE", currentStep: 0, nextStepAt: null, claimedBy: null });
    expect(held.lastError).toMatch(/check the outbox, then resend or discard/);
    for (const s of [never.sequence, handed.sequence]) await prisma.sequence.update({ where: { id: s.id }, data: { status: "ARCHIVED" } });
  });

  it("Resend sends it once more and the sequence goes on; Discard sends nothing and the sequence skips the step", async () => {
    const a = await enrolled();
    const b = await enrolled();
    behaviour = "drop";
    await processDueSequenceSteps({ now: MONDAY });
    behaviour = "accept";
    received.length = 0;
    const [ma, mb] = [await stepOne(a.enrollment.id), await stepOne(b.enrollment.id)];
    expect([ma.status, mb.status]).toEqual(["INTERRUPTED", "INTERRUPTED"]);

    // Someone else's message: not theirs to decide.
    const other = await createSession((await prisma.user.create({ data: { email: `other-${randomUUID()}@example.test`, role: "REP", lastEventId: a.event.id } })).id);
    expect((await callRoute(resendRoute.POST, "/x", { method: "POST", cookie: other.cookie, params: { id: ma.id } })).status).toBe(403);

    // A: the rep checked the outbox and it did not go out: resend (the window is opened around the clock so the real time of day does not queue it).
    await prisma.setting.upsert({ where: { key: "outreach.sendingWindow" }, create: { key: "outreach.sendingWindow", value: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } }, update: { value: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } } });
    try {
      const resent = await callRoute(resendRoute.POST, "/api/outreach/x/resend", { method: "POST", cookie: a.cookie, params: { id: ma.id } });
      expect(resent.status).toBe(200);
      expect(resent.json.data.result).toMatchObject({ outcome: "sent", alreadySent: false });
      expect(received).toHaveLength(1);
      expect((await callRoute(resendRoute.POST, "/x", { method: "POST", cookie: a.cookie, params: { id: ma.id } })).status).toBe(409);
      // The enrollment was woken: the engine records step 1 as done from its real send time.
      await processDueSequenceSteps({ now: new Date() });
      expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: a.enrollment.id } })).toMatchObject({ currentStep: 1, status: "ACTIVE", lastError: null });
    } finally {
      await prisma.setting.deleteMany({ where: { key: "outreach.sendingWindow" } });
    }

    // B: it did go out (or should not): discard. Nothing is sent; step 1 is skipped, step 2 is scheduled.
    const discarded = await callRoute(outreachRoute.DELETE, "/x", { method: "DELETE", cookie: b.cookie, params: { id: mb.id } });
    expect(discarded.json.data).toEqual({ id: mb.id, status: "CANCELLED" });
    await processDueSequenceSteps({ now: new Date() });
    const row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: b.enrollment.id } });
    expect(row).toMatchObject({ currentStep: 1, status: "ACTIVE" });
    expect(row.nextStepAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(await prisma.activity.count({ where: { entityId: b.enrollment.id, type: "sequence.step_skipped" } })).toBe(1);
    expect(received).toHaveLength(1);
    for (const s of [a.sequence, b.sequence]) await prisma.sequence.update({ where: { id: s.id }, data: { status: "ARCHIVED" } });
  });
});

describe("meeting invites go through the outreach guards", () => {
  it("comes from the rep (their name, replies to them) and is never sent to a suppressed address or to demo people", async () => {
    const w = await meetingWorld();
    await prisma.user.update({ where: { id: w.user.id }, data: { name: "Riley Rep" } });
    const booked = await callRoute(meetingsRoute.POST, "/api/meetings", { method: "POST", cookie: w.cookie, body: { personId: w.person.id, scheduledAt: "2026-12-14T09:30" } });
    expect(booked.json.data.invite).toMatchObject({ sent: true });
    expect(received.at(-1)!.from?.text).toMatch(/^"?Riley Rep"? </);
    expect(received.at(-1)!.replyTo?.text).toBe(w.user.email);

    const blocked = await createPerson(w.event.id, w.account.id);
    await suppressAddress({ email: blocked.email!, reason: "UNSUBSCRIBED" });
    const refused = await callRoute(meetingsRoute.POST, "/x", { method: "POST", cookie: w.cookie, body: { personId: blocked.id, scheduledAt: "2026-12-14T11:30" } });
    expect(refused.status).toBe(201);
    expect(refused.json.data.invite).toMatchObject({ sent: false, reason: expect.stringMatching(/do-not-email list/) });

    const demo = await createPerson(w.event.id, w.account.id, { source: "seed" });
    const demoMeeting = await callRoute(meetingsRoute.POST, "/x", { method: "POST", cookie: w.cookie, body: { personId: demo.id, scheduledAt: "2026-12-14T13:30" } });
    expect(demoMeeting.json.data.invite).toMatchObject({ sent: false, reason: expect.stringMatching(/demo data/) });
    expect(received).toHaveLength(1);
    expect(await prisma.activity.count({ where: { type: "meeting.invite_not_sent", personId: { in: [blocked.id, demo.id] } } })).toBe(2);
  });
});
