import { domainToASCII } from "node:url";
import { z } from "zod";

/**
 * The one parser for an address someone signs in with (Auth.js's normalizeIdentifier, the
 * allow-list, invites, ADMIN_EMAILS and the login form). It accepts exactly one plain address
 * and nothing a mail library could read as several recipients or another mailbox:
 * - one `@`; no whitespace or control characters (surrounding spaces are trimmed);
 * - a dot-atom local part in ASCII (RFC 5322 without quotes, comments, `,` `;` `<` `>` `[` `]`
 *   `\` or `:`), at most 64 characters;
 * - a host name domain with at least two labels, lower-cased and IDNA-normalised to its ASCII
 *   form (`münchen.de` → `xn--mnchen-3ya.de`); no address literals;
 * - 254 characters in all.
 * The whole address is lower-cased: our users are stored that way and no mail provider we send
 * to treats the local part case-sensitively.
 */
type ParsedEmail = { email: string; local: string; domain: string };
export type EmailParseResult = { ok: true; value: ParsedEmail } | { ok: false; reason: string };

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_LENGTH = 254;

export function parseEmailAddress(input: unknown): EmailParseResult {
  if (typeof input !== "string") return { ok: false, reason: "An email address must be text" };
  const text = input.trim();
  if (text === "") return { ok: false, reason: "Enter an email address" };
  if (text.length > MAX_LENGTH) return { ok: false, reason: "An email address has at most 254 characters" };
  if (/[\s\p{C}]/u.test(text)) return { ok: false, reason: "An email address has no spaces or invisible characters" };
  const parts = text.split("@");
  if (parts.length !== 2) return { ok: false, reason: "Enter exactly one email address, with one @" };
  const [rawLocal, rawDomain] = parts as [string, string];
  const local = rawLocal.toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return { ok: false, reason: "The part before the @ can hold letters, digits, dots and - _ + only" };
  }
  const domain = domainToASCII(rawDomain.toLowerCase());
  const labels = domain.split(".");
  if (!domain || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, reason: "The part after the @ must be a domain such as company.com" };
  }
  const email = `${local}@${domain}`;
  if (email.length > MAX_LENGTH) return { ok: false, reason: "An email address has at most 254 characters" };
  return { ok: true, value: { email, local, domain } };
}

/** The normalised address, or null when the input is not exactly one plain address. */
export function normalizeEmailOrNull(input: unknown): string | null {
  const parsed = parseEmailAddress(input);
  return parsed.ok ? parsed.value.email : null;
}

/** A domain as written in ALLOWED_EMAIL_DOMAINS (lower-case, IDNA ASCII), or null if it is not one. */
export function normalizeDomain(input: string): string | null {
  const parsed = parseEmailAddress(`x@${input.trim()}`);
  return parsed.ok ? parsed.value.domain : null;
}

/** The zod form of the parser, for request bodies that take a sign-in address (invites). */
export const signInEmailSchema = z.string().transform((value, ctx) => {
  const parsed = parseEmailAddress(value);
  if (parsed.ok) return parsed.value.email;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return z.NEVER;
});
