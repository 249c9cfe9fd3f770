import { randomBytes } from "node:crypto";
import { appUrl, env } from "@/server/env";
import { signReplyToken } from "@/server/email/reply-token";
import { angleBracketed, trimTrailing } from "@/lib/utils";
import { signToken } from "@/server/tracking/tokens";

/**
 * Turns a rep's plain-text outreach into the email that leaves: HTML paragraphs with every link
 * rewritten through the signed click redirect, an open pixel, a visible unsubscribe link, and
 * the List-Unsubscribe / List-Unsubscribe-Post headers for one-click unsubscribe (RFC 8058).
 * The plain-text part carries the same tracked links and unsubscribe URL.
 *
 * It also gives the message its identity: our own Message-ID (replies name it in
 * In-Reply-To/References), and where answers go. With INBOUND_DOMAIN set, Reply-To is
 * `"Rep" <reply+TOKEN@INBOUND_DOMAIN>` (TOKEN signed, naming the message) and the envelope sender
 * is `bounces+TOKEN@INBOUND_DOMAIN`, so replies, out-of-office notes and bounces come back to the
 * inbound webhook; without it, Reply-To is the rep's own address (a synced mailbox picks replies
 * up there).
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;

/** Links as written in a message, without the sentence punctuation that follows them. */
export function extractLinks(text: string): string[] {
  const links = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) links.add(trimLink(match[0]));
  return [...links];
}

/** Drops sentence punctuation after a link. */
function trimLink(link: string): string {
  return trimTrailing(link, ".,;:!?)]");
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function trackingUrls(outreachId: string, base = appUrl(), secret?: string) {
  return {
    pixel: `${base}/api/t/o/${signToken({ k: "o", id: outreachId }, secret)}`,
    unsubscribePage: `${base}/unsubscribe/${signToken({ k: "u", id: outreachId }, secret)}`,
    unsubscribeOneClick: `${base}/api/unsubscribe/${signToken({ k: "u", id: outreachId }, secret)}`,
    click: (url: string) => `${base}/api/t/c/${signToken({ k: "c", id: outreachId, u: url }, secret)}`,
  };
}

/**
 * The domain of EMAIL_FROM ("Name <x@domain>" or "x@domain"), used in our Message-IDs: the text
 * after the "@" of its last word. Scanned, as every address parser here is (see angleBracketed).
 */
function senderDomain(): string {
  let tail = env().EMAIL_FROM.trimEnd();
  if (tail.endsWith(">")) tail = tail.slice(0, -1);
  let wordStart = tail.length;
  while (wordStart > 0 && !/[\s>]/.test(tail[wordStart - 1]!)) wordStart--;
  const at = tail.indexOf("@", wordStart);
  return (at >= 0 ? tail.slice(at + 1) : "") || "eventops.dev";
}

/** The bare address of EMAIL_FROM. */
export function senderAddress(): string {
  return angleBracketed(env().EMAIL_FROM) ?? env().EMAIL_FROM.trim();
}

/** `"Display Name" <EMAIL_FROM address>`, or EMAIL_FROM itself without a name. */
export function fromHeader(name: string | null | undefined): string {
  const clean = name?.replace(/["\r\n<>]/g, "").trim();
  return clean ? `"${clean}" <${senderAddress()}>` : env().EMAIL_FROM;
}

function newMessageId(outreachId: string): string {
  return `<${outreachId}.${randomBytes(6).toString("hex")}@${senderDomain()}>`;
}

export type ReplyRouting = { replyTo?: string; returnPath?: string };

/** Where replies and bounces of one message go (see the module note). */
export function replyRouting(outreachId: string, sender: { name: string | null; email: string } | null | undefined, secret?: string): ReplyRouting {
  const domain = env().INBOUND_DOMAIN;
  if (!domain) return { replyTo: sender?.email };
  const token = signReplyToken(outreachId, secret);
  const name = sender?.name?.replace(/["\r\n<>]/g, "").trim();
  return {
    replyTo: name ? `"${name}" <reply+${token}@${domain}>` : `reply+${token}@${domain}`,
    returnPath: `bounces+${token}@${domain}`,
  };
}

export type ComposedEmail = {
  html: string;
  text: string;
  headers: Record<string, string>;
  from: string;
  messageId: string;
} & ReplyRouting;

/**
 * The sender's signature goes under every email, once. A message that already ends with it is
 * left alone; one that ends with the sender's name on its own line (an older template's
 * "Best,\n{{sender.name}}") has that line replaced by the signature rather than repeated.
 */
export function appendSignature(message: string, signature: string | null | undefined): string {
  const body = message.trimEnd();
  const sig = signature?.trim();
  if (!sig) return body;
  if (body.endsWith(sig)) return body;
  const lines = body.split("\n");
  const firstLineOfSignature = sig.split("\n")[0].trim();
  if (lines.length > 1 && lines[lines.length - 1].trim() === firstLineOfSignature) {
    return `${lines.slice(0, -1).join("\n").trimEnd()}\n${sig}`;
  }
  return `${body}\n\n${sig}`;
}

/**
 * The commercial footer every outgoing message carries (CAN-SPAM, CASL, ePrivacy): why the
 * recipient hears from us (the event's sentence), who sends (organisation and postal address,
 * Settings → Privacy) and the one-click opt-out. The sender lines are absent only on the dev
 * outbox before an admin set them; real transports refuse to send without them.
 */
export type MailFooter = { organizationName: string; postalAddress: string; reason: string | null };

function footerLines(footer: MailFooter | null | undefined): string[] {
  if (!footer) return [];
  const lines: string[] = [];
  if (footer.reason) lines.push(footer.reason);
  if (footer.organizationName) lines.push(`${footer.organizationName}, ${footer.postalAddress.split("\n").map((line) => line.trim()).filter(Boolean).join(", ")}`);
  return lines;
}

export function composeEmail(input: {
  outreachId: string;
  message: string;
  signature?: string | null;
  /** The rep the message is from: their name on From and Reply-To, their address when there is no inbound domain. */
  sender?: { name: string | null; email: string } | null;
  /** The commercial footer (see MailFooter). */
  footer?: MailFooter | null;
  base?: string;
  secret?: string;
}): ComposedEmail {
  const urls = trackingUrls(input.outreachId, input.base, input.secret);
  const footer = footerLines(input.footer);
  const body = appendSignature(input.message, input.signature);

  const rewriteText = (text: string) => text.replace(URL_PATTERN, (raw) => {
    const link = trimLink(raw);
    return urls.click(link) + raw.slice(link.length);
  });

  const htmlParagraphs = body
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => {
      const parts: string[] = [];
      let last = 0;
      for (const match of paragraph.matchAll(URL_PATTERN)) {
        const link = trimLink(match[0]);
        const start = match.index ?? 0;
        parts.push(escapeHtml(paragraph.slice(last, start)));
        parts.push(`<a href="${escapeHtml(urls.click(link))}">${escapeHtml(link)}</a>`);
        last = start + link.length;
      }
      parts.push(escapeHtml(paragraph.slice(last)));
      return `<p style="margin:0 0 1em">${parts.join("").replace(/\n/g, "<br>")}</p>`;
    })
    .join("\n");

  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111">
${htmlParagraphs}
<p style="margin:2em 0 0;font-size:12px;color:#666">${footer.map((l) => `${escapeHtml(l)}<br>`).join("")}Not interested? <a href="${escapeHtml(urls.unsubscribePage)}">Unsubscribe</a> and we will not email you again.</p>
<img src="${escapeHtml(urls.pixel)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">
</body></html>`;

  const text = `${rewriteText(body.trim())}\n\n--\n${footer.map((l) => `${l}\n`).join("")}Not interested? Unsubscribe: ${urls.unsubscribePage}\n`;

  return {
    html,
    text,
    from: fromHeader(input.sender?.name),
    messageId: newMessageId(input.outreachId),
    ...replyRouting(input.outreachId, input.sender, input.secret),
    headers: {
      "List-Unsubscribe": `<${urls.unsubscribeOneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
