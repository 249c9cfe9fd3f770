/**
 * Natural keys for records that arrive from outside (CSV imports, the seed): a company's
 * normalised name and its website domain.
 *
 * - normalizeName: lower-case, accents folded, punctuation removed, legal suffixes stripped from
 *   the end. Dots and apostrophes vanish without a space ("L.L.C." → "llc", "O'Neil" → "oneil");
 *   other punctuation separates words ("Tri-State" → "tri state"). A name made only of suffix
 *   words keeps them rather than normalising to "".
 * - domainFromWebsite: the host of a URL or bare domain, lower-cased, without "www." and
 *   without a port; null when the text is not a plausible domain.
 */

/** Legal-form words dropped from the end of a company name ("Acme Foods, Inc." → "acme foods"). */
const LEGAL_SUFFIXES: readonly string[] = [
  "inc",
  "incorporated",
  "llc",
  "llp",
  "lp",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "group",
  "gmbh",
];

const SUFFIX_SET = new Set(LEGAL_SUFFIXES);

export function normalizeName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let end = words.length;
  while (end > 1 && SUFFIX_SET.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(" ");
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "https://www.Acme.com/about" → "acme.com"; "acme.com" → "acme.com"; "n/a" → null. */
export function domainFromWebsite(value: string | null | undefined): string | null {
  const text = (value ?? "").trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\d?\./, "").replace(/\.$/, "");
  return DOMAIN.test(host) ? host : null;
}

/** The address to fetch for a website cell: keeps the scheme when given, else https. */
export function websiteUrl(value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.toString();
  } catch {
    return null;
  }
}
