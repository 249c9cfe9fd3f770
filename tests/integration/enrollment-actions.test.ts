import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as enrollmentRoute from "@/app/api/enrollments/[id]/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

async function setup() {
  const event = await createEvent({ name: "Enrollment Actions Expo" });
  const { user, cookie } = await signedInUser("REP");
  await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  const sequence = await prisma.sequence.create({ data: { eventId: event.id, ownerId: user.id, name: "Follow-up", status: "ACTIVE", steps: { create: [{ order: 1, subject: "Hi", body: "Hello" }] } } });
  const mk = async (name: string, data: Record<string, unknown>) => {
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: name, lastName: "E", name: `${name} E`, email: `${name.toLowerCase()}-${event.id}@enroll.test` } });
    return prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: person.id, ...data } });
  };
  return { event, user, cookie, sequence, mk };
}

const patch = (id: string, cookie: string, action: string) =>
  callRoute(enrollmentRoute.PATCH, `/api/enrollments/${id}`, { method: "PATCH", cookie, params: { id }, body: { action } });

describe("PATCH /api/enrollments/:id", () => {
  it("pauses an active enrollment and resumes it, with an activity each", async () => {
    const { cookie, mk } = await setup();
    const later = new Date(Date.now() + 3 * 86_400_000);
    const e = await mk("Ava", { status: "ACTIVE", nextStepAt: later });
    const paused = await patch(e.id, cookie, "pause");
    expect(paused.status).toBe(200);
    expect(paused.json.data.status).toBe("PAUSED");
    const resumed = await patch(e.id, cookie, "resume");
    expect(resumed.status).toBe(200);
    const row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.status).toBe("ACTIVE");
    expect(row.nextStepAt?.getTime()).toBe(later.getTime()); // a future step keeps its time
    const types = (await prisma.activity.findMany({ where: { entityId: e.id }, orderBy: { createdAt: "asc" } })).map((a) => a.type);
    expect(types).toEqual(["sequence.enrollment_paused", "sequence.enrollment_resumed"]);
  });

  it("retries a FAILED enrollment: clears the failures and makes the step due now", async () => {
    const { cookie, mk } = await setup();
    const e = await mk("Bo", { status: "FAILED", failureCount: 5, lastError: "SMTP 421", nextStepAt: null });
    const before = Date.now();
    const res = await patch(e.id, cookie, "resume");
    expect(res.status).toBe(200);
    const row = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "ACTIVE", failureCount: 0, lastError: null });
    expect(row.nextStepAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await prisma.activity.count({ where: { entityId: e.id, type: "sequence.enrollment_retried" } })).toBe(1);
  });

  it("refuses what makes no sense and changes nothing", async () => {
    const { cookie, mk, sequence } = await setup();
    const done = await mk("Cy", { status: "COMPLETED" });
    expect((await patch(done.id, cookie, "resume")).status).toBe(409);
    expect((await patch(done.id, cookie, "pause")).status).toBe(409);

    const suppressed = await mk("Di", { status: "PAUSED" });
    const person = await prisma.person.findUniqueOrThrow({ where: { id: suppressed.personId } });
    await prisma.suppression.create({ data: { email: person.email!, reason: "UNSUBSCRIBED" } });
    const refused = await patch(suppressed.id, cookie, "resume");
    expect(refused.status).toBe(409);
    expect(refused.json.error).toContain("do-not-email");
    expect((await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: suppressed.id } })).status).toBe("PAUSED");

    const held = await mk("Eve", { status: "PAUSED" });
    await prisma.sequence.update({ where: { id: sequence.id }, data: { status: "PAUSED" } });
    expect((await patch(held.id, cookie, "resume")).status).toBe(409);

    expect((await patch(held.id, cookie, "restart")).status).toBe(422);
    expect(await prisma.activity.count({ where: { entityId: { in: [done.id, suppressed.id, held.id] } } })).toBe(0);
  });

  it("an enrollment of another event is not found", async () => {
    const mine = await setup();
    const other = await setup();
    const theirs = await other.mk("Fay", { status: "ACTIVE" });
    expect((await patch(theirs.id, mine.cookie, "pause")).status).toBe(404);
    expect((await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("ACTIVE");
  });
});
