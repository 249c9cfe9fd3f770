import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { processDueSequenceSteps } from "@/server/sequences/engine";
import * as listRoute from "@/app/api/sequences/route";
import * as oneRoute from "@/app/api/sequences/[id]/route";
import * as statusRoute from "@/app/api/sequences/[id]/status/route";
import * as enrollRoute from "@/app/api/sequences/[id]/enroll/route";
import * as tasksRoute from "@/app/api/tasks/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import { callRoute } from "../helpers/request";
import { createSession } from "../helpers/factories";
import { createPerson, outreachSetup } from "../helpers/outreach-fixtures";

const MONDAY = new Date("2026-03-02T15:00:00Z");
const created: string[] = [];
afterAll(async () => {
  await prisma.sequence.updateMany({ where: { id: { in: created } }, data: { status: "ARCHIVED" } });
});

async function setup() {
  const s = await outreachSetup();
  await prisma.user.update({ where: { id: s.rep.id }, data: { lastEventId: s.event.id } });
  const { cookie } = await createSession(s.rep.id);
  return { ...s, cookie };
}

const steps = [
  { delayDays: 0, channel: "EMAIL", subject: "Hi {{person.firstName}}", body: "Step one for {{account.name}}" },
  { delayDays: 2, businessDays: true, channel: "LINKEDIN", body: "Connect on LinkedIn" },
];

describe("sequences API", () => {
  it("creates a draft, refuses bad steps and unknown fields, activates, and keeps steps of a sequence in use", async () => {
    const { cookie } = await setup();
    const bad = await callRoute(listRoute.POST, "/api/sequences", { method: "POST", cookie, body: { name: "X", steps: [{ delayDays: 0, channel: "EMAIL", body: "no subject" }] } });
    expect(bad.status).toBe(422);
    const unknown = await callRoute(listRoute.POST, "/api/sequences", { method: "POST", cookie, body: { name: "X", steps: [], color: "red" } });
    expect(unknown.status).toBe(422);

    const res = await callRoute(listRoute.POST, "/api/sequences", { method: "POST", cookie, body: { name: "Pre-show", steps } });
    expect(res.status).toBe(201);
    const id = res.json.data.id as string;
    created.push(id);
    expect(res.json.data).toMatchObject({ status: "DRAFT", steps: [{ order: 1, channel: "EMAIL" }, { order: 2, channel: "LINKEDIN", businessDays: true }] });

    // A draft takes no enrollments.
    const early = await callRoute(enrollRoute.POST, `/api/sequences/${id}/enroll`, { method: "POST", cookie, params: { id }, body: { personIds: ["x"] } });
    expect(early.status).toBe(409);

    expect((await callRoute(statusRoute.POST, `/api/sequences/${id}/status`, { method: "POST", cookie, params: { id }, body: { action: "activate" } })).status).toBe(200);
    expect(await prisma.sequence.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE" });
    expect(await prisma.activity.count({ where: { entityId: id, type: "sequence.activated" } })).toBe(1);
  });

  it("enrolls people, skipping suppressed and already-active ones with reasons; in-use steps cannot be removed but can be appended", async () => {
    const { cookie, event, account, person } = await setup();
    const res = await callRoute(listRoute.POST, "/api/sequences", { method: "POST", cookie, body: { name: "Enroll test", steps } });
    const id = res.json.data.id as string;
    created.push(id);
    await callRoute(statusRoute.POST, `/api/sequences/${id}/status`, { method: "POST", cookie, params: { id }, body: { action: "activate" } });

    const suppressed = await createPerson(event.id, account.id);
    await prisma.suppression.create({ data: { email: suppressed.email!, reason: "UNSUBSCRIBED", source: "test" } });
    const busy = await createPerson(event.id, account.id);
    const other = await prisma.sequence.create({ data: { eventId: event.id, name: "Other", status: "ACTIVE" } });
    created.push(other.id);
    await prisma.sequenceEnrollment.create({ data: { sequenceId: other.id, personId: busy.id } });

    const enroll = await callRoute(enrollRoute.POST, `/api/sequences/${id}/enroll`, { method: "POST", cookie, params: { id }, body: { accountId: account.id } });
    expect(enroll.status).toBe(200);
    expect(enroll.json.data.enrolled).toEqual([{ personId: person.id, name: person.name }]);
    // The first step is due now: a batch job was queued with the enrollment, not left for the next tick.
    const [queued] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'sequences.batch' AND key = 'sequences.batch:after-enroll'`;
    expect(queued.n).toBe(1);
    expect(enroll.json.data.skipped).toEqual(expect.arrayContaining([
      { personId: suppressed.id, name: suppressed.name, reason: "suppressed" },
      { personId: busy.id, name: busy.name, reason: "already_in_sequence" },
    ]));
    const row = await prisma.sequenceEnrollment.findFirstOrThrow({ where: { sequenceId: id, personId: person.id } });
    expect(row).toMatchObject({ status: "ACTIVE", currentStep: 0 });

    // Enrolling again skips them.
    const again = await callRoute(enrollRoute.POST, `/api/sequences/${id}/enroll`, { method: "POST", cookie, params: { id }, body: { personIds: [person.id] } });
    expect(again.json.data).toMatchObject({ enrolled: [], skipped: [{ reason: "already_in_sequence" }] });

    const shrink = await callRoute(oneRoute.PATCH, `/api/sequences/${id}`, { method: "PATCH", cookie, params: { id }, body: { steps: [steps[0]] } });
    expect(shrink.status).toBe(409);
    expect(await prisma.sequenceStep.count({ where: { sequenceId: id } })).toBe(2);
    const grow = await callRoute(oneRoute.PATCH, `/api/sequences/${id}`, { method: "PATCH", cookie, params: { id }, body: { steps: [...steps, { delayDays: 4, channel: "CALL", body: "Call them" }] } });
    expect(grow.status).toBe(200);
    expect(await prisma.sequenceStep.count({ where: { sequenceId: id } })).toBe(3);

    // From a saved filter (the people list's query string): everyone matching, minus the skipped.
    const tagged = await createPerson(event.id, null);
    const view = await prisma.savedView.create({ data: { userId: (await prisma.sequence.findUniqueOrThrow({ where: { id } })).ownerId!, scope: "people", name: "Tagged", query: `q=${encodeURIComponent(tagged.lastName!)}` } });
    const viaView = await callRoute(enrollRoute.POST, `/api/sequences/${id}/enroll`, { method: "POST", cookie, params: { id }, body: { savedViewId: view.id } });
    expect(viaView.json.data).toEqual({ enrolled: [{ personId: tagged.id, name: tagged.name }], skipped: [] });

    const detail = await callRoute(oneRoute.GET, `/api/sequences/${id}`, { cookie, params: { id } });
    expect(detail.json.data.progress).toMatchObject({ enrolled: 2, active: 2, funnel: [{ step: 1, reached: 0 }, { step: 2, reached: 0 }, { step: 3, reached: 0 }] });
  });

  it("counts progress by status and step, replies by step, and leaves the people in the Trash out", async () => {
    const { cookie, rep, event, person } = await setup();
    const seq = await prisma.sequence.create({
      data: { eventId: event.id, ownerId: rep.id, name: "Progress test", status: "ACTIVE", steps: { create: [{ order: 1, channel: "EMAIL", subject: "Hi", body: "One" }, { order: 2, delayDays: 2, channel: "CALL", body: "Call" }] } },
    });
    created.push(seq.id);
    const second = await createPerson(event.id, null);
    const trashed = await createPerson(event.id, null);
    const enroll = (personId: string, status: "ACTIVE" | "COMPLETED", currentStep: number) =>
      prisma.sequenceEnrollment.create({ data: { sequenceId: seq.id, personId, ownerId: rep.id, status, currentStep, enrolledAt: MONDAY } });
    const replied = await enroll(person.id, "ACTIVE", 1);
    await enroll(second.id, "COMPLETED", 2);
    await enroll(trashed.id, "ACTIVE", 2);
    await prisma.person.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    // A step's message as the engine writes it: with its enrollment, its step and the step's number.
    const stepOne = await prisma.sequenceStep.findFirstOrThrow({ where: { sequenceId: seq.id, order: 1 } });
    await prisma.outreach.create({
      data: { eventId: event.id, personId: person.id, ownerId: rep.id, channel: "EMAIL", subject: "Hi", message: "One", status: "SENT", sentAt: MONDAY, repliedAt: MONDAY, enrollmentId: replied.id, sequenceStepId: stepOne.id, stepNumber: 1 },
    });
    const detail = await callRoute(oneRoute.GET, `/api/sequences/${seq.id}`, { cookie, params: { id: seq.id } });
    expect(detail.json.data.progress).toMatchObject({ enrolled: 2, active: 1, completed: 1, funnel: [{ step: 1, reached: 2, replies: 1 }, { step: 2, reached: 1, replies: 0 }] });
    const list = await callRoute(listRoute.GET, "/api/sequences", { cookie });
    expect(list.json.data.items.find((x: { id: string }) => x.id === seq.id)).toMatchObject({ enrolled: 2, active: 1, completed: 1, replied: 0 });
  });

  it("turns LinkedIn steps into tasks the rep sees today and marks done", async () => {
    const { cookie, rep, event, person } = await setup();
    const seq = await prisma.sequence.create({
      data: { eventId: event.id, ownerId: rep.id, name: "Task test", status: "ACTIVE", steps: { create: [{ order: 1, channel: "LINKEDIN", body: "Say hi to {{person.firstName}}" }, { order: 2, delayDays: 2, channel: "CALL", body: "Call" }] } },
    });
    created.push(seq.id);
    const e = await prisma.sequenceEnrollment.create({ data: { sequenceId: seq.id, personId: person.id, ownerId: rep.id, nextStepAt: MONDAY, enrolledAt: MONDAY } });
    expect(await processDueSequenceSteps({ now: MONDAY })).toMatchObject({ tasks: 1, sent: 0 });
    const task = await prisma.sequenceTask.findUniqueOrThrow({ where: { enrollmentId_stepNumber: { enrollmentId: e.id, stepNumber: 1 } } });
    expect(task).toMatchObject({ channel: "LINKEDIN", status: "PENDING", ownerId: rep.id, body: "Say hi to Dana" });
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ currentStep: 1 });

    const list = await callRoute(tasksRoute.GET, "/api/tasks", { cookie });
    expect(list.status).toBe(200);
    expect(list.json.data.items.map((t: { id: string }) => t.id)).toContain(task.id);

    const done = await callRoute(taskRoute.PATCH, `/api/tasks/${task.id}`, { method: "PATCH", cookie, params: { id: task.id }, body: { status: "DONE" } });
    expect(done.status).toBe(200);
    expect(await prisma.sequenceTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE" });
    const twice = await callRoute(taskRoute.PATCH, `/api/tasks/${task.id}`, { method: "PATCH", cookie, params: { id: task.id }, body: { status: "SKIPPED" } });
    expect(twice.status).toBe(409);
  });
});
