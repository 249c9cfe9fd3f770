import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { prisma } from "@/server/db";
import { cronRoute } from "@/server/http/cron";
import pg from "pg";
import { resolveCurrentEvent } from "@/server/events/service";
import { currentEventOrderSql, utcDateSql } from "@/server/events/current-event";
import { DEMO_EVENT_SLUG } from "@/lib/demo-team";
import { recordActivities, recordActivity } from "@/server/activity/service";
import { listRecentFeed } from "@/server/activity/feed";
import { listOutbox } from "@/server/email/outbox";
import { createEvent, createUser } from "../helpers/factories";

describe("current event", () => {
  it("prefers the user's last choice, and ignores an archived or unknown one", async () => {
    const chosen = await createEvent({ name: "Chosen" });
    const other = await createEvent({ name: "Other" });
    expect((await resolveCurrentEvent(chosen.id))?.id).toBe(chosen.id);
    await prisma.event.update({ where: { id: chosen.id }, data: { archivedAt: new Date() } });
    const fallback = await resolveCurrentEvent(chosen.id);
    expect(fallback?.id).not.toBe(chosen.id);
    expect(fallback).not.toBeNull();
    expect(await resolveCurrentEvent("unknown")).not.toBeNull();
    expect(other.id).not.toBe(chosen.id);
  });

  // The rule itself, on rows of its own (the test database's events are shared with other files).
  it("orders open events: the chosen one, the demo, the soonest upcoming, then the most recent", async () => {
    const pick = async (rows: [id: string, slug: string, start: string, end: string][], lastEventId: string | null, today: string) => {
      const values = rows.length === 0 ? "(NULL, NULL, NULL::date, NULL::date)" : rows.map(([id, slug, start, end]) => `(${pg.escapeLiteral(id)}, ${pg.escapeLiteral(slug)}, ${pg.escapeLiteral(start)}::date, ${pg.escapeLiteral(end)}::date)`).join(", ");
      const order = currentEventOrderSql(lastEventId === null ? "NULL" : pg.escapeLiteral(lastEventId), utcDateSql(new Date(`${today}T12:00:00Z`)));
      const [row] = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT e.id FROM (VALUES ${values}) AS e(id, slug, "startDate", "endDate") WHERE e.id IS NOT NULL ORDER BY ${order} LIMIT 1`);
      return row?.id ?? null;
    };
    const past: [string, string, string, string] = ["past", "past-show", "2026-01-10", "2026-01-12"];
    const recent: [string, string, string, string] = ["recent", "recent-show", "2026-06-01", "2026-06-03"];
    const soon: [string, string, string, string] = ["soon", "soon-show", "2026-12-08", "2026-12-10"];
    const later: [string, string, string, string] = ["later", "later-show", "2027-03-01", "2027-03-03"];
    const endsToday: [string, string, string, string] = ["today", "today-show", "2026-12-04", "2026-12-06"];
    const demo: [string, string, string, string] = ["demo", DEMO_EVENT_SLUG, "2026-01-01", "2026-01-02"];
    const all = [past, recent, soon, later, demo];
    expect(await pick(all, "later", "2026-12-06")).toBe("later");
    expect(await pick(all, null, "2026-12-06")).toBe("demo");
    expect(await pick(all, "gone", "2026-12-06")).toBe("demo");
    expect(await pick([past, later, soon, recent], null, "2026-12-06")).toBe("soon");
    expect(await pick([past, later, soon, endsToday], null, "2026-12-06")).toBe("today");
    expect(await pick([past, recent], null, "2026-12-06")).toBe("recent");
    expect(await pick([], null, "2026-12-06")).toBeNull();
  });
});

describe("activity log", () => {
  it("writes the row and keeps last-activity columns current", async () => {
    const event = await createEvent();
    const actor = await createUser();
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Log Co", normalizedName: "log" } });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "Lee", name: "Lee" } });
    await recordActivity({ type: "note.added", description: "Lee likes yard checks", actorId: actor.id, eventId: event.id, accountId: account.id, personId: person.id });
    expect((await prisma.targetAccount.findUnique({ where: { id: account.id } }))?.lastActivityAt).toBeInstanceOf(Date);
    expect((await prisma.person.findUnique({ where: { id: person.id } }))?.lastActivityAt).toBeInstanceOf(Date);
    const recent = await listRecentFeed(event.id);
    expect(recent[0]).toMatchObject({ description: "Lee likes yard checks", actor: { id: actor.id } });
  });

  it("moves last activity forward only: a backdated activity (a booth capture synced late) leaves a newer time, one by one and in a batch", async () => {
    const event = await createEvent();
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Late Co", normalizedName: "late" } });
    const other = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Other Co", normalizedName: "other" } });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "Kai", name: "Kai" } });
    const lastActivity = async () => [
      (await prisma.targetAccount.findUniqueOrThrow({ where: { id: account.id } })).lastActivityAt?.toISOString(),
      (await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).lastActivityAt?.toISOString(),
      (await prisma.targetAccount.findUniqueOrThrow({ where: { id: other.id } })).lastActivityAt?.toISOString() ?? null,
    ];
    const at = (iso: string) => new Date(iso);
    const about = { eventId: event.id, accountId: account.id, personId: person.id, actorId: null };
    await recordActivity({ ...about, type: "note.added", description: "now", occurredAt: at("2026-03-10T12:00:00.000Z") });
    await recordActivity({ ...about, type: "note.added", description: "an hour before", occurredAt: at("2026-03-10T11:00:00.000Z") });
    expect(await lastActivity()).toEqual(["2026-03-10T12:00:00.000Z", "2026-03-10T12:00:00.000Z", null]);
    // A batch: each record moves to its own newest activity of the batch, and never back.
    await recordActivities([
      { ...about, type: "note.added", description: "older", occurredAt: at("2026-03-10T10:00:00.000Z") },
      { ...about, personId: null, accountId: other.id, type: "note.added", description: "other, first", occurredAt: at("2026-03-10T09:00:00.000Z") },
      { ...about, personId: null, accountId: other.id, type: "note.added", description: "other, newest", occurredAt: at("2026-03-10T09:30:00.123Z") },
    ]);
    expect(await lastActivity()).toEqual(["2026-03-10T12:00:00.000Z", "2026-03-10T12:00:00.000Z", "2026-03-10T09:30:00.123Z"]);
    await recordActivities([{ ...about, type: "note.added", description: "later", occurredAt: at("2026-03-10T13:15:00.456Z") }]);
    expect(await lastActivity()).toEqual(["2026-03-10T13:15:00.456Z", "2026-03-10T13:15:00.456Z", "2026-03-10T09:30:00.123Z"]);
    expect(await prisma.activity.count({ where: { eventId: event.id } })).toBe(6);
  });
});

describe("cron wrapper", () => {
  const handler = cronRoute(async ({ now }) => ({ ranAt: now.toISOString() }));
  const call = (authorization?: string) =>
    handler(new NextRequest("http://127.0.0.1/api/cron/x", { headers: authorization ? { authorization } : {} }));

  it("runs only with the right bearer secret", async () => {
    process.env.CRON_SECRET = "cron-test-secret";
    try {
      expect((await call()).status).toBe(401);
      expect((await call("Bearer wrong")).status).toBe(401);
      const ok = await call("Bearer cron-test-secret");
      expect(ok.status).toBe(200);
      expect((await ok.json()).data.ranAt).toMatch(/^\d{4}-/);
    } finally {
      delete process.env.CRON_SECRET;
    }
    expect((await call("Bearer cron-test-secret")).status).toBe(401);
  });
});

describe("dev outbox", () => {
  it("lists stored messages newest first", async () => {
    await prisma.outboxMessage.create({ data: { toEmail: "a@x.test", fromEmail: "f@x.test", subject: "older", html: "", text: "", transport: "dev-outbox", createdAt: new Date(Date.now() + 3_600_000) } });
    await prisma.outboxMessage.create({ data: { toEmail: "a@x.test", fromEmail: "f@x.test", subject: "newer", html: "", text: "", transport: "dev-outbox", createdAt: new Date(Date.now() + 7_200_000) } });
    const messages = await listOutbox(2);
    expect(messages.map((m) => m.subject)).toEqual(["newer", "older"]);
  });
});
