import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

/**
 * Builds tailwind-merge's class map now. Its first merge builds it (every class group of
 * Tailwind's default config), ~20 ms on this machine and ~100 ms under Lighthouse's 4× phone
 * slowdown; the first component that rendered with cn() paid that inside one hydration slice.
 */
export function prepareClassMerge(): void {
  twMerge("p-0 p-1");
}

/** A select's or a filter's options from a map of value → label, in the map's order. */
export function labelOptions(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export function initials(name: string | null | undefined, fallback = "?"): string {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return fallback;
  return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/**
 * `text` without any of `characters` at its end. A loop, not `/[.!]+$/`: that expression retries
 * from every position of a long run ("!!!…!x") and so takes quadratic time.
 */
export function trimTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * What `/<([^>]+)>/` captures (the first non-empty text between "<" and the next ">"), found by
 * scanning: that expression retries from every "<" of a long "<<<…" and so takes quadratic time.
 */
export function angleBracketed(text: string): string | null {
  for (let open = text.indexOf("<"); open >= 0; open = text.indexOf("<", open + 1)) {
    const close = text.indexOf(">", open + 1);
    if (close < 0) return null;
    if (close > open + 1) return text.slice(open + 1, close);
  }
  return null;
}

/**
 * Every word of a header that looks like an address ("x@y": an "@" with something on both
 * sides), words being split at whitespace and <>,;". What `/[^\s<>,;"]+@[^\s<>,;"]+/g` matches,
 * in linear time (that expression is quadratic on a long word without an inner "@").
 */
export function addressesIn(text: string): string[] {
  return text.split(/[\s<>,;"]+/).filter((word) => {
    const at = word.indexOf("@", 1);
    return at > 0 && at < word.length - 1;
  });
}
