import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as importRoute from "@/app/api/import/route";
import * as leadsRoute from "@/app/api/booth/leads/route";
import * as bookingRoute from "@/app/api/booking/[event]/route";
import * as peopleRoute from "@/app/api/people/route";
import * as eraseRoute from "@/app/api/people/[id]/erase/route";
import * as personalDataRoute from "@/app/api/people/[id]/personal-data/route";
import { sendOutreach } from "@/server/outreach/send";
import { applyEmailEvent } from "@/server/tracking/events";
import { parseMime } from "@/server/inbound/parse";
import { receiveInboundMail } from "@/server/inbound/receive";
import { getEventMetrics } from "@/server/dashboard/stats";
import { ERASED_BOOKING_MESSAGE, ERASED_MESSAGE } from "@/server/privacy/tombstones";
import { signToken } from "@/server/tracking/tokens";
import { installPeerAddressStamp, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { callRoute } from "../helpers/request";
import { createUser, signedInUser } from "../helpers/factories";

/**
 * Erasure that sticks (issue 20, item 1) and access on request (item 2), through the real paths a
 * person's data takes: a CSV import, a sent message (dev outbox copy), a click and a reply with
 * its text, a meeting, a booth capture with a note, and a teammate's note that names them.
 */
const tag = randomUUID().slice(0, 8);
const who = {
  firstName: "Quinlan",
  lastName: `Erasmo${tag}`,
  email: `quinlan.${tag}@erasure-${tag}.test`,
  company: `Erasure Freight ${tag}`,
  phone: `+1 555 ${tag.slice(0, 3)} 0199`,
};
const fullName = `${who.firstName} ${who.lastName}`;
const subject = `Gate delays at ${who.company} (${tag}-subject)`;
const body = `Hi ${who.firstName},\n\nThe sentence only this message has: ${tag}-body-marker.\n\nMaya`;
const replyText = `Please stop, ${tag}-reply-marker`;
const captureNote = `Met ${fullName} at the booth, ${tag}-note-marker`;
const needles = [who.email, fullName, who.lastName, `${tag}-subject`, `${tag}-body-marker`, `${tag}-reply-marker`, `${tag}-note-marker`];

let eventId: string;
let eventSlug: string;
let admin: { id: string; cookie: string };
let rep: { id: string; cookie: string };
let personId: string;
let bookingDay: string;
const linked: { outreachId?: string; meetingId?: string; captureId?: string } = {};

const csv = (rows: string[]) => ["Company name,First Name,Last Name,Email,Job Title,Phone", ...rows].join("\n");
const importRow = `${who.company},${who.firstName},${who.lastName},${who.email},VP Operations,${who.phone}`;

beforeAll(async () => {
  // Booking is limited per client address, read from the stamp our server puts on each request.
  installPeerAddressStamp();
  bookingDay = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const event = await prisma.event.create({
    data: { name: `Privacy Expo ${tag}`, slug: `privacy-${tag}`, startDate: new Date(bookingDay), endDate: new Date(bookingDay), timeZone: "America/Chicago", boothCapacity: 4 },
  });
  eventId = event.id;
  eventSlug = event.slug;
  const a = await signedInUser("ADMIN", { eventId });
  const r = await signedInUser("REP", { eventId });
  admin = { id: a.user.id, cookie: a.cookie };
  rep = { id: r.user.id, cookie: r.cookie };
  const bookable = await createUser({ role: "REP" });
  await prisma.user.update({ where: { id: bookable.id }, data: { bookingSlug: `privacy-rep-${tag}` } });
  await prisma.availabilityWindow.create({ data: { userId: bookable.id, eventId, day: bookingDay, startMinute: 9 * 60, endMinute: 12 * 60 } });

  // 1. The CSV import creates them.
  const imported = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie: rep.cookie, body: { csv: csv([importRow]), fileName: "leads.csv", mode: "upsert" } });
  expect(imported.status).toBe(201);
  const person = await prisma.person.findFirstOrThrow({ where: { eventId, email: who.email }, include: { account: true } });
  personId = person.id;
  expect(person).toMatchObject({ dataSource: "IMPORT", lawfulBasis: "LEGITIMATE_INTEREST" });

  // 2. A message sent through the dev outbox, clicked and answered.
  const draft = await prisma.outreach.create({ data: { eventId, personId, accountId: person.accountId, ownerId: rep.id, channel: "EMAIL", subject, message: body, status: "DRAFT" } });
  linked.outreachId = draft.id;
  const sent = await sendOutreach(draft.id, { now: new Date("2026-03-04T15:00:00Z"), actor: { id: rep.id } });
  expect(sent).toMatchObject({ outcome: "sent" });
  const messageId = (await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } })).messageId;
  await applyEmailEvent({ outreachId: draft.id, kind: "click", at: new Date(), url: "https://vendor.example/demo", userAgent: "Mozilla/5.0 Safari/605.1.15", ip: "203.0.113.50", source: "link" });
  const replyMime = `From: ${fullName} <${who.email}>\r\nTo: rep@eventops.test\r\nIn-Reply-To: ${messageId}\r\nMessage-ID: <r-${tag}@mail.test>\r\nSubject: Re: ${subject}\r\n\r\n${replyText}\r\n`;
  const reply = await receiveInboundMail(await parseMime(replyMime), { source: "mime" });
  expect(reply).toMatchObject({ status: "recorded", kind: "REPLY" });

  // 3. A meeting with them (what a rep types) and a booth capture with a note.
  const meeting = await prisma.meeting.create({
    data: { eventId, personId, accountId: person.accountId, ownerId: rep.id, title: `Demo with ${fullName}`, agenda: `Ask ${who.email} about the gate`, scheduledAt: new Date(`${bookingDay}T16:00:00Z`), icsUid: `privacy-${tag}@eventops.test` },
  });
  linked.meetingId = meeting.id;
  const captured = await callRoute(leadsRoute.POST, "/api/booth/leads", { method: "POST", cookie: rep.cookie, body: { name: fullName, company: who.company, email: who.email, note: captureNote, rating: "hot" } });
  expect(captured.status).toBe(201);
  linked.captureId = captured.json.data.captureId;

  // 4. Someone else's record that mentions them.
  await prisma.person.create({ data: { eventId, firstName: "Other", lastName: tag, name: `Other ${tag}`, notes: `Reports to ${fullName} (${who.email})` } });
});

/** Every text, JSON and text-array column of every table that holds one of the strings. */
async function rowsNaming(strings: readonly string[]) {
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb') OR c.udt_name = '_text')`;
  const patterns = strings.map((s) => `%${s.replace(/[\\%_]/g, "\\$&")}%`);
  const found: string[] = [];
  const tables = new Map<string, string[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
  for (const [table, cols] of tables) {
    // One pass per table; only a table that holds something is searched column by column.
    const [{ n }] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE concat_ws(' ', ${cols.map((c) => `"${c}"::text`).join(", ")}) ILIKE ANY($1::text[])`, patterns);
    if (Number(n) === 0) continue;
    for (const column of cols) {
      for (const [i, s] of strings.entries()) {
        const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, patterns[i]);
        if (Number(rows[0]!.n) > 0) found.push(`${table}.${column} holds "${s}"`);
      }
    }
  }
  return { found, columnsScanned: columns.length };
}

describe("access on request", () => {
  it("is for admins: a rep gets 403", async () => {
    const res = await callRoute(personalDataRoute.GET, `/api/people/${personId}/personal-data`, { cookie: rep.cookie, params: { id: personId }, query: { format: "json" } });
    expect(res.status).toBe(403);
  });

  it("gives every record that names them, as JSON and as a readable page, and logs that it did", async () => {
    const res = await callRoute(personalDataRoute.GET, `/api/people/${personId}/personal-data`, { cookie: admin.cookie, params: { id: personId }, query: { format: "json" } });
    expect(res.status).toBe(200);
    const report = JSON.parse(res.text);
    expect(report.people).toHaveLength(1);
    expect(report.people[0]).toMatchObject({ email: who.email, name: fullName, account: who.company, dataSource: "IMPORT", lawfulBasis: "LEGITIMATE_INTEREST" });
    expect(report.messages.map((m: { id: string }) => m.id)).toEqual([linked.outreachId]);
    expect(report.messages[0]).toMatchObject({ subject, message: body });
    expect(report.messages[0].events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["click", "reply"]));
    expect(report.mailReceived).toHaveLength(1);
    expect(report.mailReceived[0]).toMatchObject({ kind: "REPLY", fromEmail: who.email });
    expect(report.mailReceived[0].text).toContain(`${tag}-reply-marker`);
    expect(report.meetings.map((m: { id: string }) => m.id)).toEqual([linked.meetingId]);
    expect(report.boothCaptures.map((c: { id: string }) => c.id)).toEqual([linked.captureId]);
    expect(report.boothCaptures[0].note).toBe(captureNote);
    expect(report.sentCopies.map((c: { toEmail: string }) => c.toEmail)).toEqual([who.email]);
    // Every activity row about them is in the report.
    const activities = await prisma.activity.count({ where: { OR: [{ personId }, { entityId: { in: [personId, linked.outreachId!, linked.meetingId!, linked.captureId!] } }] } });
    expect(report.activities).toHaveLength(activities - 1); // minus the access log written after the report was read

    const page = await callRoute(personalDataRoute.GET, `/api/people/${personId}/personal-data`, { cookie: admin.cookie, params: { id: personId }, query: { format: "html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    for (const s of [fullName, who.email, `${tag}-body-marker`, `${tag}-note-marker`, `${tag}-reply-marker`]) expect(page.text).toContain(s);
    expect(await prisma.activity.count({ where: { personId, type: "privacy.access_report", actorId: admin.id } })).toBe(2);
  });
});

describe("erasure", () => {
  it("is for admins, and asks for ERASE", async () => {
    const asRep = await callRoute(eraseRoute.POST, `/api/people/${personId}/erase`, { method: "POST", cookie: rep.cookie, params: { id: personId }, body: { reason: "request", confirm: "ERASE" } });
    expect(asRep.status).toBe(403);
    const unconfirmed = await callRoute(eraseRoute.POST, `/api/people/${personId}/erase`, { method: "POST", cookie: admin.cookie, params: { id: personId }, body: { reason: "request", confirm: "yes" } });
    expect(unconfirmed.status).toBe(422);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: personId } })).email).toBe(who.email);
  });

  // The full scan reads every text column of the whole test database: slower once the suite's other files filled it.
  it("leaves no row anywhere holding their address, name or words, keeps the dashboard's totals, and refuses them afterwards", { timeout: 240_000 }, async () => {
    // While they are there, they are found in every kind of place they were copied to (the same
    // ILIKE the full scan below uses, asked of those columns only: the full scan is the slow part).
    const places: [string, string, string][] = [
      ["people", "email", who.email], ["outreach", "message", `${tag}-body-marker`], ["outreach", "subject", `${tag}-subject`],
      ["outbox_messages", "html", `${tag}-body-marker`], ["inbound_messages", "text", `${tag}-reply-marker`], ["lead_captures", "note", `${tag}-note-marker`],
      ["meeting", "title", fullName], ["activities", "description", fullName], ["people", "notes", who.email],
    ];
    for (const [table, column, needle] of places) {
      const [{ n }] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, `%${needle}%`);
      expect(Number(n), `${table}.${column} holds "${needle}" before erasure`).toBeGreaterThan(0);
    }
    const totalsBefore = await getEventMetrics(eventId);

    const res = await callRoute(eraseRoute.POST, `/api/people/${personId}/erase`, { method: "POST", cookie: admin.cookie, params: { id: personId }, body: { reason: "request", confirm: "ERASE" } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ id: personId, erased: 1, tombstones: 1 });

    const after = await rowsNaming(needles);
    expect(after.found).toEqual([]);
    expect(after.columnsScanned).toBeGreaterThan(100);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({ name: "Erased person", email: null, phone: null, notes: null });
    expect((await prisma.leadCapture.findUniqueOrThrow({ where: { id: linked.captureId } })).cardImage).toBeNull();

    expect(await getEventMetrics(eventId)).toEqual(totalsBefore);

    // The activity says what happened without naming anyone.
    const log = await prisma.activity.findFirstOrThrow({ where: { type: "privacy.erased", eventId } });
    expect(log.description).toMatch(/erased a person's personal data at their request/);
    expect(log.actorId).toBe(admin.id);

    // The people list no longer shows them.
    const list = await callRoute(peopleRoute.GET, "/api/people", { cookie: admin.cookie, query: { eventId } });
    expect(list.json.data.items.map((p: { id: string }) => p.id)).not.toContain(personId);
  });

  it("refuses them at import, at the booth, on the booking page, by hand, and drops their replies", async () => {
    const reimport = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie: rep.cookie, body: { csv: csv([importRow.replace(who.email, who.email.toUpperCase())]), fileName: "again.csv", mode: "upsert" } });
    expect(reimport.status).toBe(201);
    expect(reimport.json.data).toMatchObject({ people: { created: 0, updated: 0 }, skipped: [{ row: 2, reason: ERASED_MESSAGE }] });

    const capture = await callRoute(leadsRoute.POST, "/api/booth/leads", { method: "POST", cookie: rep.cookie, body: { name: fullName, company: who.company, email: who.email, rating: "warm" } });
    expect(capture.status).toBe(409);
    expect(capture.json.error).toBe(ERASED_MESSAGE);

    const slots = await callRoute(bookingRoute.GET, `/api/booking/${eventSlug}`, { params: { event: eventSlug } });
    const start = slots.json.data.days[0].starts[0];
    const booking = await callRoute(bookingRoute.POST, `/api/booking/${eventSlug}`, {
      method: "POST", params: { event: eventSlug }, headers: { [PEER_HEADER]: "203.0.113.77", [PEER_FORWARDED_HEADER]: "0" },
      body: { name: fullName, company: who.company, email: who.email, start, formToken: signToken({ k: "f", id: eventId, t: Date.now() - 10_000 }) },
    });
    expect(booking.status).toBe(409);
    expect(booking.json.error).toBe(ERASED_BOOKING_MESSAGE);

    const manual = await callRoute(peopleRoute.POST, "/api/people", { method: "POST", cookie: rep.cookie, body: { firstName: who.firstName, lastName: who.lastName, email: who.email } });
    expect(manual.status).toBe(409);

    const again = `From: <${who.email}>\r\nTo: rep@eventops.test\r\nMessage-ID: <r2-${tag}@mail.test>\r\nSubject: hello again\r\n\r\nagain ${tag}-reply-marker\r\n`;
    const reply = await receiveInboundMail(await parseMime(again), { source: "mime" });
    expect(reply).toMatchObject({ status: "ignored" });
    expect(await prisma.inboundMessage.count({ where: { text: { contains: `${tag}-reply-marker` } } })).toBe(0);

    expect(await prisma.person.count({ where: { email: { equals: who.email, mode: "insensitive" } } })).toBe(0);
    const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM email_events WHERE metadata::text ILIKE ${`%${who.email}%`} OR metadata::text ILIKE ${`%again ${tag}%`}`;
    expect(Number(n)).toBe(0);
  });

  it("also stops a record without an address coming back by name and company", async () => {
    const account = await prisma.targetAccount.create({ data: { eventId, name: `Nomail Co ${tag}`, normalizedName: `nomail co ${tag}` } });
    const person = await prisma.person.create({ data: { eventId, accountId: account.id, firstName: "Noor", lastName: `Nomail${tag}`, name: `Noor Nomail${tag}` } });
    const res = await callRoute(eraseRoute.POST, `/api/people/${person.id}/erase`, { method: "POST", cookie: admin.cookie, params: { id: person.id }, body: { reason: "unsubscribe_reply", confirm: "ERASE" } });
    expect(res.json.data).toMatchObject({ erased: 1, tombstones: 1 });
    const capture = await callRoute(leadsRoute.POST, "/api/booth/leads", { method: "POST", cookie: rep.cookie, body: { name: `noor  nomail${tag}`, company: `Nomail Co ${tag}, Inc.`, rating: "cold" } });
    expect(capture.status).toBe(409);
    const again = await callRoute(eraseRoute.POST, `/api/people/${person.id}/erase`, { method: "POST", cookie: admin.cookie, params: { id: person.id }, body: { reason: "request", confirm: "ERASE" } });
    expect(again.status).toBe(409);
  });
});
