import { afterAll, afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { prisma } from "@/server/db";
import { installCaptureTransport, type MailMessage } from "@/server/email/transport";
import { processDueSequenceSteps } from "@/server/sequences/engine";
import { createUser } from "../helpers/factories";
import { outreachSetup } from "../helpers/outreach-fixtures";

/**
 * The sequence engine works a claimed batch in a fixed number of SQL statements (plus one
 * handover mark per 8 messages): 25 due enrollments and 150 take the same count otherwise, so
 * the batching cannot silently fall back to per-message queries. Counted at the driver (every statement Prisma sends through `pg`,
 * BEGIN and COMMIT included) with the capturing transport (the dev outbox writes a row per
 * message by design).
 */
// Tuesday 3 March 2026, 10:00 in New York: inside the sending window.
const NOW = new Date("2026-03-03T15:00:00Z");

type QueryFn = (...args: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: QueryFn };
const originalQuery = clientProto.query;
let statements: string[] | null = null;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  if (statements) {
    const config = args[0] as string | { text?: string };
    statements.push(typeof config === "string" ? config : config?.text ?? "");
  }
  return originalQuery.apply(this, args);
};
afterAll(() => {
  clientProto.query = originalQuery;
});

const created: string[] = [];
afterEach(async () => {
  await prisma.sequence.updateMany({ where: { id: { in: created } }, data: { status: "ARCHIVED" } });
});

async function dueEnrollments(n: number) {
  const { event, account } = await outreachSetup();
  const reps = await Promise.all([0, 1, 2].map(() => createUser({ role: "REP" })));
  await prisma.user.updateMany({ where: { id: { in: reps.map((r) => r.id) } }, data: { dailySendCap: 1000 } });
  const sequence = await prisma.sequence.create({
    data: {
      eventId: event.id, ownerId: reps[0].id, name: `Batch ${randomUUID().slice(0, 6)}`, status: "ACTIVE",
      steps: {
        create: [
          { order: 1, delayDays: 0, channel: "EMAIL", subject: "Hi {{person.firstName}}", body: "About {{account.name}}.\n\n{{sender.name}}" },
          { order: 2, delayDays: 3, channel: "EMAIL", subject: "Again, {{person.firstName}}", body: "Following up." },
        ],
      },
    },
  });
  created.push(sequence.id);
  const tag = randomUUID().slice(0, 8);
  const people = Array.from({ length: n }, (_, i) => ({
    id: `pq-${tag}-${i}`, eventId: event.id, accountId: account.id, firstName: "Robin", lastName: `Q${i}`, name: `Robin Q${i}`,
    email: `robin.${i}.${tag}@batch.test`, timeZone: "America/New_York", source: "import",
  }));
  await prisma.person.createMany({ data: people });
  await prisma.sequenceEnrollment.createMany({
    data: people.map((p, i) => ({ id: `eq-${tag}-${i}`, sequenceId: sequence.id, personId: p.id, accountId: account.id, ownerId: reps[i % 3].id, nextStepAt: NOW, enrolledAt: new Date(NOW.getTime() - 86_400_000) })),
  });
  return people.map((_, i) => `eq-${tag}-${i}`);
}

/** One run over `n` due enrollments in one batch; returns the statements it sent. */
async function countedRun(n: number) {
  const ids = await dueEnrollments(n);
  const captured: MailMessage[] = [];
  const uninstall = installCaptureTransport((m) => captured.push(m));
  statements = [];
  try {
    const summary = await processDueSequenceSteps({ now: NOW, batchSize: 500, lanes: 1 });
    const sent = statements;
    expect(summary).toMatchObject({ processed: n, sent: n, errors: 0 });
    return { sent, captured, ids };
  } finally {
    statements = null;
    uninstall();
  }
}

describe("sequence engine batching", () => {
  it("sends a batch of 25 and a batch of 150 with the same number of SQL statements", async () => {
    const small = await countedRun(25);
    const large = await countedRun(150);

    expect(small.captured).toHaveLength(25);
    expect(large.captured).toHaveLength(150);
    expect(await prisma.outreach.count({ where: { enrollmentId: { in: large.ids }, status: "SENT", stepNumber: 1 } })).toBe(150);
    expect(await prisma.outboxMessage.count({ where: { outreach: { enrollmentId: { in: large.ids } } } })).toBe(150);
    expect(await prisma.sequenceEnrollment.count({ where: { id: { in: large.ids }, currentStep: 1, claimedBy: null, status: "ACTIVE" } })).toBe(150);
    expect(await prisma.activity.count({ where: { entityId: { in: large.ids }, type: "sequence.step_done" } })).toBe(150);

    // Six times the enrollments, the same statements (the final empty claim included) but for
    // the handover marks: one per 8 messages, written just before the transport gets them.
    const handoverMarks = (sent: string[]) => sent.filter((q) => q.includes(`"handedOverAt" = now()`)).length;
    expect(handoverMarks(small.sent)).toBe(Math.ceil(25 / 8));
    expect(handoverMarks(large.sent)).toBe(Math.ceil(150 / 8));
    expect(small.sent.length).toBeGreaterThan(10); // the counter sees the engine's statements at all
    expect(large.sent.length - handoverMarks(large.sent)).toBe(small.sent.length - handoverMarks(small.sent));
    expect(large.sent.length - handoverMarks(large.sent)).toBeLessThanOrEqual(50);
  }, 120_000);
});
