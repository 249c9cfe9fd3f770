/**
 * Pure string rules shared by the generator: company-name normalisation (the natural key for
 * accounts without a domain; it lives in src/lib/normalize.ts because CSV import uses it too),
 * domains, slugs and merge-field rendering.
 */

import { normalizeName } from "../../src/lib/normalize";

export {  normalizeName } from "../../src/lib/normalize";

/** "Harmon Logistics, Inc." → "harmonlogistics.com". */
export function domainFromName(name: string, tld = "com"): string {
  return `${normalizeName(name).replace(/ /g, "")}.${tld}`;
}

/** "Blue Ridge Foods" → "blue-ridge-foods". */
export function slugify(value: string): string {
  return normalizeName(value).replace(/ /g, "-");
}

/** Dana Whitfield at harmonlogistics.com with a pattern → the address that company uses. */
export type EmailPattern = "first.last" | "flast" | "first" | "firstl" | "first_last";

export function emailLocalPart(firstName: string, lastName: string, pattern: EmailPattern): string {
  const f = asciiWord(firstName);
  const l = asciiWord(lastName);
  switch (pattern) {
    case "first.last":
      return `${f}.${l}`;
    case "flast":
      return `${f.slice(0, 1)}${l}`;
    case "first":
      return f;
    case "firstl":
      return `${f}${l.slice(0, 1)}`;
    case "first_last":
      return `${f}_${l}`;
  }
}

/** "Zoë" → "zoe": a name as it can stand in an email address or a profile URL. */
export function asciiWord(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const compiled = new Map<string, string[]>();

/** Splits a template once into [text, field, text, field, …, text]. */
function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*([\w.]+)\s*\}\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * Replaces `{{path.to.value}}` merge fields; unknown fields render as "" so seeded outreach
 * never shows raw braces. The app has its own renderer for real sends; this one only builds
 * the text of already-"sent" demo messages (templates are compiled once: the large scale
 * renders 200k subjects and bodies).
 */
export function renderMergeFields(template: string, values: Readonly<Record<string, string>>): string {
  const parts = compile(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (values[parts[i]!] ?? "") + parts[i + 1]!;
  return out;
}
