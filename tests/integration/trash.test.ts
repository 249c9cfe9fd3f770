import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { purgeExpiredTrash } from "@/server/trash/service";
import { taskList } from "@/server/jobs/tasks";
import { TASKS } from "@/server/jobs/queue";
import { TRASH_DAYS } from "@/lib/trash";
import * as accountsRoute from "@/app/api/accounts/route";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as accountsBulkRoute from "@/app/api/accounts/bulk/route";
import * as peopleRoute from "@/app/api/people/route";
import * as personRoute from "@/app/api/people/[id]/route";
import * as statsRoute from "@/app/api/dashboards/stats/route";
import * as exportRoute from "@/app/api/export/full/route";
import * as recipientsRoute from "@/app/api/outreach/recipients/route";
import * as sendRoute from "@/app/api/outreach/[id]/send/route";
import * as importRoute from "@/app/api/import/route";
import * as boothRoute from "@/app/api/booth/leads/route";
import * as trashRoute from "@/app/api/trash/route";
import * as restoreRoute from "@/app/api/trash/[id]/restore/route";
import * as purgeRoute from "@/app/api/trash/[id]/route";
import * as searchRoute from "@/app/api/search/route";
import * as showRoute from "@/app/api/reports/show/route";
import * as capturesRoute from "@/app/api/booth/captures/route";
import * as syncRoute from "@/app/api/booth/sync/route";
import { sendDueMeetingReminders } from "@/server/meetings/reminders";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";

/**
 * Deletes are soft (issue 13 item 5): a rep's bulk delete of 500 accounts goes to the Trash as one
 * Deletion, leaves every list, count, search, export, dashboard figure, sequence and import match,
 * and comes back whole with one restore; admins purge, and the cron route empties what is 30 days old.
 */

type Caller = { id: string; cookie: string };
let eventId = "";
let rep: Caller;
let otherRep: Caller;
let admin: Caller;

beforeAll(async () => {
  eventId = (await createEvent({ name: "Trash Expo" })).id;
  const mk = async (role: "REP" | "ADMIN", name: string) => {
    const user = await createUser({ role, name });
    await prisma.user.update({ where: { id: user.id }, data: { lastEventId: eventId } });
    return { id: user.id, cookie: (await createSession(user.id)).cookie };
  };
  [rep, otherRep, admin] = [await mk("REP", "Tess Trasher"), await mk("REP", "Omar Other"), await mk("ADMIN", "Ada Admin")];
});

const get = (handler: Parameters<typeof callRoute>[0], path: string, cookie: string, query?: Record<string, string>) => callRoute(handler, path, { cookie, query });
const total = async (handler: Parameters<typeof callRoute>[0], path: string, query: Record<string, string> = {}) => (await get(handler, path, rep.cookie, query)).json.data.total as number;

async function seedAccounts(n: number, tag: string) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `trash-${tag}-${String(i).padStart(4, "0")}`, eventId, name: `Bin ${tag} ${i}`, normalizedName: `bin ${tag} ${i}`, domain: `bin-${tag}-${i}.test`, assignedToId: rep.id, tier: "A" as const,
  }));
  await prisma.targetAccount.createMany({ data: rows });
  return rows.map((r) => r.id);
}

describe("a bulk delete of 500 accounts", () => {
  it("goes to the Trash as one delete, disappears everywhere, and comes back with one restore", async () => {
    const ids = await seedAccounts(500, "bulk");
    const person = await prisma.person.create({ data: { eventId, accountId: ids[0], firstName: "Pia", lastName: "Bin", name: "Pia Bin", email: `pia-${eventId}@bin.test`, assignedToId: rep.id } });
    const sequence = await prisma.sequence.create({ data: { eventId, ownerId: rep.id, name: "Bin sequence", status: "ACTIVE", steps: { create: [{ order: 1, subject: "Hi", body: "Hello" }] } } });
    const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: person.id, ownerId: rep.id, status: "ACTIVE", nextStepAt: new Date() } });
    const queued = await prisma.outreach.create({ data: { eventId, personId: person.id, accountId: ids[0], ownerId: rep.id, subject: "Queued", message: "Later", status: "QUEUED", scheduledAt: new Date(Date.now() + 86_400_000) } });
    const draft = await prisma.outreach.create({ data: { eventId, personId: person.id, accountId: ids[0], ownerId: rep.id, subject: "Draft", message: "Draft", status: "DRAFT" } });

    const before = { accounts: await total(accountsRoute.GET, "/api/accounts"), people: await total(peopleRoute.GET, "/api/people") };
    const statsBefore = (await get(statsRoute.GET, "/api/dashboards/stats", rep.cookie)).json.data.metrics;

    const res = await callRoute(accountsBulkRoute.POST, "/api/accounts/bulk", { method: "POST", cookie: rep.cookie, body: { action: "delete", ids, deletePeople: true } });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.json.data).toMatchObject({ action: "delete", count: 500, deletedPeople: 1, deletionId: expect.any(String) });
    const deletionId = res.json.data.deletionId as string;

    // Nothing was lost: the rows are there, marked, under one Deletion.
    expect(await prisma.targetAccount.count({ where: { id: { in: ids }, deletionId, deletedById: rep.id, deletedAt: { not: null } } })).toBe(500);
    expect(await prisma.activity.count({ where: { type: "account.deleted", entityId: { in: ids } } })).toBe(500);

    // Gone from lists, counts, reads by id, dashboard, export and search.
    expect(await total(accountsRoute.GET, "/api/accounts")).toBe(before.accounts - 500);
    expect(await total(peopleRoute.GET, "/api/people")).toBe(before.people - 1);
    expect(await total(accountsRoute.GET, "/api/accounts", { q: "Bin bulk" })).toBe(0);
    expect((await callRoute(accountRoute.GET, `/api/accounts/${ids[0]}`, { cookie: rep.cookie, params: { id: ids[0]! } })).status).toBe(404);
    expect((await callRoute(personRoute.GET, `/api/people/${person.id}`, { cookie: rep.cookie, params: { id: person.id } })).status).toBe(404);
    const statsAfter = (await get(statsRoute.GET, "/api/dashboards/stats", rep.cookie)).json.data.metrics;
    expect(statsAfter.accounts.total).toBe(statsBefore.accounts.total - 500);
    expect(statsAfter.accounts.byTier.A).toBe(statsBefore.accounts.byTier.A - 500);
    expect(statsAfter.people).toBe(statsBefore.people - 1);
    const exported = (await get(exportRoute.GET, "/api/export/full", admin.cookie, { format: "csv", entity: "accounts" })).text;
    expect(exported).toContain("id,name");
    expect(exported).not.toContain("Bin bulk");
    expect((await get(recipientsRoute.GET, "/api/outreach/recipients", rep.cookie, { q: "Pia" })).json.data).toEqual([]);

    // What would keep acting stops.
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({ status: "STOPPED", stopReason: "person_deleted" });
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("CANCELLED");
    const send = await callRoute(sendRoute.POST, `/api/outreach/${draft.id}/send`, { method: "POST", cookie: rep.cookie, params: { id: draft.id } });
    expect(send.status).toBe(409);
    expect(send.json.error).toBe("Pia Bin is in the Trash: restore them before sending");

    // The Trash: the rep sees their delete, another rep does not, the admin does.
    const mine = (await get(trashRoute.GET, "/api/trash", rep.cookie)).json.data;
    expect(mine.items).toEqual([expect.objectContaining({ id: deletionId, label: "500 accounts", accounts: 500, people: 1, daysLeft: TRASH_DAYS, restoreRefusal: null })]);
    expect(mine.items[0].purgeRefusal).toBe("Only an admin can delete for good this deleted item.");
    expect((await get(trashRoute.GET, "/api/trash", otherRep.cookie)).json.data.items).toEqual([]);
    expect((await get(trashRoute.GET, "/api/trash", admin.cookie)).json.data.items.map((i: { id: string }) => i.id)).toContain(deletionId);

    // Another rep cannot restore it; the rep who deleted it can, in one click.
    const refused = await callRoute(restoreRoute.POST, `/api/trash/${deletionId}/restore`, { method: "POST", cookie: otherRep.cookie, params: { id: deletionId } });
    expect(refused.status).toBe(403);
    const restored = await callRoute(restoreRoute.POST, `/api/trash/${deletionId}/restore`, { method: "POST", cookie: rep.cookie, params: { id: deletionId } });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json.data).toEqual({ id: deletionId, restored: { accounts: 500, people: 1 } });
    expect(await total(accountsRoute.GET, "/api/accounts")).toBe(before.accounts);
    expect(await total(peopleRoute.GET, "/api/people")).toBe(before.people);
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({ status: "ACTIVE", stopReason: null });
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("QUEUED");
    expect(await prisma.activity.count({ where: { type: "account.restored", entityId: { in: ids } } })).toBe(500);
    expect((await get(trashRoute.GET, "/api/trash", rep.cookie)).json.data.items).toEqual([]);
    const again = await callRoute(restoreRoute.POST, `/api/trash/${deletionId}/restore`, { method: "POST", cookie: rep.cookie, params: { id: deletionId } });
    expect(again.status).toBe(409);
  });
});

describe("deleting one account or person", () => {
  it("keeps the account's people, unlinked, and links them again on restore", async () => {
    const [id] = await seedAccounts(1, "single");
    const kept = await prisma.person.create({ data: { eventId, accountId: id, firstName: "Kai", lastName: "Kept", name: "Kai Kept", email: `kai-${eventId}@kept.test` } });
    const res = await callRoute(accountRoute.DELETE, `/api/accounts/${id}`, { method: "DELETE", cookie: rep.cookie, params: { id: id! } });
    expect(res.json.data).toMatchObject({ id, deleted: true, deletedPeople: 0 });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ accountId: null, deletedAt: null });
    await callRoute(restoreRoute.POST, "/x", { method: "POST", cookie: rep.cookie, params: { id: res.json.data.deletionId } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: kept.id } })).accountId).toBe(id);
  });

  it("lets an import and a booth capture make a new record beside the trashed one, and then refuses a restore that would clash", async () => {
    const [id] = await seedAccounts(1, "clash");
    const person = await prisma.person.create({ data: { eventId, accountId: id, firstName: "Cleo", lastName: "Clash", name: "Cleo Clash", email: `cleo-${eventId}@clash.test`, assignedToId: rep.id } });
    const gone = await callRoute(personRoute.DELETE, `/api/people/${person.id}`, { method: "DELETE", cookie: rep.cookie, params: { id: person.id } });
    const deleted = await callRoute(accountRoute.DELETE, `/api/accounts/${id}`, { method: "DELETE", cookie: rep.cookie, params: { id: id! } });
    expect(gone.status).toBe(200);
    expect(deleted.status).toBe(200);

    const csv = `Company name,Website\nBin clash again,https://bin-clash-0.test\n`;
    const imported = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie: rep.cookie, body: { csv, mode: "upsert", fileName: "again.csv" } });
    expect(imported.status, imported.text.slice(0, 300)).toBe(201);
    expect(imported.json.data.accounts).toMatchObject({ created: 1, updated: 0 });
    const captured = await callRoute(boothRoute.POST, "/api/booth/leads", { method: "POST", cookie: rep.cookie, body: { name: "Cleo Clash", email: `cleo-${eventId}@clash.test`, rating: "warm" } });
    expect(captured.status, captured.text.slice(0, 300)).toBe(201);
    expect(captured.json.data.created.person).toBe(true);
    expect(await prisma.person.count({ where: { eventId, email: `cleo-${eventId}@clash.test` } })).toBe(2);

    const snapshot = async () => JSON.stringify(await prisma.targetAccount.findUniqueOrThrow({ where: { id: id! } }));
    const before = await snapshot();
    const clash = await callRoute(restoreRoute.POST, "/x", { method: "POST", cookie: rep.cookie, params: { id: deleted.json.data.deletionId } });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toBe("Can't restore: bin-clash-0.test (now Bin clash again) is in use by a record added since. Delete or change it first.");
    expect(await snapshot()).toBe(before);
  });
});

describe("purging", () => {
  it("an admin deletes for good; the cron route empties what has been in the Trash for 30 days", async () => {
    const [a, b] = await seedAccounts(2, "purge");
    const first = await callRoute(accountRoute.DELETE, `/api/accounts/${a}`, { method: "DELETE", cookie: rep.cookie, params: { id: a! } });
    const second = await callRoute(accountRoute.DELETE, `/api/accounts/${b}`, { method: "DELETE", cookie: rep.cookie, params: { id: b! } });

    const byRep = await callRoute(purgeRoute.DELETE, "/x", { method: "DELETE", cookie: rep.cookie, params: { id: first.json.data.deletionId } });
    expect(byRep.status).toBe(403);
    const byAdmin = await callRoute(purgeRoute.DELETE, "/x", { method: "DELETE", cookie: admin.cookie, params: { id: first.json.data.deletionId } });
    expect(byAdmin.status).toBe(200);
    expect(await prisma.targetAccount.findUnique({ where: { id: a! } })).toBeNull();
    expect(await prisma.deletion.findUniqueOrThrow({ where: { id: first.json.data.deletionId } })).toMatchObject({ purgedAt: expect.any(Date) });
    expect(await prisma.activity.count({ where: { type: "trash.purged", entityId: first.json.data.deletionId, actorId: admin.id } })).toBe(1);

    // Not yet 30 days: stays. Backdated past 30 days: the job engine's maintenance task purges it.
    expect((await purgeExpiredTrash(new Date())).deletions).toBe(0);
    await prisma.deletion.update({ where: { id: second.json.data.deletionId }, data: { createdAt: new Date(Date.now() - (TRASH_DAYS + 1) * 86_400_000) } });
    const workerId = `trash-test-${randomUUID()}`;
    await taskList(workerId)[TASKS.maintenance]!({}, {} as never);
    const run = await prisma.jobRun.findFirstOrThrow({ where: { task: TASKS.maintenance, workerId } });
    expect(run).toMatchObject({ outcome: "ok", summary: expect.objectContaining({ trash: { deletions: 1, accounts: 1, people: 0 } }) });
    expect(await prisma.targetAccount.findUnique({ where: { id: b! } })).toBeNull();
    expect(await prisma.activity.count({ where: { type: "trash.purged", entityId: second.json.data.deletionId, actorId: null } })).toBe(1);
    expect((await purgeExpiredTrash(new Date())).deletions).toBe(0);
  });
});

describe("global search, the booth and the show P&L", () => {
  it("leave out a trashed account and its people, and have them back after a restore", async () => {
    const tag = `zq${randomUUID().slice(0, 8)}`;
    const account = await prisma.targetAccount.create({
      data: { eventId, name: `Zephyrine ${tag}`, normalizedName: `zephyrine ${tag}`, domain: `${tag}.test`, assignedToId: rep.id, tier: "A", opportunityStage: "QUALIFIED", opportunityAmount: 70_000, opportunityOpenedAt: new Date() },
    });
    const email = `quillon@${tag}.test`;
    const person = await prisma.person.create({ data: { eventId, accountId: account.id, firstName: "Quillon", lastName: tag, name: `Quillon ${tag}`, email, source: "booth", assignedToId: rep.id } });
    await prisma.leadCapture.create({ data: { eventId, personId: person.id, accountId: account.id, capturedById: rep.id, rating: "hot" } });
    await prisma.outreach.create({ data: { eventId, personId: person.id, accountId: account.id, ownerId: rep.id, subject: `Hello ${tag}`, message: "x", status: "SENT", sentAt: new Date() } });
    // Far ahead, so no other test's meeting is due in the same reminder window.
    const start = new Date("2031-03-10T17:00:00Z");
    const meeting = await prisma.meeting.create({ data: { eventId, personId: person.id, accountId: account.id, ownerId: rep.id, scheduledAt: start, icsUid: `${tag}@t`, createdAt: new Date("2031-03-01T00:00:00Z") } });
    const reminderRun = new Date(start.getTime() - 23 * 3_600_000);

    const found = async () => (await callRoute(searchRoute.GET, "/api/search", { cookie: rep.cookie, query: { q: tag } })).json.data.groups.map((g: { type: string }) => g.type);
    const pnl = async () => (await callRoute(showRoute.GET, "/api/reports/show", { cookie: rep.cookie })).json.data as { leads: number; opportunities: number; pipelineInfluenced: number };
    const captured = async () => (await callRoute(capturesRoute.GET, "/api/booth/captures", { cookie: rep.cookie })).json.data.items.filter((c: { person: { id: string } }) => c.person.id === person.id).length;

    expect(await found()).toEqual(["account", "person", "meeting", "thread"]);
    const before = await pnl();
    expect(await captured()).toBe(1);

    const deleted = await callRoute(accountRoute.DELETE, `/api/accounts/${account.id}`, { method: "DELETE", cookie: rep.cookie, params: { id: account.id }, query: { deletePeople: "true" } });
    expect(deleted.json.data).toMatchObject({ deleted: true, deletedPeople: 1 });

    expect(await found()).toEqual([]);
    expect(await pnl()).toMatchObject({ leads: before.leads - 1, opportunities: before.opportunities - 1, pipelineInfluenced: before.pipelineInfluenced - 70_000 });
    expect(await captured()).toBe(0);
    // No reminder mail to a prospect in the Trash.
    await sendDueMeetingReminders(reminderRun);
    expect(await prisma.meetingReminder.count({ where: { meetingId: meeting.id } })).toBe(0);
    // The phone's queued capture of the same visitor makes a new live person, not a trashed match.
    const synced = await callRoute(syncRoute.POST, "/api/booth/sync", { method: "POST", cookie: rep.cookie, body: { operations: [{ key: randomUUID(), kind: "capture", lead: { name: `Quillon ${tag}`, email, rating: "warm" } }] } });
    expect(synced.json.data.results[0]).toMatchObject({ ok: true, data: { created: { person: true, account: false }, accountId: null } });
    const fresh = await prisma.person.findFirstOrThrow({ where: { eventId, email, deletedAt: null } });
    expect(fresh).toMatchObject({ accountId: null });
    expect(fresh.id).not.toBe(person.id);
    await prisma.leadCapture.deleteMany({ where: { personId: fresh.id } });
    await prisma.person.delete({ where: { id: fresh.id } });

    const restored = await callRoute(restoreRoute.POST, "/x", { method: "POST", cookie: rep.cookie, params: { id: deleted.json.data.deletionId } });
    expect(restored.status, restored.text).toBe(200);
    expect(await found()).toEqual(["account", "person", "meeting", "thread"]);
    expect(await pnl()).toMatchObject({ leads: before.leads, opportunities: before.opportunities, pipelineInfluenced: before.pipelineInfluenced });
    expect(await captured()).toBe(1);
    await sendDueMeetingReminders(reminderRun);
    expect(await prisma.meetingReminder.count({ where: { meetingId: meeting.id } })).toBe(2);
  });
});
