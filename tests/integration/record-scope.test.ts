import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "@/server/db";
import { eventScopeField } from "@/server/access/actor";
import { route } from "@/server/http/route";
import { SCOPED_RECORDS, type ScopedRecord } from "@/server/access/scope";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";
import { loadRoute, type Verb } from "../helpers/route-files";
import { createRecordWorld, snapshotWorld, type RecordWorld } from "../helpers/record-world";

/**
 * The one rule for records by id (docs/SECURITY.md, "Records and events"): a record opens only
 * within the actor's event. For every record type and every way of reaching it by id, a rep
 * working on event A gets 404 for the record of event B — and nothing changes — while the same
 * call on the record of event A succeeds (so the test can fail), and after switching to event B
 * the record of B opens.
 */

type Call = { verb: Verb; file: string; id: (w: RecordWorld) => string; query?: (w: RecordWorld) => Record<string, string>; body?: (w: RecordWorld) => unknown };

const byId = (file: string, verb: Verb, id: (w: RecordWorld) => string, body?: (w: RecordWorld) => unknown): Call => ({ verb, file, id, body });

const CALLS: Record<ScopedRecord, Call[]> = {
  account: [
    byId("accounts/[id]/route.ts", "GET", (w) => w.account.id),
    byId("accounts/[id]/route.ts", "PATCH", (w) => w.account.id, () => ({ notes: "changed" })),
    byId("research/accounts/[id]/route.ts", "GET", (w) => w.account.id),
    { verb: "GET", file: "roi/calculate/route.ts", id: (w) => w.account.id, query: (w) => ({ accountId: w.account.id }) },
    { verb: "POST", file: "ai/score-icp/route.ts", id: (w) => w.account.id, body: (w) => ({ accountId: w.account.id }) },
  ],
  person: [
    byId("people/[id]/route.ts", "GET", (w) => w.person.id),
    byId("people/[id]/route.ts", "PATCH", (w) => w.person.id, () => ({ title: "Changed" })),
    { verb: "GET", file: "meetings/context/route.ts", id: (w) => w.person.id, query: (w) => ({ personId: w.person.id }) },
    { verb: "POST", file: "templates/preview/route.ts", id: (w) => w.person.id, body: (w) => ({ personId: w.person.id, body: "Hi {{person.firstName}}" }) },
  ],
  meeting: [
    byId("meetings/[id]/route.ts", "GET", (w) => w.meeting.id),
    byId("meetings/[id]/route.ts", "PATCH", (w) => w.meeting.id, () => ({ title: "Changed" })),
    byId("meetings/[id]/ics/route.ts", "GET", (w) => w.meeting.id),
    byId("meetings/[id]/check-in/route.ts", "POST", (w) => w.meeting.id),
  ],
  outreach: [
    byId("outreach/[id]/route.ts", "GET", (w) => w.outreach.id),
    byId("outreach/[id]/route.ts", "PATCH", (w) => w.outreach.id, () => ({ message: "Changed" })),
  ],
  sequence: [
    byId("sequences/[id]/route.ts", "GET", (w) => w.sequence.id),
    byId("sequences/[id]/route.ts", "PATCH", (w) => w.sequence.id, () => ({ name: "Changed" })),
    byId("sequences/[id]/enrollments/route.ts", "GET", (w) => w.sequence.id),
  ],
  enrollment: [byId("enrollments/[id]/route.ts", "PATCH", (w) => w.enrollment.id, () => ({ action: "pause" }))],
  task: [byId("tasks/[id]/route.ts", "PATCH", (w) => w.task.id, () => ({ status: "DONE" }))],
  template: [
    byId("templates/[id]/route.ts", "GET", (w) => w.template.id),
    byId("templates/[id]/route.ts", "PATCH", (w) => w.template.id, () => ({ name: "Changed" })),
  ],
  campaign: [
    byId("campaigns/[id]/route.ts", "GET", (w) => w.campaign.id),
    byId("campaigns/[id]/route.ts", "PATCH", (w) => w.campaign.id, () => ({ name: "Changed" })),
  ],
  report: [
    byId("reports/[id]/route.ts", "GET", (w) => w.report.id),
    byId("reports/[id]/route.ts", "PATCH", (w) => w.report.id, () => ({ name: "Changed" })),
  ],
  import: [byId("import/[id]/undo/route.ts", "POST", (w) => w.importJob.id)],
  deletion: [byId("trash/[id]/restore/route.ts", "POST", (w) => w.deletion.id)],
};

let a: { id: string; name: string };
let b: { id: string; name: string };
let rep: { id: string; cookie: string };
// Refused calls must leave it as it was, so one world of event B serves every case.
let elsewhere: RecordWorld;

beforeAll(async () => {
  [a, b] = [await createEvent({ name: "Scope Expo A" }), await createEvent({ name: "Scope Expo B" })];
  const signed = await signedInUser("REP", { eventId: a.id });
  rep = { id: signed.user.id, cookie: signed.cookie };
  elsewhere = await createRecordWorld(b.id, rep.id);
});

async function call(c: Call, w: RecordWorld, cookie: string) {
  const handler = (await loadRoute(c.file))[c.verb]!;
  const params: Record<string, string> = c.file.includes("[id]") ? { id: c.id(w) } : {};
  return callRoute(handler, `/api/${c.file.replace("/route.ts", "")}`, { method: c.verb, cookie, params, query: c.query?.(w), body: c.body?.(w) });
}

describe("a record by id opens only within the actor's event", () => {
  it("has calls for every record type the rule names", () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(SCOPED_RECORDS).sort());
  });

  for (const [kind, calls] of Object.entries(CALLS) as [ScopedRecord, Call[]][]) {
    for (const c of calls) {
      it(`${kind}: ${c.verb} /api/${c.file.replace("/route.ts", "")} — another event's record is 404 and unchanged; the own event's opens`, async () => {
        const [own, other] = [await createRecordWorld(a.id, rep.id), elsewhere];
        const before = await snapshotWorld(other);
        const refused = await call(c, other, rep.cookie);
        expect(refused.status, refused.text.slice(0, 200)).toBe(404);
        expect(refused.json).toMatchObject({ success: false, code: "not_found", error: `${SCOPED_RECORDS[kind]} not found in Scope Expo A` });
        expect(await snapshotWorld(other)).toBe(before);

        const allowed = await call(c, own, rep.cookie);
        expect(allowed.status, allowed.text.slice(0, 300)).toBeLessThan(300);
      });
    }
  }

  it("opens the other event's record once the rep switches to that event (or names it)", async () => {
    const other = await createRecordWorld(b.id, rep.id);
    const { GET } = await import("@/app/api/accounts/[id]/route");
    const switched = await signedInUser("REP", { eventId: b.id });
    const res = await callRoute(GET, `/api/accounts/${other.account.id}`, { cookie: switched.cookie, params: { id: other.account.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.account).toMatchObject({ id: other.account.id, eventId: b.id });

    const { GET: list } = await import("@/app/api/accounts/route");
    const named = await callRoute(list, "/api/accounts", { cookie: rep.cookie, query: { eventId: b.id, pageSize: "200" } });
    expect((named.json.data.items as { id: string }[]).map((i) => i.id)).toContain(other.account.id);
  });
});

describe("lists and links follow the actor's event", () => {
  it("lists only the actor's event by default, another event only when named, and 404 for an unknown event", async () => {
    const [own, other] = [await createRecordWorld(a.id, rep.id), await createRecordWorld(b.id, rep.id)];
    const { GET } = await import("@/app/api/accounts/route");
    const mine = await callRoute(GET, "/api/accounts", { cookie: rep.cookie, query: { pageSize: "200" } });
    expect(mine.status).toBe(200);
    const ids = (mine.json.data.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(own.account.id);
    expect(ids).not.toContain(other.account.id);

    const unknown = await callRoute(GET, "/api/accounts", { cookie: rep.cookie, query: { eventId: "no-such-event" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe("Event not found");
  });

  it("resolves the event a request names in its query or body, and refuses two different ones", async () => {
    const probe = route({ query: z.object(eventScopeField), body: z.strictObject(eventScopeField) }, ({ actor }) => ({ eventId: actor.eventId, name: actor.event.name }));
    const post = (query: Record<string, string>, body: object) => callRoute(probe, "/api/probe", { method: "POST", cookie: rep.cookie, query, body });
    expect((await post({}, {})).json.data).toEqual({ eventId: a.id, name: "Scope Expo A" });
    expect((await post({ eventId: b.id }, {})).json.data).toEqual({ eventId: b.id, name: "Scope Expo B" });
    expect((await post({}, { eventId: b.id })).json.data.eventId).toBe(b.id);
    expect((await post({ eventId: b.id }, { eventId: b.id })).json.data.eventId).toBe(b.id);
    const both = await post({ eventId: a.id }, { eventId: b.id });
    expect(both.status).toBe(422);
    expect(both.json).toMatchObject({ code: "validation_error", details: [{ path: "eventId" }] });
  });

  it("an account id from another event cannot be linked into the actor's event", async () => {
    const [own, other] = [await createRecordWorld(a.id, rep.id), await createRecordWorld(b.id, rep.id)];
    const { POST } = await import("@/app/api/people/route");
    const before = await prisma.person.count({ where: { eventId: a.id } });
    const res = await callRoute(POST, "/api/people", { method: "POST", cookie: rep.cookie, body: { firstName: "Cross", accountId: other.account.id } });
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([expect.objectContaining({ path: "accountId" })]);
    expect(await prisma.person.count({ where: { eventId: a.id } })).toBe(before);

    const { PATCH } = await import("@/app/api/people/[id]/route");
    const moved = await callRoute(PATCH, `/api/people/${own.person.id}`, { method: "PATCH", cookie: rep.cookie, params: { id: own.person.id }, body: { accountId: other.account.id } });
    expect(moved.status).toBe(422);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: own.person.id } })).accountId).toBe(own.account.id);
  });

  it("a meeting cannot be booked with a person of another event", async () => {
    const other = await createRecordWorld(b.id, rep.id);
    const { POST } = await import("@/app/api/meetings/route");
    const before = await prisma.meeting.count();
    const res = await callRoute(POST, "/api/meetings", { method: "POST", cookie: rep.cookie, body: { personId: other.person.id, scheduledAt: "2026-03-10T10:00", sendInvite: false } });
    expect(res.status).toBe(404);
    expect(await prisma.meeting.count()).toBe(before);
  });
});
