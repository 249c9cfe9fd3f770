import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as sendgridInbound from "@/app/api/webhooks/inbound/[secret]/route";
import * as mimeInbound from "@/app/api/webhooks/inbound/[secret]/mime/route";
import * as simulateRoute from "@/app/api/dev/mailbox/[id]/simulate/route";
import { installCaptureTransport, type MailMessage } from "@/server/email/transport";
import { loggablePath } from "@/server/http/route";
import { forwardReplyToRep, retryReplyForwards } from "@/server/inbound/forward";
import { MAX_INBOUND_BYTES } from "@/server/inbound/intake";
import { sendOutreach } from "@/server/outreach/send";
import { resumeOutOfOffice } from "@/server/sequences/out-of-office";
import { createSession } from "../helpers/factories";
import { callRoute } from "../helpers/request";
import { createPerson, createDraft, outreachSetup } from "../helpers/outreach-fixtures";
import { fixture, postInbound, sendgridRawForm, sendgridSplitForm } from "../helpers/inbound-mail";

/**
 * Replies come back by themselves (issue 14): real MIME as Gmail, Outlook, Apple Mail, Exchange
 * and Gmail's mailer-daemon write it, posted to the real endpoints (SendGrid Inbound Parse in
 * both its raw and split forms, and the raw-MIME endpoint), against messages sent through the
 * real send path (so Reply-To and Message-ID are the ones composition gives them).
 */
const SECRET = "inbound-secret-for-replies";
const DOMAIN = "reply.vendor.test";
const SENT_AT = new Date("2026-03-02T15:00:00Z"); // a Monday, 10:00 in New York: inside the sending window
const saved = { ...process.env };
const captured: (MailMessage & { from: string })[] = [];
let uninstall: () => void;
// A test can make the mail server refuse the next forwards, or run something while one is being sent.
let refuseForwards = false;
let whileForwarding: (() => Promise<void>) | null = null;

beforeAll(() => {
  process.env.INBOUND_PARSE_SECRET = SECRET;
  process.env.INBOUND_DOMAIN = DOMAIN;
  uninstall = installCaptureTransport(async (m) => {
    if (refuseForwards && m.kind === "reply-forward") throw new Error("451 4.3.0 Mail server temporarily unavailable");
    const during = m.kind === "reply-forward" ? whileForwarding : null;
    whileForwarding = null;
    await during?.();
    captured.push(m);
  });
});
afterAll(() => {
  uninstall();
  for (const key of ["INBOUND_PARSE_SECRET", "INBOUND_DOMAIN"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

/** A message sent through the real send path to a person enrolled in an active sequence, with a colleague enrolled too. */
async function sentMessage() {
  const setup = await outreachSetup();
  const { event, rep, person, account } = setup;
  const subject = `Yard visibility ${randomUUID().slice(0, 6)}`;
  const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id, accountId: account.id, subject });
  const result = await sendOutreach(draft.id, { now: SENT_AT });
  expect(result.outcome).toBe("sent");
  const mail = captured.find((m) => m.outreachId === draft.id)!;
  const outreach = await prisma.outreach.findUniqueOrThrow({ where: { id: draft.id } });
  const sequence = await prisma.sequence.create({ data: { eventId: event.id, name: `Seq ${randomUUID().slice(0, 6)}`, status: "ACTIVE", pauseAccountOnReply: true, ownerId: rep.id } });
  const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: person.id, accountId: account.id, ownerId: rep.id, status: "ACTIVE", nextStepAt: new Date("2026-03-05T15:00:00Z") } });
  const colleague = await createPerson(event.id, account.id);
  const colleagueEnrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: colleague.id, accountId: account.id, ownerId: rep.id, status: "ACTIVE" } });
  const values = {
    MESSAGE_ID: outreach.messageId!, REPLY_ADDRESS: /<([^>]+)>/.exec(mail.replyTo!)![1], BOUNCE_ADDRESS: mail.returnPath!, INBOUND_DOMAIN: DOMAIN,
    PERSON_EMAIL: person.email!, PERSON_NAME: person.name, OTHER_EMAIL: colleague.email!, OTHER_NAME: colleague.name,
    REP_EMAIL: rep.email, REP_NAME: rep.name ?? "Maya Test", SUBJECT: subject,
  };
  return { ...setup, outreach, mail, enrollment, colleague, colleagueEnrollment, values };
}

const viaSendgridRaw = (raw: string, to: string[] = []) => postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, sendgridRawForm(raw, to));
const viaSendgridSplit = async (raw: string, to: string[] = []) => postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, await sendgridSplitForm(raw, to));
const viaMime = (raw: string, type = "message/rfc822") => postInbound(mimeInbound.POST, `/api/webhooks/inbound/${SECRET}/mime`, SECRET, raw, type);

async function state(s: Awaited<ReturnType<typeof sentMessage>>) {
  const [outreach, enrollment, colleague, suppression, inbound, activities] = await Promise.all([
    prisma.outreach.findUniqueOrThrow({ where: { id: s.outreach.id } }),
    prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: s.enrollment.id } }),
    prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: s.colleagueEnrollment.id } }),
    prisma.suppression.findUnique({ where: { email: s.person.email!.toLowerCase() } }),
    prisma.inboundMessage.findMany({ where: { outreachId: s.outreach.id } }),
    prisma.activity.findMany({ where: { eventId: s.event.id }, orderBy: { createdAt: "asc" } }),
  ]);
  return { outreach, enrollment, colleague, suppression, inbound, activities };
}

describe("what we send carries its way back", () => {
  it("Reply-To is the signed reply address in the rep's name, the envelope sender the bounce address, and Message-ID is ours", async () => {
    const s = await sentMessage();
    expect(s.mail.replyTo).toMatch(new RegExp(`^"Maya Test" <reply\\+${s.outreach.id}\\.[0-9a-f]{20}@reply\\.vendor\\.test>$`));
    expect(s.mail.returnPath).toMatch(new RegExp(`^bounces\\+${s.outreach.id}\\.[0-9a-f]{20}@reply\\.vendor\\.test$`));
    expect(s.outreach.messageId).toMatch(new RegExp(`^<${s.outreach.id}\\.[0-9a-f]{12}@`));
    expect(s.mail.messageId).toBe(s.outreach.messageId);
    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: s.outreach.id } });
    expect(outbox.headers).toMatchObject({ "Reply-To": s.mail.replyTo, "Message-ID": s.outreach.messageId });
  });
});

describe("replies from real mail clients", () => {
  it("a Gmail reply (SendGrid, raw) counts as a reply, stops the sequence, pauses the colleague, notifies and forwards to the rep", async () => {
    const s = await sentMessage();
    const res = await viaSendgridRaw(fixture("gmail-reply.eml", s.values), [s.values.REPLY_ADDRESS]);
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ matched: true, duplicate: false, kind: "REPLY", outreachId: s.outreach.id, matchedBy: "token" });

    const after = await state(s);
    expect(after.outreach.repliedAt).toEqual(new Date("2026-03-03T15:12:33Z"));
    expect(after.enrollment).toMatchObject({ status: "REPLIED", stopReason: "replied" });
    expect(after.colleague).toMatchObject({ status: "PAUSED", stopReason: "account_replied" });
    expect(after.suppression).toBeNull();
    expect(after.inbound).toHaveLength(1);
    // Quoted history, the "On … wrote:" line and our footer are gone; their words stay.
    expect(after.inbound[0].text).toBe("Hi there,\n\nThanks — this is timely. Tuesday at 10 works for a booth visit; can you show the gate check-in flow?\n\nDana");
    expect(after.inbound[0]).toMatchObject({ kind: "REPLY", personId: s.person.id, fromEmail: s.person.email, source: "sendgrid" });

    const notice = after.activities.find((a) => a.type === "outreach.replied")!;
    expect(notice.description).toBe(`${s.person.name} replied to “${s.values.SUBJECT}”`);
    expect(notice.metadata).toMatchObject({ notifyUserId: s.rep.id, link: `/dashboard/outreach/${s.outreach.id}`, replyText: after.inbound[0].text });
    expect(after.activities.filter((a) => a.type === "outreach.replied")).toHaveLength(1);
    expect(after.activities.find((a) => a.type === "sequence.paused")?.personId).toBe(s.colleague.id);
    // The bell: one notification for the rep, with what they wrote.
    const bell = await prisma.notification.findMany({ where: { userId: s.rep.id, type: "reply" } });
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ title: `${s.person.name} replied`, href: `/dashboard/outreach/${s.outreach.id}`, body: after.inbound[0].text });

    const forward = captured.filter((m) => m.kind === "reply-forward" && m.to === s.rep.email);
    expect(forward).toHaveLength(1);
    expect(forward[0].replyTo).toBe(`"${s.person.name}" <${s.person.email}>`);
    expect(forward[0].from).toContain(`${s.person.name} via EventOps`);
    expect(forward[0].headers?.["In-Reply-To"]).toBe(after.inbound[0].messageId);
    expect(forward[0].headers?.References).toContain(s.outreach.messageId!);
    expect(forward[0].text).toContain("Tuesday at 10 works");
    expect(after.inbound[0].forwardedAt).not.toBeNull();
  });

  it("an Outlook reply (SendGrid, split fields) is matched by its token and stripped of the Outlook header block", async () => {
    const s = await sentMessage();
    const res = await viaSendgridSplit(fixture("outlook-reply.eml", s.values), [s.values.REPLY_ADDRESS]);
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ matched: true, kind: "REPLY", matchedBy: "token" });
    const after = await state(s);
    // The "From: … Sent: …" block and everything under it are gone (and the sign-off with them).
    expect(after.inbound[0].text).toBe("Hello,\n\nYes, we are looking at yard management for our Joliet DC this year. Send me a few times on Wednesday.");
    expect(after.enrollment.status).toBe("REPLIED");
  });

  it("an Apple Mail reply (raw MIME endpoint) loses 'Sent from my iPhone' and the quote", async () => {
    const s = await sentMessage();
    const res = await viaMime(fixture("apple-mail-reply.eml", s.values));
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ matched: true, kind: "REPLY", outreachId: s.outreach.id, matchedBy: "token" });
    const after = await state(s);
    expect(after.inbound[0].text).toBe("Sounds good — put me down for Tuesday 2pm at the booth.");
    expect(after.inbound[0].source).toBe("mime");
  });

  it("a reply whose token was stripped by a gateway is matched by In-Reply-To", async () => {
    const s = await sentMessage();
    const res = await viaMime(fixture("token-stripped-reply.eml", s.values), "text/plain");
    expect(res.json.data).toMatchObject({ matched: true, kind: "REPLY", matchedBy: "in-reply-to" });
    expect((await state(s)).enrollment.status).toBe("REPLIED");
  });

  it("a colleague answering in the thread counts for the account: the message is replied, the addressee's sequence stops, the others pause", async () => {
    const s = await sentMessage();
    const third = await createPerson(s.event.id, s.account.id);
    const sequence = await prisma.sequence.findFirstOrThrow({ where: { id: s.enrollment.sequenceId } });
    const thirdEnrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: third.id, accountId: s.account.id, status: "ACTIVE" } });
    const res = await viaSendgridRaw(fixture("colleague-reply.eml", s.values));
    expect(res.json.data).toMatchObject({ matched: true, kind: "REPLY" });
    const after = await state(s);
    expect(after.outreach.repliedAt).not.toBeNull();
    expect(after.inbound[0]).toMatchObject({ personId: s.colleague.id, fromEmail: s.colleague.email });
    expect(after.enrollment.status).toBe("REPLIED");
    expect(after.colleague.status).toBe("REPLIED"); // the colleague wrote: their own sequence stops
    expect(await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: thirdEnrollment.id } })).toMatchObject({ status: "PAUSED", stopReason: "account_replied" });
    const notice = after.activities.find((a) => a.type === "outreach.replied")!;
    expect(notice.description).toBe(`${s.colleague.name} at ${s.account.name} replied to “${s.values.SUBJECT}” sent to ${s.person.name}`);
    expect(notice.personId).toBe(s.colleague.id);
  });

  it("'please remove me' stops everything for the person and asks the rep about the do-not-email list, without suppressing by itself", async () => {
    const s = await sentMessage();
    const queued = await createDraft({ eventId: s.event.id, personId: s.person.id, ownerId: s.rep.id, subject: "Follow-up" });
    await prisma.outreach.update({ where: { id: queued.id }, data: { status: "QUEUED", scheduledAt: new Date("2026-03-09T15:00:00Z") } });
    const res = await viaMime(fixture("removal-request.eml", s.values));
    expect(res.json.data).toMatchObject({ matched: true, kind: "REMOVAL_REQUEST" });
    const after = await state(s);
    expect(after.enrollment).toMatchObject({ status: "STOPPED", stopReason: "asked_to_stop" });
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "CANCELLED" });
    expect(after.outreach.repliedAt).not.toBeNull();
    expect(after.suppression).toBeNull();
    const notice = after.activities.find((a) => a.type === "outreach.removal_requested")!;
    expect(notice.description).toContain("asked not to be contacted again");
    expect(notice.description).toContain("do-not-email list?");
    expect(captured.some((m) => m.kind === "reply-forward" && m.text.includes("Please remove me"))).toBe(true);
  });
});

describe("never on From: alone", () => {
  it("a mail forwarded from another address, quoting our message but not in its thread, matches nothing and stops nothing", async () => {
    const s = await sentMessage();
    const res = await viaMime(fixture("forwarded-from-other.eml", { ...s.values, OTHER_EMAIL: "pat@otherco.test", OTHER_NAME: "Pat Lee" }));
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ matched: false });
    const after = await state(s);
    expect(after.outreach.repliedAt).toBeNull();
    expect(after.enrollment.status).toBe("ACTIVE");
    expect(after.colleague.status).toBe("ACTIVE");
    expect(after.activities.some((a) => a.type.startsWith("outreach.replied"))).toBe(false);
  });

  it("a mail from the person's own address with no token and no thread (spoofed or new) stops nothing", async () => {
    const s = await sentMessage();
    const raw = fixture("token-stripped-reply.eml", s.values).replace(/^(In-Reply-To|References):.*\r\n/gim, "");
    const res = await viaMime(raw);
    expect(res.json.data).toMatchObject({ matched: false });
    expect((await state(s)).enrollment.status).toBe("ACTIVE");
  });

  it("a reply address with a forged token matches nothing", async () => {
    const s = await sentMessage();
    const forged = s.values.REPLY_ADDRESS.replace(/\.[0-9a-f]{20}@/, ".0123456789abcdef0123@");
    const raw = fixture("gmail-reply.eml", { ...s.values, REPLY_ADDRESS: forged }).replace(/^(In-Reply-To|References):.*\r\n/gim, "");
    const res = await viaSendgridRaw(raw, [forged]);
    expect(res.json.data).toMatchObject({ matched: false });
    expect((await state(s)).outreach.repliedAt).toBeNull();
  });
});

describe("out of office", () => {
  it("an Outlook automatic reply is not a reply: the sequence pauses until the return date in the text, then resumes", async () => {
    const s = await sentMessage();
    const res = await viaMime(fixture("outlook-ooo.eml", s.values));
    expect(res.json.data).toMatchObject({ matched: true, kind: "AUTO_REPLY" });
    const after = await state(s);
    expect(after.outreach.repliedAt).toBeNull();
    expect(after.enrollment).toMatchObject({ status: "PAUSED", stopReason: "out_of_office" });
    const returnAt = after.enrollment.resumeAt!;
    expect(returnAt.toISOString()).toBe("2026-03-16T12:00:00.000Z");
    expect(after.colleague.status).toBe("ACTIVE");
    const note = after.activities.find((a) => a.type === "outreach.auto_reply")!;
    const sequence = await prisma.sequence.findUniqueOrThrow({ where: { id: s.enrollment.sequenceId } });
    expect(note.description).toBe(`${s.person.name} is out of the office until Mon, Mar 16, 2026; “${sequence.name}” paused until then`);
    expect(captured.some((m) => m.kind === "reply-forward" && m.subject.includes("Automatic reply"))).toBe(false);

    await resumeOutOfOffice(new Date(returnAt.getTime() - 60_000));
    expect((await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: s.enrollment.id } })).status).toBe("PAUSED");
    await resumeOutOfOffice(new Date(returnAt.getTime() + 60_000));
    const resumed = await prisma.sequenceEnrollment.findUniqueOrThrow({ where: { id: s.enrollment.id } });
    expect(resumed).toMatchObject({ status: "ACTIVE", stopReason: null, resumeAt: null });
    expect(resumed.nextStepAt!.getTime()).toBe(returnAt.getTime() + 60_000);
    expect(await prisma.activity.count({ where: { entityId: s.enrollment.id, type: "sequence.resumed" } })).toBe(1);
  });

  it("a reply after the out-of-office note ends the paused sequence instead of resuming it later", async () => {
    const s = await sentMessage();
    await viaMime(fixture("outlook-ooo.eml", s.values));
    expect((await state(s)).enrollment.status).toBe("PAUSED");
    await viaMime(fixture("apple-mail-reply.eml", s.values));
    expect((await state(s)).enrollment).toMatchObject({ status: "REPLIED", resumeAt: null });
  });

  it("without a return date the pause lasts 7 days", async () => {
    const s = await sentMessage();
    const raw = fixture("outlook-ooo.eml", s.values).replace(/until Monday, March 16, =\r\n2026 /, "");
    await viaMime(raw);
    const after = await state(s);
    expect(after.enrollment.resumeAt).toEqual(new Date(new Date("2026-03-02T14:00:08Z").getTime() + 7 * 86_400_000));
  });
});

describe("bounces", () => {
  it("a Gmail hard bounce (SendGrid split, DSN parts as attachments) marks the message bounced, puts the address on the do-not-email list and stops the sequence", async () => {
    const s = await sentMessage();
    const res = await viaSendgridSplit(fixture("gmail-bounce.eml", s.values), [s.values.BOUNCE_ADDRESS]);
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ matched: true, kind: "BOUNCE", matchedBy: "token" });
    const after = await state(s);
    expect(after.outreach.bouncedAt).not.toBeNull();
    expect(after.outreach.repliedAt).toBeNull();
    expect(after.suppression).toMatchObject({ reason: "BOUNCED" });
    expect(after.enrollment).toMatchObject({ status: "STOPPED", stopReason: "bounced" });
    expect(after.inbound[0]).toMatchObject({ bounceType: "hard", bounceStatus: "5.1.1" });
    expect(captured.some((m) => m.kind === "reply-forward" && m.subject.includes("Delivery Status"))).toBe(false);
  });

  it("an Exchange DSN sent to the rep's own address is matched by the Message-ID of the original it quotes", async () => {
    const s = await sentMessage();
    const raw = fixture("exchange-dsn.eml", s.values).replace(/^(In-Reply-To|References):.*\r\n/gim, "");
    const res = await viaMime(raw);
    expect(res.json.data).toMatchObject({ matched: true, kind: "BOUNCE", matchedBy: "original-message" });
    const after = await state(s);
    expect(after.inbound[0]).toMatchObject({ bounceType: "hard", bounceStatus: "5.1.10" });
    expect(after.suppression).toMatchObject({ reason: "BOUNCED" });
  });

  it("a temporary failure (4.2.2 mailbox full) sends the message again later, twice at most, and suppresses nothing", async () => {
    const s = await sentMessage();
    const soft = (raw: string) => raw.replace("Status: 5.1.1", "Status: 4.2.2").replace(/550-5\.1\.1 The email account that you tried to reach does not exist\./, "452-4.2.2 The recipient's inbox is out of storage space.");
    const res = await viaSendgridRaw(soft(fixture("gmail-bounce.eml", s.values)));
    expect(res.json.data).toMatchObject({ kind: "BOUNCE" });
    let after = await state(s);
    expect(after.inbound[0]).toMatchObject({ bounceType: "soft", bounceStatus: "4.2.2" });
    expect(after.outreach.status).toBe("QUEUED");
    expect(after.outreach.scheduledAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after.suppression).toBeNull();
    expect(after.enrollment.status).toBe("ACTIVE");

    // Sent again, bounced again (twice more): the third time it stays as it is.
    for (const expected of ["QUEUED", "SENT"]) {
      await prisma.outreach.update({ where: { id: s.outreach.id }, data: { status: "SENT" } });
      await viaSendgridRaw(soft(fixture("gmail-bounce.eml", s.values)));
      after = await state(s);
      expect(after.outreach.status).toBe(expected);
    }
    expect(after.outreach.failureReason).toMatch(/^Not delivered after 3 tries/);
  });
});

describe("duplicates, authentication, limits", () => {
  it("the same reply posted 5 times at once is recorded once, forwarded once", async () => {
    const s = await sentMessage();
    const raw = fixture("gmail-reply.eml", s.values);
    const results = await Promise.all(Array.from({ length: 5 }, () => viaSendgridRaw(raw)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.json.data?.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.json.data?.duplicate === true)).toHaveLength(4);
    const after = await state(s);
    expect(after.inbound).toHaveLength(1);
    expect(await prisma.emailEvent.count({ where: { outreachId: s.outreach.id, type: "reply" } })).toBe(1);
    expect(after.activities.filter((a) => a.type === "outreach.replied")).toHaveLength(1);
    expect(captured.filter((m) => m.kind === "reply-forward" && m.to === s.rep.email)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: s.rep.id, type: "reply" } })).toBe(1);
  });

  it("refuses a wrong or unset secret, a bad payload and an oversized body with a 4xx, changing nothing", async () => {
    const s = await sentMessage();
    const raw = fixture("gmail-reply.eml", s.values);
    const before = await prisma.inboundMessage.count();

    expect((await postInbound(mimeInbound.POST, "/api/webhooks/inbound/wrong/mime", "wrong", raw, "message/rfc822")).status).toBe(401);
    expect((await postInbound(sendgridInbound.POST, "/api/webhooks/inbound/wrong", "wrong", sendgridRawForm(raw))).status).toBe(401);
    delete process.env.INBOUND_PARSE_SECRET;
    expect((await viaMime(raw)).status).toBe(401);
    process.env.INBOUND_PARSE_SECRET = SECRET;

    const bad = [
      await viaMime(raw, "application/json"),
      await viaMime("", "message/rfc822"),
      await viaMime("this is not an email at all", "text/plain"),
      await postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, raw, "message/rfc822"),
      await postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, "--x\r\nbroken", "multipart/form-data; boundary=x"),
      await postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, (() => { const f = new FormData(); f.set("text", "hi"); return f; })()),
    ];
    expect(bad.map((r) => r.status)).toEqual([415, 422, 422, 415, 400, 422]);
    for (const r of bad) expect(r.json).toMatchObject({ success: false });

    // Over the cap (30 MB, SendGrid's own limit): 413 from the shared body reader like every
    // other route, on both doors, refused while counting, before any parsing.
    const huge = Buffer.alloc(MAX_INBOUND_BYTES + 1, 0x61).toString("latin1");
    const tooLarge = [
      await viaMime(huge),
      await postInbound(sendgridInbound.POST, `/api/webhooks/inbound/${SECRET}`, SECRET, huge, "multipart/form-data; boundary=x"),
    ];
    expect(tooLarge.map((r) => r.status)).toEqual([413, 413]);
    for (const r of tooLarge) expect(r.json).toMatchObject({ success: false, code: "payload_too_large", error: "The request body is larger than 30 MB; send less at once" });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_INBOUND_BYTES + 5_000_000) return controller.close();
        sent += 1_000_000;
        controller.enqueue(new Uint8Array(1_000_000).fill(0x61));
      },
    });
    const streamed = await postInbound(mimeInbound.POST, `/api/webhooks/inbound/${SECRET}/mime`, SECRET, stream, "message/rfc822");
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(MAX_INBOUND_BYTES + 5_000_000);

    expect(await prisma.inboundMessage.count()).toBe(before);
    expect((await state(s)).outreach.repliedAt).toBeNull();
  });

  it("the path secret never reaches the request log", () => {
    expect(loggablePath(`/api/webhooks/inbound/${SECRET}/mime`)).toBe("/api/webhooks/inbound/:redacted/mime");
    expect(loggablePath(`/api/webhooks/inbound/${SECRET}`)).toBe("/api/webhooks/inbound/:redacted");
  });
});

describe("forwarding to the rep", () => {
  it("a forward the mail server refused is kept on the reply and sent by the next cron run, once", async () => {
    const s = await sentMessage();
    refuseForwards = true;
    const res = await viaSendgridRaw(fixture("gmail-reply.eml", s.values));
    refuseForwards = false;
    expect(res.json.data).toMatchObject({ kind: "REPLY" });
    let [row] = (await state(s)).inbound;
    expect(row).toMatchObject({ forwardedAt: null, forwardAttempts: 1, forwardError: "451 4.3.0 Mail server temporarily unavailable" });
    expect((await state(s)).enrollment.status).toBe("REPLIED"); // the reply itself is recorded regardless

    await Promise.all([retryReplyForwards(), retryReplyForwards()]);
    [row] = (await state(s)).inbound;
    expect(row.forwardedAt).not.toBeNull();
    expect(captured.filter((m) => m.kind === "reply-forward" && m.to === s.rep.email)).toHaveLength(1);
  });

  it("a retry that reads the reply while another attempt is sending its forward stands back", async () => {
    const s = await sentMessage();
    refuseForwards = true;
    await viaSendgridRaw(fixture("gmail-reply.eml", s.values));
    refuseForwards = false;
    const [row] = (await state(s)).inbound;
    // The cron's attempt has claimed the reply and is at the mail server; a second retry comes.
    let second: boolean | undefined;
    whileForwarding = async () => {
      second = await forwardReplyToRep(row.id);
    };
    await retryReplyForwards();
    expect(second).toBe(false);
    expect(captured.filter((m) => m.kind === "reply-forward" && m.to === s.rep.email)).toHaveLength(1);
    expect((await state(s)).inbound[0]).toMatchObject({ forwardAttempts: 2, forwardClaimedAt: null, forwardError: null });
  });
});

describe("the development mailbox answers as the prospect", () => {
  it.each([
    ["reply", "REPLY", "REPLIED"],
    ["out_of_office", "AUTO_REPLY", "PAUSED"],
    ["bounce", "BOUNCE", "STOPPED"],
  ] as const)("%s builds a real message that goes through the inbound path", async (kind, recorded, enrollmentStatus) => {
    const s = await sentMessage();
    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: s.outreach.id } });
    const { cookie } = await createSession(s.rep.id);
    const res = await callRoute(simulateRoute.POST, `/api/dev/mailbox/${outbox.id}/simulate`, { method: "POST", cookie, params: { id: outbox.id }, body: { kind } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.data.result).toMatchObject({ status: "recorded", kind: recorded, outreachId: s.outreach.id });
    expect(res.json.data.message).toMatch(/^Recorded as /);
    const after = await state(s);
    expect(after.inbound[0]).toMatchObject({ kind: recorded, source: "dev" });
    expect(after.enrollment.status).toBe(enrollmentStatus);
    if (kind === "reply") expect(after.inbound[0].text).not.toContain(">");
    if (kind === "bounce") expect(after.suppression).toMatchObject({ reason: "BOUNCED" });
  });

  it("answers only outreach messages, only in demo mode", async () => {
    const s = await sentMessage();
    const { cookie } = await createSession(s.rep.id);
    const other = await prisma.outboxMessage.create({ data: { kind: "sign-in", toEmail: "x@example.test", fromEmail: "no-reply@eventops.dev", subject: "Sign in", html: "", text: "", transport: "dev-outbox" } });
    expect((await callRoute(simulateRoute.POST, `/api/dev/mailbox/${other.id}/simulate`, { method: "POST", cookie, params: { id: other.id }, body: { kind: "reply" } })).status).toBe(409);
    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: s.outreach.id } });
    process.env.DEMO_MODE = "false";
    try {
      expect((await callRoute(simulateRoute.POST, `/api/dev/mailbox/${outbox.id}/simulate`, { method: "POST", cookie, params: { id: outbox.id }, body: { kind: "reply" } })).status).toBe(404);
    } finally {
      process.env.DEMO_MODE = "true";
    }
    expect((await state(s)).inbound).toHaveLength(0);
  });
});
