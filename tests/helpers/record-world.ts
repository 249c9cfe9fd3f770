import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db";

/**
 * One record of every type a teammate opens by id, in one event, owned by one rep (or by nobody:
 * `ownerId` null): the shared ground of the record-scope test (same event → opens, another event
 * → 404) and the permission matrix test (owner rep / other rep / admin / unowned). Created
 * straight in the database so the tests measure the routes, not the create paths.
 */
export type RecordWorld = Awaited<ReturnType<typeof createRecordWorld>>;

export async function createRecordWorld(eventId: string, ownerId: string | null) {
  const tag = randomUUID().slice(0, 8);
  const account = await prisma.targetAccount.create({
    data: { eventId, name: `World Freight ${tag}`, normalizedName: `world freight ${tag}`, domain: `world-${tag}.test`, assignedToId: ownerId },
  });
  // Independent rows in parallel: the matrix test builds a world per case.
  const [person, enrolled, template, campaign, sequence, report, importJob] = await Promise.all([
    prisma.person.create({
      data: { eventId, accountId: account.id, firstName: "Wren", lastName: tag, name: `Wren ${tag}`, email: `wren-${tag}@world.test`, assignedToId: ownerId },
    }),
    // A second person for the enrollment: the first one stays free to enroll.
    prisma.person.create({ data: { eventId, accountId: account.id, firstName: "Ennis", lastName: tag, name: `Ennis ${tag}`, email: `ennis-${tag}@world.test` } }),
    prisma.emailTemplate.create({ data: { eventId, ownerId, name: `Intro ${tag}`, subject: "Hi {{person.firstName}}", body: "Body" } }),
    prisma.campaign.create({ data: { eventId, ownerId, name: `Campaign ${tag}` } }),
    prisma.sequence.create({
      data: { eventId, ownerId, name: `Sequence ${tag}`, status: "ACTIVE", steps: { create: [{ order: 1, channel: "EMAIL", subject: "Hi", body: "First" }, { order: 2, channel: "CALL", delayDays: 2, body: "Call them" }] } },
      include: { steps: { orderBy: { order: "asc" } } },
    }),
    prisma.reportDefinition.create({ data: { eventId, ownerId, name: `Report ${tag}`, config: {} } }),
    prisma.importJob.create({
      data: { eventId, userId: ownerId, entity: "accounts", fileName: `world-${tag}.csv`, mode: "upsert" },
    }),
  ]);
  const [meeting, outreach, sent, enrollment] = await Promise.all([
    prisma.meeting.create({
      data: { eventId, personId: person.id, accountId: account.id, ownerId, scheduledAt: new Date("2026-03-10T17:00:00Z"), icsUid: `world-${tag}@eventops` },
    }),
    prisma.outreach.create({
      data: { eventId, personId: person.id, accountId: account.id, ownerId, channel: "EMAIL", subject: "Hello", message: "A draft", status: "DRAFT" },
    }),
    prisma.outreach.create({
      data: { eventId, personId: person.id, accountId: account.id, ownerId, channel: "EMAIL", subject: "Sent", message: "Sent earlier", status: "SENT", sentAt: new Date(), toEmail: person.email },
    }),
    prisma.sequenceEnrollment.create({
      data: { sequenceId: sequence.id, personId: enrolled.id, accountId: account.id, ownerId, status: "ACTIVE", currentStep: 1, nextStepAt: new Date("2030-01-01T00:00:00Z") },
    }),
  ]);
  const [task, deletion] = await Promise.all([
    prisma.sequenceTask.create({
      data: { enrollmentId: enrollment.id, stepId: sequence.steps[1]!.id, stepNumber: 2, personId: enrolled.id, ownerId, channel: "CALL", title: `Call Ennis ${tag}`, dueAt: new Date() },
    }),
    // An account the owner moved to the Trash.
    prisma.deletion.create({
      data: {
        eventId, deletedById: ownerId, label: `Trashed Freight ${tag}`, accounts: 1,
        accountRows: { create: { eventId, name: `Trashed Freight ${tag}`, normalizedName: `trashed freight ${tag}`, domain: `trashed-${tag}.test`, assignedToId: ownerId, deletedAt: new Date(), deletedById: ownerId } },
      },
      include: { accountRows: true },
    }),
  ]);
  return { eventId, account, person, enrolled, meeting, outreach, sent, template, campaign, sequence, enrollment, task, report, importJob, deletion, trashed: deletion.accountRows[0]! };
}

/** Everything a refused call could have touched, as one comparable value. */
export async function snapshotWorld(w: RecordWorld): Promise<string> {
  const rows = await Promise.all([
    prisma.targetAccount.findMany({ where: { id: { in: [w.account.id, w.trashed.id] } }, orderBy: { id: "asc" } }),
    prisma.deletion.findUnique({ where: { id: w.deletion.id } }),
    prisma.person.findMany({ where: { id: { in: [w.person.id, w.enrolled.id] } }, orderBy: { id: "asc" } }),
    prisma.meeting.findUnique({ where: { id: w.meeting.id } }),
    prisma.outreach.findMany({ where: { id: { in: [w.outreach.id, w.sent.id] } }, orderBy: { id: "asc" } }),
    prisma.sequence.findUnique({ where: { id: w.sequence.id } }),
    prisma.sequenceEnrollment.findMany({ where: { sequenceId: w.sequence.id }, orderBy: { id: "asc" } }),
    prisma.sequenceTask.findUnique({ where: { id: w.task.id } }),
    prisma.emailTemplate.findUnique({ where: { id: w.template.id } }),
    prisma.campaign.findUnique({ where: { id: w.campaign.id } }),
    prisma.reportDefinition.findUnique({ where: { id: w.report.id } }),
    prisma.importJob.findUnique({ where: { id: w.importJob.id } }),
    prisma.activity.count({ where: { eventId: w.eventId } }),
    prisma.outboxMessage.count({ where: { toEmail: w.person.email ?? "" } }),
  ]);
  return JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}
