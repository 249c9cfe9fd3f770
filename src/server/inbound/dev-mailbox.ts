import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { z } from "zod";
import { prisma } from "@/server/db";
import { replyRouting } from "@/server/email/compose";
import { angleBracketed } from "@/lib/utils";
import { isDemoMode } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { parseMime } from "./parse";
import { receiveInboundMail, type ReceiveResult } from "./receive";

/**
 * The development mailbox's "Reply as the prospect", "Send an out-of-office" and "Bounce it":
 * each builds the real MIME message a prospect's client or mail server would send back (a reply
 * quoting ours with In-Reply-To/References, an RFC 3834 auto-reply, an RFC 3464 delivery report
 * quoting our headers) and hands its bytes to the same parsing and recording as the inbound
 * endpoints — so the demo shows the whole loop with nothing configured. Demo mode only.
 */
export const simulateInboundBody = z.strictObject({ kind: z.enum(["reply", "out_of_office", "bounce"]) });
export type SimulatedKind = z.infer<typeof simulateInboundBody>["kind"];

const REPLY_TEXT = "Thanks for reaching out, the timing is good: we are reviewing our yard operations this quarter.\n\nCould we meet at your booth on the first morning of the show?";

function domainOf(address: string): string {
  return address.split("@")[1] ?? "example.test";
}

function bareAddress(value: string): string {
  return angleBracketed(value) ?? value.trim();
}

function quote(text: string): string {
  return text.trim().split(/\r?\n/).map((line) => `> ${line}`.trimEnd()).join("\n");
}

async function build(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

export async function simulateProspectMail(outboxId: string, kind: SimulatedKind, now = new Date()) {
  if (!isDemoMode()) throw new AppError("not_found", "The development mailbox exists only in demo mode");
  const sent = await prisma.outboxMessage.findUnique({
    where: { id: outboxId },
    select: {
      id: true, kind: true, toEmail: true, fromEmail: true, subject: true, text: true, headers: true, createdAt: true,
      outreach: { select: { id: true, person: { select: { name: true } }, owner: { select: { name: true, email: true } } } },
    },
  });
  if (!sent) throw new AppError("not_found", "Message not found in the development mailbox");
  if (sent.kind !== "outreach" || !sent.outreach) throw new AppError("conflict", "Only outreach messages can be answered from the development mailbox");
  const headers = (sent.headers ?? {}) as Record<string, string>;
  const ours = headers["Message-ID"];
  if (!ours) throw new AppError("conflict", "This message has no Message-ID to answer");
  const prospect = { name: sent.outreach.person.name, address: sent.toEmail };
  const answerTo = headers["Reply-To"] ?? sent.fromEmail;
  const sentOn = sent.createdAt.toUTCString();
  const messageId = `<dev-${kind}-${randomUUID()}@${domainOf(prospect.address)}>`;

  let raw: Buffer;
  if (kind === "reply") {
    raw = await build({
      from: prospect, to: answerTo, subject: `Re: ${sent.subject}`, date: now, messageId, inReplyTo: ours, references: [ours],
      text: `${REPLY_TEXT}\n\nOn ${sentOn}, ${sent.fromEmail} wrote:\n${quote(sent.text)}\n`,
    });
  } else if (kind === "out_of_office") {
    const back = new Date(now.getTime() + 5 * 86_400_000);
    const day = back.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric" });
    raw = await build({
      from: prospect, to: answerTo, subject: `Automatic reply: ${sent.subject}`, date: now, messageId, inReplyTo: ours, references: [ours],
      headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" },
      text: `Thank you for your message. I am out of the office until ${day} with limited access to email, and will reply when I am back.\n\n${prospect.name}\n`,
    });
  } else {
    const reportTo = replyRouting(sent.outreach.id, sent.outreach.owner).returnPath ?? bareAddress(sent.fromEmail);
    raw = Buffer.from(deliveryReport({ prospect: prospect.address, reportTo, ours, subject: sent.subject, from: sent.fromEmail, messageId, now }), "utf8");
  }

  const result = await receiveInboundMail(await parseMime(raw), { source: "dev", now });
  return { kind, result, message: describe(kind, result, prospect.name) };
}

/** An RFC 3464 report as a receiving server writes it when the address does not exist. */
function deliveryReport(input: { prospect: string; reportTo: string; ours: string; subject: string; from: string; messageId: string; now: Date }): string {
  const boundary = `dsn-${randomUUID()}`;
  const host = `mx.${domainOf(input.prospect)}`;
  return [
    `From: Mail Delivery System <mailer-daemon@${host}>`, `To: ${input.reportTo}`, `Subject: Undelivered Mail Returned to Sender`,
    `Date: ${input.now.toUTCString()}`, `Message-ID: ${input.messageId}`, "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`, "",
    `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "",
    `This is the mail system at host ${host}.`, "", "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.", "",
    `<${input.prospect}>: host ${host} said: 550 5.1.1 <${input.prospect}>: Recipient address rejected: User unknown in virtual mailbox table`, "",
    `--${boundary}`, "Content-Type: message/delivery-status", "",
    `Reporting-MTA: dns; ${host}`, `Arrival-Date: ${input.now.toUTCString()}`, "",
    `Final-Recipient: rfc822; ${input.prospect}`, "Action: failed", "Status: 5.1.1",
    `Diagnostic-Code: smtp; 550 5.1.1 <${input.prospect}>: Recipient address rejected: User unknown in virtual mailbox table`, "",
    `--${boundary}`, "Content-Type: text/rfc822-headers", "",
    `From: ${input.from}`, `To: ${input.prospect}`, `Subject: ${input.subject}`, `Message-ID: ${input.ours}`, "",
    `--${boundary}--`, "",
  ].join("\r\n");
}

function describe(kind: SimulatedKind, result: ReceiveResult, name: string): string {
  if (result.status === "duplicate") return "That mail was already recorded.";
  if (result.status !== "recorded") return "The mail did not match a sent message, so nothing changed.";
  switch (kind) {
    case "reply":
      return `Recorded as a reply from ${name}: their sequences stopped and the rep was notified${result.forwarded ? "; a copy was forwarded to the rep's mailbox" : ""}.`;
    case "out_of_office":
      return `Recorded as an out-of-office note: ${name}'s sequences are paused until they are back.`;
    case "bounce":
      return `Recorded as a hard bounce: the message is marked bounced and ${name}'s address is on the do-not-email list.`;
  }
}
