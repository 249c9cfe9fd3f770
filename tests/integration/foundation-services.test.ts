import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { prisma } from "@/server/db";
import { cronRoute } from "@/server/http/cron";
import { resolveCurrentEvent } from "@/server/events/service";
import { recordActivity } from "@/server/activity/service";
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
