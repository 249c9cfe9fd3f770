/**
 * What a badge or business-card QR code says, as capture-form fields.
 *
 * Badges print one of four payloads: a vCard (2.1, 3.0 or 4.0), a MECARD (the compact format of
 * Japanese phones that many registration systems copied), a URL (the organiser's lead-retrieval
 * page, or a LinkedIn profile), or plain text ("Name\nCompany\nemail", or the same separated by
 * | ; ^ or tabs). Only the fields the capture form has are read; everything else is ignored.
 *
 * Why not a vCard library: the maintained ones (ical.js, vcf) parse RFC 6350 / jCard strictly and
 * refuse the 2.1 dialect with QUOTED-PRINTABLE values that badge printers still emit, while this
 * needs seven properties and must never throw on a scan.
 */

export type BadgeFields = {
  name?: string;
  company?: string;
  email?: string;
  title?: string;
  phone?: string;
  linkedin?: string;
  note?: string;
};

export type BadgeFormat = "vcard" | "mecard" | "url" | "text";

export type ParsedBadge = { format: BadgeFormat; fields: BadgeFields };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /^\+?[\d\s().-]{7,}$/;

export function parseBadgePayload(raw: string): ParsedBadge {
  const text = raw.replace(/^\uFEFF/, "").trim();
  if (/^BEGIN:VCARD/i.test(text)) return { format: "vcard", fields: clean(parseVCard(text)) };
  if (/^MECARD:/i.test(text)) return { format: "mecard", fields: clean(parseMeCard(text)) };
  if (/^https?:\/\/\S+$/i.test(text)) return { format: "url", fields: clean(parseUrl(text)) };
  return { format: "text", fields: clean(parsePlainText(text)) };
}

function clean(fields: BadgeFields): BadgeFields {
  const out: BadgeFields = {};
  for (const [key, value] of Object.entries(fields) as [keyof BadgeFields, string | undefined][]) {
    const v = value?.replace(/\s+/g, " ").trim();
    if (v) out[key] = v.slice(0, key === "note" ? 2000 : 254);
  }
  if (out.email) out.email = out.email.toLowerCase();
  return out;
}

// ── vCard ─────────────────────────────────────────────────────────────────────────────────

type VProperty = { name: string; params: Record<string, string>; value: string };

function parseVCard(text: string): BadgeFields {
  const props = vCardProperties(text);
  const first = (name: string) => props.find((p) => p.name === name);
  const n = first("N")?.value.split(/(?<!\\);/).map(unescapeVCard) ?? [];
  const fromN = [n[3], n[1], n[2], n[0], n[4]].filter(Boolean).join(" ");
  const emails = props.filter((p) => p.name === "EMAIL");
  const workEmail = emails.find((p) => /work|pref|internet/i.test(Object.values(p.params).join(" ") + Object.keys(p.params).join(" "))) ?? emails[0];
  const urls = props.filter((p) => p.name === "URL").map((p) => unescapeVCard(p.value));
  const linkedin = urls.find((u) => /linkedin\.com\//i.test(u));
  const note = first("NOTE");
  return {
    name: first("FN") ? unescapeVCard(first("FN")!.value) : fromN,
    company: first("ORG") ? unescapeVCard(first("ORG")!.value.split(/(?<!\\);/)[0]) : undefined,
    email: workEmail ? unescapeVCard(workEmail.value).replace(/^mailto:/i, "") : undefined,
    title: first("TITLE") ? unescapeVCard(first("TITLE")!.value) : undefined,
    phone: first("TEL") ? unescapeVCard(first("TEL")!.value).replace(/^tel:/i, "") : undefined,
    linkedin,
    note: note ? unescapeVCard(note.value) : undefined,
  };
}

/** Unfolded content lines as properties: group prefixes dropped, parameters kept, QP decoded. */
function vCardProperties(text: string): VProperty[] {
  // RFC 2425/6350 folding: CRLF followed by one space or tab continues the line. vCard 2.1
  // quoted-printable soft breaks end a line with "=".
  const unfolded = text.replace(/\r\n|\r/g, "\n").replace(/=\n/g, "").replace(/\n[ \t]/g, "");
  const props: VProperty[] = [];
  for (const line of unfolded.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const [head, ...paramParts] = line.slice(0, colon).split(";");
    const name = head.replace(/^[^.]*\./, "").toUpperCase();
    const params: Record<string, string> = {};
    for (const part of paramParts) {
      const [k, v] = part.split("=");
      params[k.toUpperCase()] = (v ?? k).toUpperCase();
    }
    let value = line.slice(colon + 1);
    if (params.ENCODING === "QUOTED-PRINTABLE" || params["QUOTED-PRINTABLE"]) value = decodeQuotedPrintable(value);
    props.push({ name, params, value });
  }
  return props;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function unescapeVCard(value: string): string {
  return value.replace(/\\n/gi, " ").replace(/\\([\\;,:])/g, "$1").trim();
}

// ── MECARD ────────────────────────────────────────────────────────────────────────────────

function parseMeCard(text: string): BadgeFields {
  const body = text.replace(/^MECARD:/i, "");
  const fields: Record<string, string> = {};
  for (const part of splitUnescaped(body, ";")) {
    const colon = part.search(/(?<!\\):/);
    if (colon <= 0) continue;
    const key = part.slice(0, colon).toUpperCase();
    if (!(key in fields)) fields[key] = unescapeMeCard(part.slice(colon + 1));
  }
  // N is "Last,First" (a comma separates the reading order); SOUND/NICKNAME are ignored.
  const name = fields.N?.includes(",") ? fields.N.split(",").reverse().map((s) => s.trim()).join(" ") : fields.N;
  const url = fields.URL;
  return {
    name,
    company: fields.ORG,
    email: fields.EMAIL,
    title: fields.TITLE,
    phone: fields.TEL,
    linkedin: url && /linkedin\.com\//i.test(url) ? url : undefined,
    note: fields.NOTE,
  };
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current) parts.push(current);
  return parts;
}

function unescapeMeCard(value: string): string {
  return value.replace(/\\([\\;:,"])/g, "$1");
}

// ── URL and plain text ────────────────────────────────────────────────────────────────────

function parseUrl(url: string): BadgeFields {
  if (/^https?:\/\/([a-z]+\.)?linkedin\.com\/in\//i.test(url)) return { linkedin: url };
  // An organiser's badge link: keep it with the lead, the rep types the rest.
  return { note: `Badge link: ${url}` };
}

function parsePlainText(text: string): BadgeFields {
  const parts = text.split(/\r?\n|\||\^|\t|;/).map((s) => s.trim()).filter(Boolean);
  const fields: BadgeFields = {};
  const rest: string[] = [];
  for (const part of parts) {
    const email = EMAIL.exec(part);
    if (email && !fields.email) fields.email = email[0];
    else if (PHONE.test(part) && !fields.phone) fields.phone = part;
    else if (/^https?:\/\/([a-z]+\.)?linkedin\.com\/in\//i.test(part) && !fields.linkedin) fields.linkedin = part;
    else rest.push(part);
  }
  if (rest[0]) fields.name = rest[0];
  if (rest[1]) fields.company = rest[1];
  if (rest[2]) fields.title = rest[2];
  if (rest.length > 3) fields.note = rest.slice(3).join(" · ");
  return fields;
}
