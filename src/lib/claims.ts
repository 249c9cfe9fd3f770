/**
 * A claim in a dossier or a talking point, with where it came from: a URL we read, or
 * "account data" (the account's own fields). Stored as objects; plain strings were written
 * before sources were kept and read back with no source.
 */
export const ACCOUNT_DATA = "account data";

export type Claim = { text: string; source: string };

export function readClaims(value: unknown): { text: string; source: string | null }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === "string") return item.trim() ? [{ text: item, source: null }] : [];
    if (item && typeof item === "object" && typeof (item as { text?: unknown }).text === "string") {
      const source = (item as { source?: unknown }).source;
      return [{ text: (item as { text: string }).text, source: typeof source === "string" ? source : null }];
    }
    return [];
  });
}

/** A source as a reader sees it: the host of a URL, or the words as they are. */
export function sourceLabel(source: string | null): string {
  if (!source) return "source not recorded";
  try {
    const url = new URL(source);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host + (url.pathname === "/" ? "" : url.pathname) : source;
  } catch {
    return source;
  }
}

export function isUrlSource(source: string | null): source is string {
  return Boolean(source && /^https?:\/\//i.test(source));
}
