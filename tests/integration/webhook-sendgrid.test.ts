import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as sendgridRoute from "@/app/api/webhooks/sendgrid/route";
import * as replyRoute from "@/app/api/outreach/[id]/reply/route";
import { callRoute } from "../helpers/request";
import { createSession } from "../helpers/factories";
import { outreachSetup } from "../helpers/outreach-fixtures";

// Keys made here; signed the way SendGrid signs: ECDSA P-256 / SHA-256 over timestamp + raw
// body, base64 of the DER signature; the verification key is base64 DER (SPKI).
let privateKey: KeyObject;
const saved = { ...process.env };

beforeAll(() => {
  const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  privateKey = pair.privateKey;
  process.env.SENDGRID_WEBHOOK_PUBLIC_KEY = pair.publicKey.export({ format: "der", type: "spki" }).toString("base64");
});
afterAll(() => {
  for (const key of ["SENDGRID_WEBHOOK_PUBLIC_KEY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

function signed(payload: string, timestamp = String(Math.floor(Date.now() / 1000)), key = privateKey) {
  const signature = sign("sha256", Buffer.from(timestamp + payload), key).toString("base64");
  return {
    "content-type": "application/json",
    "x-twilio-email-event-webhook-signature": signature,
    "x-twilio-email-event-webhook-timestamp": timestamp,
  };
}

async function sentOutreach(options: { messageId?: string; providerMessageId?: string } = {}) {
  const setup = await outreachSetup();
  const sentAt = new Date(Date.now() - 3_600_000);
  const outreach = await prisma.outreach.create({
    data: {
      eventId: setup.event.id, personId: setup.person.id, ownerId: setup.rep.id, accountId: setup.account.id, channel: "EMAIL",
      subject: "Yard visibility", message: "Hi", status: "SENT", sentAt, toEmail: setup.person.email,
      messageId: options.messageId ?? `<${randomUUID()}@eventops.test>`, providerMessageId: options.providerMessageId ?? null, transport: "sendgrid",
    },
  });
  const sequence = await prisma.sequence.create({ data: { eventId: setup.event.id, name: `Seq ${randomUUID()}`, status: "ACTIVE" } });
  const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: setup.person.id, status: "ACTIVE" } });
  return { ...setup, outreach, enrollment };
}

describe("SendGrid event webhook", () => {
  it("applies a correctly signed batch once, even when it is delivered again", async () => {
    const { outreach, person, enrollment } = await sentOutreach();
    const now = Math.floor(Date.now() / 1000);
    const payload = JSON.stringify([
      { event: "delivered", email: person.email, timestamp: now - 600, sg_event_id: `ev-${randomUUID()}`, sg_message_id: "x.filter1", outreachId: outreach.id },
      { event: "open", email: person.email, timestamp: now - 300, sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id, useragent: "Mozilla/5.0 (Windows NT 10.0) Outlook/16.0" },
      { event: "bounce", email: person.email, timestamp: now - 200, sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id, reason: "550 5.1.1 unknown user", type: "bounce" },
      { event: "processed", email: person.email, timestamp: now - 700, sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id },
    ]);
    const res = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", { method: "POST", rawBody: payload, headers: signed(payload) });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ received: 4, applied: 3, duplicates: 0, ignored: 1 });

    const row = await prisma.outreach.findUniqueOrThrow({ where: { id: outreach.id } });
    expect(row.deliveredAt).toEqual(new Date((now - 600) * 1000));
    expect(row.openCount).toBe(1);
    expect(row.bouncedAt).toEqual(new Date((now - 200) * 1000));
    expect(await prisma.suppression.findUnique({ where: { email: person.email!.toLowerCase() } })).toMatchObject({ reason: "BOUNCED" });
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({ status: "STOPPED", stopReason: "bounced" });

    // Replayed batch (fresh signature, same events): nothing applied twice.
    const again = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", { method: "POST", rawBody: payload, headers: signed(payload) });
    expect(again.status).toBe(200);
    expect(again.json.data).toMatchObject({ applied: 0, duplicates: 3 });
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: outreach.id } })).openCount).toBe(1);
    expect(await prisma.emailEvent.count({ where: { outreachId: outreach.id } })).toBe(3);
  });

  it("rejects a tampered body, a stale timestamp, a foreign key and missing headers, changing nothing", async () => {
    const { outreach } = await sentOutreach();
    const payload = JSON.stringify([{ event: "spamreport", timestamp: Math.floor(Date.now() / 1000), sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id }]);
    const tampered = payload.replace("spamreport", "delivered");
    const staleTs = String(Math.floor(Date.now() / 1000) - 3600);
    const other = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;
    const cases = [
      { rawBody: tampered, headers: signed(payload) },
      { rawBody: payload, headers: signed(payload, staleTs) },
      { rawBody: payload, headers: signed(payload, undefined, other) },
      { rawBody: payload, headers: { "content-type": "application/json" } },
    ];
    for (const c of cases) {
      const res = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", { method: "POST", ...c });
      expect(res.status).toBe(401);
      expect(res.json.code).toBe("unauthorized");
    }
    expect(await prisma.emailEvent.count({ where: { outreachId: outreach.id } })).toBe(0);
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: outreach.id } })).deliveredAt).toBeNull();
  });

  it("spam reports and unsubscribes suppress the address", async () => {
    const { outreach, person } = await sentOutreach();
    const payload = JSON.stringify([{ event: "spamreport", email: person.email, timestamp: Math.floor(Date.now() / 1000), sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id }]);
    const res = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", { method: "POST", rawBody: payload, headers: signed(payload) });
    expect(res.status).toBe(200);
    expect(await prisma.suppression.findUnique({ where: { email: person.email!.toLowerCase() } })).toMatchObject({ reason: "SPAM_REPORT" });
  });

  it("matches an event by sg_message_id when the custom argument is missing", async () => {
    const { outreach } = await sentOutreach({ providerMessageId: `sgid${randomUUID().slice(0, 8)}` });
    const payload = JSON.stringify([{ event: "delivered", timestamp: Math.floor(Date.now() / 1000), sg_event_id: `ev-${randomUUID()}`, sg_message_id: `${outreach.providerMessageId}.filterdrecv-1` }]);
    const res = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", { method: "POST", rawBody: payload, headers: signed(payload) });
    expect(res.json.data).toMatchObject({ applied: 1, unmatched: 0 });
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: outreach.id } })).deliveredAt).not.toBeNull();
  });
});

describe("replies by hand", () => {
  it("a rep marks a reply by hand", async () => {
    const { outreach, rep, event, person } = await sentOutreach();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const { cookie } = await createSession(rep.id);
    const res = await callRoute(replyRoute.POST, `/api/outreach/${outreach.id}/reply`, { method: "POST", cookie, params: { id: outreach.id }, body: { note: "Replied on LinkedIn" } });
    expect(res.status).toBe(200);
    expect(res.json.data.repliedAt).toBeTruthy();
    const activity = await prisma.activity.findFirstOrThrow({ where: { personId: person.id, type: "outreach.replied" } });
    expect(activity.actorId).toBe(rep.id);
    expect(activity.metadata).toMatchObject({ via: "manual", note: "Replied on LinkedIn", notifyUserId: rep.id });
    // The rep who marked it is not told about what they did themselves.
    expect(await prisma.notification.count({ where: { userId: rep.id } })).toBe(0);
    const again = await callRoute(replyRoute.POST, `/api/outreach/${outreach.id}/reply`, { method: "POST", cookie, params: { id: outreach.id }, body: {} });
    expect(again.status).toBe(409);
  });
});
