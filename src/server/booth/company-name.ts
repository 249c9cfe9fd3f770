/**
 * The natural key of a company without a domain: lower-case, accents folded, dots and apostrophes
 * dropped, other punctuation a space, legal suffixes stripped from the end. The same rule as the
 * seed's normalizeName (prisma/seed/text.ts) so booth captures meet seeded/imported accounts.
 */
const LEGAL_SUFFIXES = new Set([
  "inc", "incorporated", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company", "ltd", "limited", "group", "gmbh",
]);

export function normalizeCompanyName(name: string): string {
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
  while (end > 1 && LEGAL_SUFFIXES.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(" ");
}
