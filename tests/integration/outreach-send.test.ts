import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { prisma } from "@/server/db";
import { processQueuedOutreach, sendOutreach } from "@/server/outreach/send";
import { signToken } from "@/server/tracking/tokens";
import * as pixelRoute from "@/app/api/t/o/[token]/route";
import * as clickRoute from "@/app/api/t/c/[token]/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import * as sendRoute from "@/app/api/outreach/[id]/send/route";
import { callRoute } from "../helpers/request";
import { createSession, createUser } from "../helpers/factories";
import { createDraft, createPerson, outreachSetup } from "../helpers/outreach-fixtures";
import { FOOTER_SETUP_MESSAGE, updatePrivacySettings } from "@/server/privacy/settings";

let admin: { id: string };
const SENDER = { organizationName: "Yardline Test Inc.", postalAddress: "100 Main Street\nChicago, IL 60601, USA", retentionMonths: null };

// A real SMTP conversation on loopback: nodemailer (SMTP_URL) → smtp-server → mailparser.
const received: ParsedMail[] = [];
let server: SMTPServer;
const saved = { ...process.env };

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
  process.env.APP_URL = "https://app.eventops.test";
  process.env.TRACKING_SECRET = "test-tracking-secret";
  // Real mail carries the sender's name and postal address (Settings → Privacy).
  admin = await createUser({ role: "ADMIN" });
  await updatePrivacySettings(SENDER, admin);
});

afterAll(async () => {
  for (const key of ["SMTP_URL", "APP_URL", "TRACKING_SECRET"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await prisma.setting.deleteMany({ where: { key: "privacy.settings" } });
});

beforeEach(() => {
  received.length = 0;
});

// Wednesday 4 March 2026, 10:00 in New York (15:00 UTC): inside the window.
const WEDNESDAY_10AM_NY = new Date("2026-03-04T15:00:00Z");

function mailFor(outreachId: string) {
  return received.filter((m) => (m.html || "").includes(outreachId) || m.messageId?.includes(outreachId));
}

describe("the commercial footer", () => {
  it("refuses real sending until an admin set the sender's name and address, then carries them, the event's reason and the opt-out", async () => {
    const { event, rep, person, account } = await outreachSetup();
    await prisma.event.update({ where: { id: event.id }, data: { outreachReason: "You are hearing from us because your company exhibits at Manifest 2026." } });
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id, accountId: account.id });
    await prisma.setting.deleteMany({ where: { key: "privacy.settings" } });
    await expect(sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY, actor: rep })).rejects.toThrow(FOOTER_SETUP_MESSAGE);
    expect(received).toHaveLength(0);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", attempts: 0 });

    await updatePrivacySettings(SENDER, admin);
    expect(await sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY, actor: rep })).toMatchObject({ outcome: "sent" });
    const [mail] = mailFor(draft.id);
    for (const part of [mail.text ?? "", mail.html || ""]) {
      expect(part).toContain("You are hearing from us because your company exhibits at Manifest 2026.");
      expect(part).toContain("Yardline Test Inc., 100 Main Street, Chicago, IL 60601, USA");
      expect(part).toMatch(/Unsubscribe/);
    }
  });
});

describe("sending an outreach over real SMTP", () => {
  it("delivers one message with unsubscribe headers, tracking pixel and rewritten links, and records it", async () => {
    const { event, rep, person, account } = await outreachSetup();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id, accountId: account.id });

    const result = await sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY, actor: rep });
    expect(result).toMatchObject({ outcome: "sent", alreadySent: false, transport: "smtp" });

    expect(received).toHaveLength(1);
    const mail = received[0];
    const stored = await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "SENT", transport: "smtp", toEmail: person.email });
    expect(stored.sentAt?.toISOString()).toBe(WEDNESDAY_10AM_NY.toISOString());
    expect(mail.messageId).toBe(stored.messageId);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(person.email!);
    expect(mail.subject).toBe("20 minutes at the show?");

    // RFC 8058 one-click unsubscribe.
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toMatch(/<https:\/\/app\.eventops\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+>/);
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const html = mail.html || "";
    expect(html).toMatch(/<img src="https:\/\/app\.eventops\.test\/api\/t\/o\/[\w-]+\.[\w-]+"/);
    expect(html).toMatch(/href="https:\/\/app\.eventops\.test\/unsubscribe\/[\w-]+\.[\w-]+"/);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    const tracked = hrefs.filter((h) => h.includes("/api/t/c/"));
    expect(tracked).toHaveLength(2);
    expect(hrefs.some((h) => h.startsWith("https://vendor.example"))).toBe(false);
    expect(mail.text).toContain("/unsubscribe/");
    expect(mail.text).not.toContain("https://vendor.example/demo");

    // Recorded in the outbox and the activity log.
    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: draft.id } });
    expect(outbox).toMatchObject({ transport: "smtp", toEmail: person.email, subject: "20 minutes at the show?" });
    expect(outbox.html).toContain(/\/api\/t\/o\/[\w-]+\.[\w-]+/.exec(html)![0]);
    expect(outbox.headers).toMatchObject({ "Message-ID": stored.messageId, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(await prisma.activity.count({ where: { entityId: draft.id, type: "outreach.sent" } })).toBe(1);

    // The click redirect goes to the original link and counts a human click.
    const clickToken = tracked[0].split("/api/t/c/")[1];
    const click = await callRoute(clickRoute.GET, `/api/t/c/${clickToken}`, {
      params: { token: clickToken }, headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15" },
    });
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://vendor.example/demo?utm=mail");
    const afterClick = await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } });
    expect(afterClick.clickCount).toBe(1);
    expect(afterClick.clickedAt).not.toBeNull();

    // Opens: a Google image proxy is a machine; a mail client is a person.
    const pixelToken = /\/api\/t\/o\/([\w-]+\.[\w-]+)/.exec(html)![1];
    const machine = await callRoute(pixelRoute.GET, `/api/t/o/${pixelToken}`, { params: { token: pixelToken }, headers: { "user-agent": "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)" } });
    expect(machine.status).toBe(200);
    expect(machine.headers.get("content-type")).toBe("image/gif");
    let row = await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.machineOpenCount).toBe(1);
    expect(row.openCount).toBe(0);
    await callRoute(pixelRoute.GET, `/api/t/o/${pixelToken}`, { params: { token: pixelToken }, headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148" } });
    row = await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.openCount).toBe(1);
    const events = await prisma.emailEvent.findMany({ where: { outreachId: draft.id, type: "open" }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.isMachine)).toEqual([true, false]);
  });

  it("never redirects to a URL that is not in the message (open redirect)", async () => {
    const { event, rep, person } = await outreachSetup();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    await sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY });
    const attempts = [
      signToken({ k: "c", id: draft.id, u: "https://evil.example/phish" }), // genuinely signed, wrong URL
      signToken({ k: "c", id: draft.id, u: "https://vendor.example/demo?utm=mail" }, "a-different-secret"), // forged
      signToken({ k: "c", id: draft.id, u: "https://vendor.example/demo?utm=mail" }).replace(/.$/, "x"), // tampered MAC
      signToken({ k: "o", id: draft.id }), // wrong token kind
      `${Buffer.from(JSON.stringify({ k: "c", id: draft.id, u: "https://evil.example" })).toString("base64url")}.${signToken({ k: "c", id: draft.id, u: "https://vendor.example/demo?utm=mail" }).split(".")[1]}`,
    ];
    for (const token of attempts) {
      const res = await callRoute(clickRoute.GET, `/api/t/c/${token}`, { params: { token } });
      expect(res.status).toBe(404);
      expect(res.headers.get("location")).toBeNull();
    }
    expect(await prisma.emailEvent.count({ where: { outreachId: draft.id, type: "click" } })).toBe(0);
  });

  it("a one-click unsubscribe suppresses the address and the next send is refused", async () => {
    const { event, rep, person } = await outreachSetup();
    const first = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    await sendOutreach(first.id, { now: WEDNESDAY_10AM_NY });
    const sequence = await prisma.sequence.create({ data: { eventId: event.id, name: "Pre-show", status: "ACTIVE" } });
    await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: person.id, status: "ACTIVE" } });

    const token = signToken({ k: "u", id: first.id });
    const res = await callRoute(unsubscribeRoute.POST, `/api/unsubscribe/${token}`, {
      method: "POST", params: { token }, rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example" },
    });
    expect(res.status).toBe(200);
    expect(await prisma.suppression.findUnique({ where: { email: person.email!.toLowerCase() } })).toMatchObject({ reason: "UNSUBSCRIBED" });
    expect(await prisma.activity.count({ where: { personId: person.id, type: "outreach.unsubscribed" } })).toBe(1);
    expect(await prisma.sequenceEnrollment.findFirst({ where: { personId: person.id } })).toMatchObject({ status: "STOPPED", stopReason: "unsubscribed" });

    received.length = 0;
    const second = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    const result = await sendOutreach(second.id, { now: WEDNESDAY_10AM_NY });
    expect(result).toMatchObject({ outcome: "suppressed", reason: "unsubscribed" });
    expect(received).toHaveLength(0);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "CANCELLED", sentAt: null });
  });

  it("refuses to send demo (seed) people through a real transport, with a clear error", async () => {
    const { event, rep } = await outreachSetup();
    const seeded = await createPerson(event.id, null, { source: "seed" });
    const draft = await createDraft({ eventId: event.id, personId: seeded.id, ownerId: rep.id });
    const { cookie } = await createSession(rep.id);
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const res = await callRoute(sendRoute.POST, `/api/outreach/${draft.id}/send`, { method: "POST", cookie, params: { id: draft.id } });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatch(/demo data/);
    expect(received).toHaveLength(0);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT" });
  });

  it("sends exactly once when send requests race", async () => {
    const { event, rep, person } = await outreachSetup();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    const results = await Promise.all(Array.from({ length: 6 }, () => sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY })));
    const fresh = results.filter((r) => r.outcome === "sent" && !r.alreadySent);
    expect(fresh).toHaveLength(1);
    expect(results.every((r) => r.outcome === "sent" || r.outcome === "busy")).toBe(true);
    expect(mailFor(draft.id)).toHaveLength(1);
    expect(await prisma.outboxMessage.count({ where: { outreachId: draft.id } })).toBe(1);
    expect(await prisma.activity.count({ where: { entityId: draft.id, type: "outreach.sent" } })).toBe(1);
    // Repeating the request later answers "sent" without sending again.
    expect(await sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY })).toMatchObject({ outcome: "sent", alreadySent: true });
    expect(mailFor(draft.id)).toHaveLength(1);
  });

  it("queues a message outside the recipient's window and sends it when the queue runs at the slot", async () => {
    const { event, rep, person } = await outreachSetup({ personTimeZone: "Europe/Berlin" });
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    // Friday 6 March 2026 17:30 in Berlin (16:30 UTC): after hours → Monday 09:00 Berlin.
    const fridayEvening = new Date("2026-03-06T16:30:00Z");
    const result = await sendOutreach(draft.id, { now: fridayEvening });
    expect(result).toEqual({ outcome: "queued", outreachId: draft.id, at: new Date("2026-03-09T08:00:00Z"), reason: "window" });
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "QUEUED", scheduledAt: new Date("2026-03-09T08:00:00Z") });
    expect(received).toHaveLength(0);

    // Too early: nothing due for this message.
    await processQueuedOutreach({ now: new Date("2026-03-09T07:59:00Z"), limit: 500 });
    expect(mailFor(draft.id)).toHaveLength(0);
    await processQueuedOutreach({ now: new Date("2026-03-09T08:00:00Z"), limit: 500 });
    expect(mailFor(draft.id)).toHaveLength(1);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "SENT", sentAt: new Date("2026-03-09T08:00:00Z") });
  });

  it("uses the event's time zone when the person has none", async () => {
    const { event, rep, person } = await outreachSetup({ personTimeZone: null, eventTimeZone: "America/Los_Angeles" });
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    // 10:00 in New York is 07:00 in Los Angeles: wait until 09:00 Pacific.
    const result = await sendOutreach(draft.id, { now: WEDNESDAY_10AM_NY });
    expect(result).toMatchObject({ outcome: "queued", at: new Date("2026-03-04T17:00:00Z"), reason: "window" });
  });

  it("holds a sender to their rolling 24-hour cap", async () => {
    const { event, rep, person, account } = await outreachSetup({ cap: 2 });
    const other = await createPerson(event.id, account.id);
    const third = await createPerson(event.id, account.id);
    const a = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    const b = await createDraft({ eventId: event.id, personId: other.id, ownerId: rep.id });
    const c = await createDraft({ eventId: event.id, personId: third.id, ownerId: rep.id });
    expect((await sendOutreach(a.id, { now: WEDNESDAY_10AM_NY })).outcome).toBe("sent");
    expect((await sendOutreach(b.id, { now: new Date(WEDNESDAY_10AM_NY.getTime() + 60_000) })).outcome).toBe("sent");
    const capped = await sendOutreach(c.id, { now: new Date(WEDNESDAY_10AM_NY.getTime() + 120_000) });
    // The first send turns 24 h old on Thursday 10:00 New York — inside the window.
    expect(capped).toMatchObject({ outcome: "queued", reason: "cap", at: new Date("2026-03-05T15:00:00Z") });
    expect(mailFor(c.id)).toHaveLength(0);
  });
});

describe("the queue runner", () => {
  it("marks a message stuck in SENDING after its handover as interrupted and never sends it again by itself", async () => {
    const { event, rep, person } = await outreachSetup();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    await prisma.$executeRaw`UPDATE outreach SET status = 'SENDING', "handedOverAt" = now() - interval '1 hour', "updatedAt" = now() - interval '1 hour' WHERE id = ${draft.id}`;
    const summary = await processQueuedOutreach({ now: new Date(), limit: 10 });
    expect(summary.interrupted).toBe(1);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "INTERRUPTED", failureReason: expect.stringMatching(/Check the outbox/) });
    expect(await prisma.activity.count({ where: { entityId: draft.id, type: "outreach.interrupted" } })).toBe(1);
    // Neither the queue nor the rep's plain Send button sends it again.
    await processQueuedOutreach({ now: new Date(), limit: 10 });
    await expect(sendOutreach(draft.id)).rejects.toThrow(/Check the outbox, then resend or discard/);
    expect(mailFor(draft.id)).toHaveLength(0);
  });

  it("puts a claim that died before its handover back in the queue and sends it once", async () => {
    const { event, rep, person } = await outreachSetup();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id });
    // Claimed an hour before the queue runs, by a process that died before handing it over.
    await prisma.outreach.update({ where: { id: draft.id }, data: { status: "SENDING", updatedAt: new Date(WEDNESDAY_10AM_NY.getTime() - 3_600_000) } });
    const summary = await processQueuedOutreach({ now: WEDNESDAY_10AM_NY, limit: 10 });
    expect(summary).toMatchObject({ interrupted: 0, sent: 1 });
    expect(mailFor(draft.id)).toHaveLength(1);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "SENT" });
  });
});
