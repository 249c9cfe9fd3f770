import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import ical from "node-ical";
import * as meetingsRoute from "@/app/api/meetings/route";
import * as meetingRoute from "@/app/api/meetings/[id]/route";
import { callRoute } from "../helpers/request";
import { meetingWorld } from "../helpers/meetings-fixtures";

/** A real SMTP server on loopback: what the app sends is parsed back as a mail client would. */
const received: { raw: string; mail: ParsedMail }[] = [];
let server: SMTPServer;
const savedSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ raw, mail: await simpleParser(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The text/calendar alternative as a mail client sees it (mailparser decodes the transfer encoding). */
function calendarPart(mail: ParsedMail, raw: string): { method: string | undefined; body: string } {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(part, "a text/calendar MIME part").toBeDefined();
  expect(raw).toMatch(/Content-Type: text\/calendar;[^\r\n]*method=/i);
  const method = /method=["']?(\w+)/i.exec(raw.match(/Content-Type: text\/calendar;[^\r\n]*/i)![0])?.[1];
  return { method, body: part!.content.toString("utf8") };
}

describe("email invites through SMTP", () => {
  it("sends REQUEST on booking, an update with a higher SEQUENCE, then CANCEL — same UID throughout", async () => {
    const w = await meetingWorld();
    const created = await callRoute(meetingsRoute.POST, "/api/meetings", {
      method: "POST", cookie: w.cookie, body: { personId: w.person.id, scheduledAt: "2026-12-14T09:30", agenda: "Yard visibility" },
    });
    expect(created.status).toBe(201);
    expect(created.json.data.invite).toMatchObject({ sent: true, method: "REQUEST" });
    const id = created.json.data.meeting.id;
    const uid = created.json.data.meeting.icsUid;

    const first = received.at(-1)!;
    expect(first.mail.to && "text" in first.mail.to ? first.mail.to.text : "").toContain(w.person.email);
    expect(first.mail.subject).toMatch(/^Invitation: /);
    expect(first.mail.text).toContain("Yard visibility");
    const part = calendarPart(first.mail, first.raw);
    expect(part.method).toBe("REQUEST");
    expect(part.body).toContain("METHOD:REQUEST");
    expect(part.body).toContain("BEGIN:VTIMEZONE");
    const event = Object.values(ical.sync.parseICS(part.body)).find((c) => c?.type === "VEVENT") as ical.VEvent;
    expect(event.uid).toBe(uid);
    expect(Number(event.sequence)).toBe(0);
    expect(event.start.toISOString()).toBe("2026-12-14T17:30:00.000Z");

    await callRoute(meetingRoute.PATCH, `/api/meetings/${id}`, { method: "PATCH", cookie: w.cookie, params: { id }, body: { scheduledAt: "2026-12-15T10:00" } });
    const update = received.at(-1)!;
    expect(update.mail.subject).toMatch(/^Updated: /);
    const updated = calendarPart(update.mail, update.raw);
    expect(updated.method).toBe("REQUEST");
    expect(updated.body).toContain(`UID:${uid}`);
    expect(updated.body).toContain("SEQUENCE:1");
    expect(updated.body).toContain("DTSTART;TZID=America/Los_Angeles:20261215T100000");

    await callRoute(meetingRoute.DELETE, `/api/meetings/${id}`, { method: "DELETE", cookie: w.cookie, params: { id } });
    const cancel = received.at(-1)!;
    expect(cancel.mail.subject).toMatch(/^Cancelled: /);
    const cancelled = calendarPart(cancel.mail, cancel.raw);
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.body).toContain("METHOD:CANCEL");
    expect(cancelled.body).toContain(`UID:${uid}`);
    expect(cancelled.body).toContain("SEQUENCE:2");
    expect(cancelled.body).toContain("STATUS:CANCELLED");
    expect(received).toHaveLength(3);
  });
});
