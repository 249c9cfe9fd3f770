import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { PERMISSION_MATRIX, type Caller, type Resource } from "@/server/access/permissions";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";
import { loadRoute, type Verb } from "../helpers/route-files";
import { createRecordWorld, snapshotWorld, type RecordWorld } from "../helpers/record-world";

/**
 * Generated from the permission matrix (src/server/access/permissions.ts): every resource ×
 * action × caller {owner rep, other rep, admin, any rep on an unowned record} calls the real
 * route against real records. Allowed → 2xx and the change is in the database; refused → 403
 * with a sentence that names who may, and nothing changed (records, activities, outbox).
 * A matrix entry without a scenario here fails the first test, so the matrix cannot grow untested.
 */

type Ctx = { w: RecordWorld; caller: { id: string }; receiver: { id: string } };
type Scenario = {
  verb: Verb;
  file: string;
  id: (w: RecordWorld) => string;
  query?: Record<string, string>;
  body?: (ctx: Ctx) => unknown;
  /** Whether the change the call asks for is in the database. */
  changed: (ctx: Ctx) => Promise<boolean>;
};

const SCENARIOS: { [R in Resource]: Record<keyof (typeof PERMISSION_MATRIX)[R]["actions"], Scenario> } = {
  account: {
    edit: { verb: "PATCH", file: "accounts/[id]/route.ts", id: (w) => w.account.id, body: () => ({ notes: "Edited" }), changed: async ({ w }) => (await prisma.targetAccount.findUnique({ where: { id: w.account.id } }))?.notes === "Edited" },
    assign: {
      verb: "PATCH", file: "accounts/[id]/route.ts", id: (w) => w.account.id, body: ({ receiver }) => ({ assignedToId: receiver.id }),
      changed: async ({ w, receiver }) => (await prisma.targetAccount.findUnique({ where: { id: w.account.id } }))?.assignedToId === receiver.id,
    },
    delete: { verb: "DELETE", file: "accounts/[id]/route.ts", id: (w) => w.account.id, changed: async ({ w }) => !(await isLive("account", w.account.id)) },
  },
  person: {
    edit: {
      verb: "PATCH", file: "people/[id]/route.ts", id: (w) => w.person.id, body: ({ w }) => ({ email: `moved-${w.person.id}@elsewhere.test` }),
      changed: async ({ w }) => (await prisma.person.findUnique({ where: { id: w.person.id } }))?.email === `moved-${w.person.id}@elsewhere.test`,
    },
    assign: {
      verb: "PATCH", file: "people/[id]/route.ts", id: (w) => w.person.id, body: ({ receiver }) => ({ assignedToId: receiver.id }),
      changed: async ({ w, receiver }) => (await prisma.person.findUnique({ where: { id: w.person.id } }))?.assignedToId === receiver.id,
    },
    delete: { verb: "DELETE", file: "people/[id]/route.ts", id: (w) => w.person.id, changed: async ({ w }) => !(await isLive("person", w.person.id)) },
  },
  outreach: {
    edit: { verb: "PATCH", file: "outreach/[id]/route.ts", id: (w) => w.outreach.id, body: () => ({ message: "Edited draft" }), changed: async ({ w }) => (await prisma.outreach.findUnique({ where: { id: w.outreach.id } }))?.message === "Edited draft" },
    send: { verb: "POST", file: "outreach/[id]/send/route.ts", id: (w) => w.outreach.id, changed: async ({ w }) => (await prisma.outreach.findUnique({ where: { id: w.outreach.id } }))?.status !== "DRAFT" },
    discard: { verb: "DELETE", file: "outreach/[id]/route.ts", id: (w) => w.outreach.id, changed: async ({ w }) => (await prisma.outreach.findUnique({ where: { id: w.outreach.id } })) === null },
    markReplied: { verb: "POST", file: "outreach/[id]/reply/route.ts", id: (w) => w.sent.id, body: () => ({}), changed: async ({ w }) => (await prisma.outreach.findUnique({ where: { id: w.sent.id } }))?.repliedAt !== null },
  },
  sequence: {
    edit: { verb: "PATCH", file: "sequences/[id]/route.ts", id: (w) => w.sequence.id, body: () => ({ name: "Edited sequence" }), changed: async ({ w }) => (await prisma.sequence.findUnique({ where: { id: w.sequence.id } }))?.name === "Edited sequence" },
    changeStatus: { verb: "POST", file: "sequences/[id]/status/route.ts", id: (w) => w.sequence.id, body: () => ({ action: "pause" }), changed: async ({ w }) => (await prisma.sequence.findUnique({ where: { id: w.sequence.id } }))?.status === "PAUSED" },
    enroll: {
      verb: "POST", file: "sequences/[id]/enroll/route.ts", id: (w) => w.sequence.id, body: ({ w }) => ({ personIds: [w.person.id] }),
      changed: async ({ w }) => (await prisma.sequenceEnrollment.count({ where: { sequenceId: w.sequence.id, personId: w.person.id } })) === 1,
    },
  },
  enrollment: {
    changeStatus: { verb: "PATCH", file: "enrollments/[id]/route.ts", id: (w) => w.enrollment.id, body: () => ({ action: "pause" }), changed: async ({ w }) => (await prisma.sequenceEnrollment.findUnique({ where: { id: w.enrollment.id } }))?.status === "PAUSED" },
  },
  template: {
    edit: { verb: "PATCH", file: "templates/[id]/route.ts", id: (w) => w.template.id, body: () => ({ name: "Edited template" }), changed: async ({ w }) => (await prisma.emailTemplate.findUnique({ where: { id: w.template.id } }))?.name === "Edited template" },
    archive: { verb: "DELETE", file: "templates/[id]/route.ts", id: (w) => w.template.id, changed: async ({ w }) => (await prisma.emailTemplate.findUnique({ where: { id: w.template.id } }))?.archivedAt !== null },
  },
  campaign: {
    edit: { verb: "PATCH", file: "campaigns/[id]/route.ts", id: (w) => w.campaign.id, body: () => ({ name: "Edited campaign" }), changed: async ({ w }) => (await prisma.campaign.findUnique({ where: { id: w.campaign.id } }))?.name === "Edited campaign" },
    archive: { verb: "DELETE", file: "campaigns/[id]/route.ts", id: (w) => w.campaign.id, changed: async ({ w }) => (await prisma.campaign.findUnique({ where: { id: w.campaign.id } }))?.archivedAt !== null },
  },
  meeting: {
    edit: { verb: "PATCH", file: "meetings/[id]/route.ts", id: (w) => w.meeting.id, body: () => ({ title: "Edited meeting" }), changed: async ({ w }) => (await prisma.meeting.findUnique({ where: { id: w.meeting.id } }))?.title === "Edited meeting" },
    cancel: { verb: "DELETE", file: "meetings/[id]/route.ts", id: (w) => w.meeting.id, query: { notify: "true" }, changed: async ({ w }) => (await prisma.meeting.findUnique({ where: { id: w.meeting.id } }))?.status === "CANCELLED" },
    complete: { verb: "POST", file: "meetings/[id]/complete/route.ts", id: (w) => w.meeting.id, body: () => ({ outcome: "Went well" }), changed: async ({ w }) => (await prisma.meeting.findUnique({ where: { id: w.meeting.id } }))?.status === "COMPLETED" },
    checkIn: { verb: "POST", file: "meetings/[id]/check-in/route.ts", id: (w) => w.meeting.id, changed: async ({ w }) => (await prisma.meeting.findUnique({ where: { id: w.meeting.id } }))?.checkedInAt !== null },
    noShow: { verb: "POST", file: "meetings/[id]/no-show/route.ts", id: (w) => w.meeting.id, body: () => ({}), changed: async ({ w }) => (await prisma.meeting.findUnique({ where: { id: w.meeting.id } }))?.status === "NO_SHOW" },
  },
  import: {
    undo: { verb: "POST", file: "import/[id]/undo/route.ts", id: (w) => w.importJob.id, changed: async ({ w }) => (await prisma.importJob.findUnique({ where: { id: w.importJob.id } }))?.status === "UNDONE" },
  },
  task: {
    complete: { verb: "PATCH", file: "tasks/[id]/route.ts", id: (w) => w.task.id, body: () => ({ status: "DONE" }), changed: async ({ w }) => (await prisma.sequenceTask.findUnique({ where: { id: w.task.id } }))?.status === "DONE" },
  },
  report: {
    edit: { verb: "PATCH", file: "reports/[id]/route.ts", id: (w) => w.report.id, body: () => ({ name: "Edited report" }), changed: async ({ w }) => (await prisma.reportDefinition.findUnique({ where: { id: w.report.id } }))?.name === "Edited report" },
    delete: { verb: "DELETE", file: "reports/[id]/route.ts", id: (w) => w.report.id, changed: async ({ w }) => (await prisma.reportDefinition.findUnique({ where: { id: w.report.id } })) === null },
  },
  trash: {
    restore: {
      verb: "POST", file: "trash/[id]/restore/route.ts", id: (w) => w.deletion.id,
      changed: async ({ w }) => (await prisma.deletion.findUnique({ where: { id: w.deletion.id } }))?.restoredAt !== null && (await isLive("account", w.trashed.id)),
    },
    purge: {
      verb: "DELETE", file: "trash/[id]/route.ts", id: (w) => w.deletion.id,
      changed: async ({ w }) => (await prisma.deletion.findUnique({ where: { id: w.deletion.id } }))?.purgedAt !== null && (await prisma.targetAccount.findUnique({ where: { id: w.trashed.id } })) === null,
    },
  },
};

async function isLive(kind: "account" | "person", id: string): Promise<boolean> {
  const row = kind === "account" ? await prisma.targetAccount.findUnique({ where: { id } }) : await prisma.person.findUnique({ where: { id } });
  return row !== null && !("deletedAt" in row && row.deletedAt);
}

const team: Record<"owner" | "otherRep" | "admin" | "receiver", { id: string; cookie: string; name: string }> = {} as never;
let eventId = "";

beforeAll(async () => {
  eventId = (await createEvent({ name: "Matrix Expo" })).id;
  const mk = async (role: "REP" | "ADMIN", name: string) => {
    const user = await createUser({ role, name });
    await prisma.user.update({ where: { id: user.id }, data: { lastEventId: eventId } });
    return { id: user.id, cookie: (await createSession(user.id)).cookie, name };
  };
  team.owner = await mk("REP", "Olive Owner");
  team.otherRep = await mk("REP", "Oscar Other");
  team.admin = await mk("ADMIN", "Ada Admin");
  team.receiver = await mk("REP", "Rita Receiver");
});

/** The world for a caller: owned by the owner rep, or by nobody for the unowned column. */
async function worldFor(caller: Caller) {
  const w = await createRecordWorld(eventId, caller === "unowned" ? null : team.owner.id);
  const who = caller === "unowned" ? team.otherRep : team[caller];
  return { w, who };
}

describe("permission matrix", () => {
  it("has a scenario for every resource and action of the matrix", () => {
    for (const [resource, spec] of Object.entries(PERMISSION_MATRIX)) {
      expect(Object.keys(SCENARIOS[resource as Resource]).sort(), resource).toEqual(Object.keys(spec.actions).sort());
    }
  });

  for (const [resource, spec] of Object.entries(PERMISSION_MATRIX) as [Resource, (typeof PERMISSION_MATRIX)[Resource]][]) {
    for (const [action, { rule }] of Object.entries(spec.actions) as [string, { rule: Record<Caller, boolean> }][]) {
      const scenario = (SCENARIOS[resource] as Record<string, Scenario>)[action]!;
      for (const caller of ["owner", "otherRep", "admin", "unowned"] as const) {
        const allowed = rule[caller];
        it(`${resource}.${action} as ${caller} → ${allowed ? "allowed" : "403"}`, async () => {
          const { w, who } = await worldFor(caller);
          const ctx: Ctx = { w, caller: who, receiver: team.receiver };
          const before = await snapshotWorld(w);
          const handler = (await loadRoute(scenario.file))[scenario.verb]!;
          const res = await callRoute(handler, `/api/${scenario.file.replace("/route.ts", "")}`, {
            method: scenario.verb, cookie: who.cookie, params: { id: scenario.id(w) }, query: scenario.query, body: scenario.body?.(ctx),
          });
          if (allowed) {
            expect(res.status, res.text.slice(0, 300)).toBeLessThan(300);
            expect(await scenario.changed(ctx)).toBe(true);
          } else {
            expect(res.status, res.text.slice(0, 300)).toBe(403);
            expect(res.json).toMatchObject({ success: false, code: "forbidden" });
            expect(res.json.error).toMatch(caller === "unowned" || !rule.owner ? /^Only an admin can .+\.$/ : /^Only Olive Owner or an admin can .+\.$/);
            expect(await snapshotWorld(w)).toBe(before);
            expect(await scenario.changed(ctx)).toBe(false);
          }
        });
      }
    }
  }
});

/** The damages issue 13 found, each as a rep would cause it, refused now with nothing changed. */
describe("what a rep can no longer do to a teammate's work", () => {
  it("bulk-delete another rep's accounts", async () => {
    const worlds = [await createRecordWorld(eventId, team.owner.id), await createRecordWorld(eventId, team.owner.id)];
    const { POST } = await import("@/app/api/accounts/bulk/route");
    const res = await callRoute(POST, "/api/accounts/bulk", { method: "POST", cookie: team.otherRep.cookie, body: { action: "delete", ids: worlds.map((w) => w.account.id), deletePeople: true } });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatch(/^You can't delete 2 of the selected accounts \(World Freight .+, World Freight .+\): only their reps or an admin can\. Nothing was changed\.$/);
    for (const w of worlds) expect(await isLive("account", w.account.id)).toBe(true);
    expect(await prisma.person.count({ where: { accountId: { in: worlds.map((w) => w.account.id) } } })).toBe(4);
  });

  it("change the address of a person in another rep's sequence (the mail would follow under that rep's name)", async () => {
    const w = await createRecordWorld(eventId, null);
    // Nobody owns Ennis or the account; the owner rep enrolled him in their sequence.
    await prisma.sequenceEnrollment.update({ where: { id: w.enrollment.id }, data: { ownerId: team.owner.id } });
    const { PATCH } = await import("@/app/api/people/[id]/route");
    const res = await callRoute(PATCH, `/api/people/${w.enrolled.id}`, { method: "PATCH", cookie: team.otherRep.cookie, params: { id: w.enrolled.id }, body: { email: "someone-else@elsewhere.test" } });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe("Only Olive Owner or an admin can edit this person.");
    expect((await prisma.person.findUniqueOrThrow({ where: { id: w.enrolled.id } })).email).toBe(w.enrolled.email);
  });

  it("edit a shared template (every rep's mail uses it)", async () => {
    const shared = await prisma.emailTemplate.create({ data: { eventId: null, ownerId: team.owner.id, name: `Shared ${Date.now()}`, subject: "Hi", body: "Shared body" } });
    const { PATCH } = await import("@/app/api/templates/[id]/route");
    const patch = (cookie: string) => callRoute(PATCH, `/api/templates/${shared.id}`, { method: "PATCH", cookie, params: { id: shared.id }, body: { body: "Changed" } });
    const byCreator = await patch(team.owner.cookie);
    expect(byCreator.status).toBe(403);
    expect(byCreator.json.error).toBe("Only an admin can edit this template.");
    expect((await prisma.emailTemplate.findUniqueOrThrow({ where: { id: shared.id } })).body).toBe("Shared body");
    expect((await patch(team.admin.cookie)).status).toBe(200);
  });

  it("cancel another rep's meeting: no cancellation reaches the prospect", async () => {
    const w = await createRecordWorld(eventId, team.owner.id);
    const { DELETE } = await import("@/app/api/meetings/[id]/route");
    const before = await prisma.outboxMessage.count({ where: { toEmail: w.person.email! } });
    const res = await callRoute(DELETE, `/api/meetings/${w.meeting.id}`, { method: "DELETE", cookie: team.otherRep.cookie, params: { id: w.meeting.id }, query: { notify: "true" } });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe("Only Olive Owner or an admin can cancel this meeting.");
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: w.meeting.id } })).status).toBe("SCHEDULED");
    expect(await prisma.outboxMessage.count({ where: { toEmail: w.person.email! } })).toBe(before);
  });
});
