import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { toStorableDeep, toStorableText } from "@/lib/storable-text";
import { addressesIn } from "@/lib/utils";
import { AppError } from "@/server/http/errors";

/**
 * Any mail that comes back — through SendGrid Inbound Parse, the raw-MIME endpoint, a synced
 * IMAP mailbox or the development mailbox — is parsed by mailparser into one shape, so matching
 * and classification never care how it arrived.
 */
export type InboundMail = {
  /** `mid:<Message-ID>`, else `sha256:<hash of the raw mail>`: the same mail posted again has the same key. */
  dedupeKey: string;
  messageId: string | null;
  /** Message-IDs this mail answers (In-Reply-To, then References, newest last). */
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  /** Every address it was delivered to: To, Cc, Delivered-To, X-Original-To, the SMTP envelope. */
  recipients: string[];
  subject: string;
  date: Date | null;
  text: string;
  /** Lower-cased header name → value as written (first occurrence), for the auto-reply checks. */
  headers: Map<string, string>;
  /** The RFC 3464 delivery-status part of a bounce (per-message and per-recipient fields). */
  deliveryStatus: string | null;
  /** Message-IDs of the original message a bounce quotes (message/rfc822 or text/rfc822-headers part). */
  quotedMessageIds: string[];
  isDeliveryReport: boolean;
};

const MESSAGE_ID = /<[^<>\s]{1,500}>/g;
const MAX_TEXT = 200_000;

function ids(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((v) => v.match(MESSAGE_ID) ?? [`<${v.replace(/[<>\s]/g, "")}>`]).filter((v) => v.length > 2);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.flatMap((v) => [v.address, ...(v.group ?? []).map((g) => g.address)])).filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase());
}

function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value && typeof (value as { value: unknown }).value === "string") {
    const structured = value as { value: string; params?: Record<string, string> };
    return [structured.value, ...Object.entries(structured.params ?? {}).map(([k, v]) => `${k}=${v}`)].join("; ");
  }
  if (value && typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  return value === undefined || value === null ? "" : String(value);
}

/** Message-IDs named in a quoted header block (a bounce's copy of what we sent). */
function quotedIds(headerBlock: string): string[] {
  const found: string[] = [];
  for (const line of headerBlock.split(/\r?\n/).slice(0, 400)) {
    const match = /^(?:message-id|resent-message-id)\s*:\s*(<[^<>\s]{1,500}>)/i.exec(line);
    if (match) found.push(match[1]);
  }
  return found;
}

function hasReportType(mail: ParsedMail): boolean {
  const type = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  return type?.value === "multipart/report" && (type.params?.["report-type"] ?? "").toLowerCase() === "delivery-status";
}

/** Parses one raw RFC 5322 message. `envelopeTo` adds the SMTP recipients a provider reported. */
export async function parseMime(raw: Buffer | string, options: { envelopeTo?: string[] } = {}): Promise<InboundMail> {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  if (bytes.length === 0) throw new AppError("validation_error", "The message is empty");
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, { keepDeliveryStatus: true, skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch {
    throw new AppError("validation_error", "The message could not be read as MIME");
  }
  // A body with no header at all is not a mail (mailparser reads anything as a body).
  if (mail.headerLines.length === 0 || (!mail.from && !mail.messageId && !mail.subject)) {
    throw new AppError("validation_error", "The message has no From, Subject or Message-ID header");
  }

  const headers = new Map<string, string>();
  for (const [name, value] of mail.headers) if (!headers.has(name)) headers.set(name, toStorableText(headerText(value)));
  const deliveryStatus = mail.attachments.find((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType))?.content.toString("utf8") ?? null;
  const quotedMessageIds = mail.attachments
    .filter((a) => /^(message\/(global|rfc822)|text\/rfc822-headers|message\/global-headers)$/i.test(a.contentType))
    .flatMap((a) => quotedIds(a.content.toString("utf8").split(/\r?\n\r?\n/)[0] ?? ""));
  const from = mail.from?.value[0]?.address ? { address: mail.from.value[0].address.toLowerCase(), name: mail.from.value[0].name ?? "" } : null;
  const recipients = [
    ...addresses(mail.to), ...addresses(mail.cc),
    ...["delivered-to", "x-original-to", "x-forwarded-to", "envelope-to", "x-envelope-to"].flatMap((h) => addressesIn(headers.get(h) ?? "")).map((a) => a.toLowerCase()),
    ...(options.envelopeTo ?? []).map((a) => a.toLowerCase()),
  ];
  const messageId = mail.messageId ? (ids(mail.messageId)[0] ?? null) : null;
  const text = (mail.text ?? "").slice(0, MAX_TEXT);
  // Mail is other people's text: NUL bytes and broken characters are cleaned, not refused (PostgreSQL stores neither).
  return toStorableDeep({
    dedupeKey: messageId ? `mid:${messageId.toLowerCase().slice(0, 400)}` : `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
    messageId,
    inReplyTo: ids(mail.inReplyTo),
    references: ids(mail.references),
    from,
    recipients: [...new Set(recipients)],
    subject: (mail.subject ?? "").slice(0, 500),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text,
    headers,
    deliveryStatus,
    quotedMessageIds: [...new Set(quotedMessageIds)],
    isDeliveryReport: hasReportType(mail) || deliveryStatus !== null,
  });
}

/**
 * SendGrid Inbound Parse posts either the raw message (`email`, with "POST the raw, full MIME
 * message" ticked, which we recommend) or its own split: `headers`, `text`, `html`, `envelope`
 * and the attachments as files. The split form is put back together as one text/plain MIME
 * message (plus its delivery-report attachments) and parsed like any other.
 */
export async function parseSendgridForm(form: FormData): Promise<InboundMail> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const envelopeTo = envelopeRecipients(field("envelope"));
  const raw = field("email");
  if (raw) return parseMime(raw, { envelopeTo });

  const headerBlock = field("headers");
  if (!headerBlock) throw new AppError("validation_error", "The Inbound Parse post has neither the raw message (email) nor its headers");
  const kept = unfold(headerBlock).filter((line) => !/^(content-type|content-transfer-encoding|mime-version)\s*:/i.test(line));
  // SendGrid also posts Subject and From as fields of their own; carry them over when the header
  // block lacks them (on one line: a field cannot add headers of its own).
  const names = new Set(kept.map((line) => line.slice(0, Math.max(line.indexOf(":"), 0)).trim().toLowerCase()));
  for (const name of ["Subject", "From"]) {
    const value = field(name.toLowerCase());
    if (value && !names.has(name.toLowerCase())) kept.push(`${name}: ${value.split(/[\r\n]+/).join(" ")}`);
  }
  const body = field("text") ?? "";
  const reports: { type: string; content: string }[] = [];
  for (const value of form.values()) {
    if (typeof value === "string" || !/^(message\/(delivery-status|rfc822|global|global-delivery-status|global-headers)|text\/rfc822-headers)$/i.test(value.type)) continue;
    reports.push({ type: value.type.toLowerCase(), content: (await value.text()).slice(0, 500_000) });
  }
  const boundary = `eventops-${createHash("sha256").update(headerBlock).digest("hex").slice(0, 24)}`;
  const mime = reports.length === 0
    ? [...kept, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body].join("\r\n")
    : [
        ...kept, "MIME-Version: 1.0", `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`, "",
        `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body,
        ...reports.flatMap((r) => [`--${boundary}`, `Content-Type: ${r.type}`, "", r.content]),
        `--${boundary}--`, "",
      ].join("\r\n");
  return parseMime(mime, { envelopeTo });
}

function unfold(block: string): string[] {
  const lines: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && lines.length) lines[lines.length - 1] += line;
    else if (line.trim() !== "") lines.push(line);
  }
  return lines;
}

function envelopeRecipients(envelope: string | undefined): string[] {
  if (!envelope) return [];
  try {
    const parsed = JSON.parse(envelope) as { to?: unknown };
    return Array.isArray(parsed.to) ? parsed.to.filter((a): a is string => typeof a === "string").slice(0, 50) : [];
  } catch {
    return [];
  }
}
