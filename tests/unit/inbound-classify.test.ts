import { describe, expect, it } from "vitest";
import { classifyInbound, findReturnDate, isRemovalRequest, replyTextOf } from "@/server/inbound/classify";
import { parseMime } from "@/server/inbound/parse";
import { outreachIdFromAddresses, signReplyToken, verifyReplyToken } from "@/server/email/reply-token";

const received = new Date("2026-03-02T14:00:00Z"); // a Monday

function mail(headers: string, body: string) {
  return parseMime(`From: Dana <dana@acme.test>\r\nTo: rep@vendor.test\r\nDate: Mon, 2 Mar 2026 14:00:00 +0000\r\nMessage-ID: <x@acme.test>\r\n${headers}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`);
}

describe("out-of-office", () => {
  it.each([
    ["Auto-Submitted: auto-replied\r\nSubject: Re: hello", "Thanks for your email."],
    ["X-Autoreply: yes\r\nSubject: Re: hello", "Thanks for your email."],
    ["X-Auto-Response-Suppress: All\r\nSubject: Re: hello", "Thanks."],
    ["Precedence: auto_reply\r\nSubject: Re: hello", "Thanks."],
    ["Subject: Abwesenheitsnotiz: hello", "Danke."],
    ["Subject: Réponse automatique : hello", "Merci."],
    ["Subject: Re: hello", "I am currently out of the office with limited access to email."],
  ])("%s is an auto-reply", async (headers, body) => {
    expect(classifyInbound(await mail(headers, body)).kind).toBe("AUTO_REPLY");
  });

  it("Auto-Submitted: no is a person", async () => {
    expect(classifyInbound(await mail("Auto-Submitted: no\r\nSubject: Re: hello", "Sure, Tuesday works.")).kind).toBe("REPLY");
  });

  it.each([
    ["I am out of the office until Monday, March 16, 2026.", "2026-03-16"],
    ["I'll be back on March 9.", "2026-03-09"],
    ["Away from 2 to 13 March.", "2026-03-14"],
    ["Ich bin bis zum 12.03.2026 nicht im Büro. Ab dem 13.03.2026 bin ich wieder erreichbar.", "2026-03-12"],
    ["Je suis absente. De retour le 10 mars.", "2026-03-10"],
    ["Estoy fuera de la oficina. Estaré de vuelta el 11 de marzo.", "2026-03-11"],
    ["Sono fuori ufficio, rientro il 12 marzo.", "2026-03-12"],
    ["Ik ben afwezig, vanaf 9 maart ben ik terug.", "2026-03-09"],
  ])("finds the return date in %j", (text, day) => {
    expect(findReturnDate(text, received)?.toISOString().slice(0, 10)).toBe(day);
  });

  it("ignores dates in the past, too far away, or without a day", () => {
    expect(findReturnDate("I was back on February 2.", received)).toBeNull();
    expect(findReturnDate("I will be back on March 2, 2027.", received)).toBeNull();
    expect(findReturnDate("Back in March.", received)).toBeNull();
  });

  it("a person mentioning being away is still a person when nothing else says auto-reply", async () => {
    expect(classifyInbound(await mail("Subject: Re: hello", "I was travelling last week but yes, let's meet Tuesday at the booth?")).kind).toBe("REPLY");
  });
});

describe("removal requests", () => {
  it.each(["Please remove me from your list.", "Unsubscribe", "Stop emailing me.", "Don't contact me again", "Bitte entfernen Sie mich aus dem Verteiler.", "Merci de me désabonner.", "Por favor, darme de baja.", "Cancellatemi dalla lista."])("%j asks to stop", (text) => {
    expect(isRemovalRequest(text)).toBe(true);
  });
  it.each(["Sounds good, Tuesday?", "Not right now, maybe after the show.", "Can you remove the setup fee from the quote?"])("%j does not", (text) => {
    expect(isRemovalRequest(text)).toBe(false);
  });
  it("our own unsubscribe footer in a quote is not their words", () => {
    expect(isRemovalRequest(replyTextOf("Sounds good.\n\n--\nNot interested? Unsubscribe: http://localhost:3000/unsubscribe/abc.def"))).toBe(false);
  });
});

describe("bounces", () => {
  const report = (status: string, action = "failed") => parseMime([
    "From: MAILER-DAEMON@mx.acme.test", "To: bounces@vendor.test", "Subject: Undelivered Mail Returned to Sender", "Message-ID: <b@mx>",
    "MIME-Version: 1.0", 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', "",
    "--b", "Content-Type: text/plain", "", "The mail system could not deliver your message.",
    "--b", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.acme.test", "", "Final-Recipient: rfc822; Dana@Acme.test", `Action: ${action}`, `Status: ${status}`, "Diagnostic-Code: smtp; 550 no such user",
    "--b--", "",
  ].join("\r\n"));

  it.each([
    ["5.1.1", "failed", "hard"], ["5.2.2", "failed", "soft"], ["4.4.1", "failed", "soft"], ["4.4.7", "delayed", "delayed"], ["2.0.0", "delivered", "delivered"],
  ])("status %s, action %s → %s", async (status, action, type) => {
    const c = classifyInbound(await report(status, action));
    expect(c).toMatchObject({ kind: "BOUNCE", bounceType: type, status, recipient: "dana@acme.test" });
  });

  it("a mailer-daemon notice without a report part is read from its text", async () => {
    const m = await parseMime("From: MAILER-DAEMON@mx.test\r\nSubject: failure notice\r\nX-Failed-Recipients: dana@acme.test\r\nMessage-ID: <q@mx>\r\n\r\nSorry. 550 5.1.1 <dana@acme.test>: Recipient address rejected\r\n");
    expect(classifyInbound(m)).toMatchObject({ kind: "BOUNCE", bounceType: "hard", status: "5.1.1", recipient: "dana@acme.test" });
  });
});

describe("reply tokens", () => {
  it("verify only with the right MAC, in any case, from any of the addresses", () => {
    const token = signReplyToken("cmabc123def456ghi789jkl0", "secret");
    expect(verifyReplyToken(token, "secret")).toBe("cmabc123def456ghi789jkl0");
    expect(verifyReplyToken(token.toUpperCase(), "secret")).toBe("cmabc123def456ghi789jkl0");
    expect(verifyReplyToken(token, "other")).toBeNull();
    expect(verifyReplyToken(token.slice(0, -1) + (token.endsWith("0") ? "1" : "0"), "secret")).toBeNull();
    expect(outreachIdFromAddresses(["someone@x.test", `Reply+${token}@reply.vendor.test`], "secret")).toBe("cmabc123def456ghi789jkl0");
    expect(outreachIdFromAddresses([`other+${token}@reply.vendor.test`], "secret")).toBeNull();
  });
});

describe("parsing", () => {
  it("refuses what is not a mail", async () => {
    await expect(parseMime("")).rejects.toMatchObject({ code: "validation_error" });
    await expect(parseMime("just some words")).rejects.toMatchObject({ code: "validation_error" });
  });
});
