import type { ZodType } from "zod";
import { fieldIssues, fieldName } from "@/lib/validation";

/**
 * The one reader of list URLs (accounts, people, outreach, meetings, activity, research):
 * Next's searchParams → a flat record (a repeated key is joined with commas, empty values are
 * dropped) → the list's zod query schema. The same URL the filter controls write
 * (useListUrl) is what the server reads, so the URL is the single source of truth. A URL that
 * does not parse (hand-edited, stale) is answered with the problems in sentences, per filter.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

export function flattenParams(searchParams: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const joined = Array.isArray(value) ? value.filter(Boolean).join(",") : value;
    if (joined !== undefined && joined !== "") out[key] = joined;
  }
  return out;
}

export type ParsedList<T> = { ok: true; query: T; raw: Record<string, string> } | { ok: false; problems: string[]; raw: Record<string, string> };

export function parseListParams<T>(searchParams: SearchParams, schema: ZodType<T>, fixed: Record<string, unknown> = {}): ParsedList<T> {
  const raw = flattenParams(searchParams);
  const parsed = schema.safeParse({ ...raw, ...fixed });
  if (parsed.success) return { ok: true, query: parsed.data, raw };
  return {
    ok: false,
    raw,
    problems: fieldIssues(parsed.error, schema).map((i) => {
      const name = i.path === "(root)" ? null : fieldName(i.path.split("."));
      return name ? `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${i.message}` : i.message;
    }),
  };
}
