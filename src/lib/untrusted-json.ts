// Readers for JSON that comes from research providers, imports and AI answers: never trust its
// shape, fall back to empty values, and only ever link to http(s) URLs.

const readText = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** Like readText, but also shows numbers (e.g. a facility count stored as a number). */
export const readTextOrNumber = (value: unknown): string | null => (typeof value === "number" ? String(value) : readText(value));

export const safeHttpUrl = (value: unknown): string | null => {
  const url = readText(value);
  return url && /^https?:\/\//i.test(url) ? url : null;
};
