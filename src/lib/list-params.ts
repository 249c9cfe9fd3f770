import type { ZodType } from "zod";
import { fieldIssues, fieldName } from "@/lib/validation";
import { formatCount } from "@/lib/numbers";

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

/**
 * One page of a list as the list screens take it: the rows and where they stand (total, page,
 * order). `moreThanTotal`: a search counted its matches up to a cap and more match.
 */
export type ListPage<T> = { rows: T[]; total: number; moreThanTotal: boolean; page: number; pageSize: number; sort: string; dir: "asc" | "desc" };

type Dated = { lastActivityAt: Date | null; lastTouchedAt: Date | null };
type Iso<R> = Omit<R, keyof Dated> & { lastActivityAt: string | null; lastTouchedAt: string | null };

/** A service's page of accounts or people as a list screen's page (its dates as ISO strings: the page crosses to the browser). */
export function listPage<R extends Dated>(list: { items: R[]; total: number; moreThanTotal: boolean; page: number; pageSize: number }, order: { sort: string; dir: "asc" | "desc" }): ListPage<Iso<R>> {
  const rows = list.items.map((r) => ({ ...r, lastActivityAt: r.lastActivityAt?.toISOString() ?? null, lastTouchedAt: r.lastTouchedAt?.toISOString() ?? null }));
  return { rows, total: list.total, moreThanTotal: list.moreThanTotal, page: list.page, pageSize: list.pageSize, sort: order.sort, dir: order.dir };
}

/**
 * A list header's count: "5,000 target accounts at ProMat 2027", and for a search
 * "More than 1,000 target accounts at ProMat 2027 match “log”" (a search's total is capped).
 */
export function listCountSentence(list: { total: number; moreThanTotal: boolean }, noun: { one: string; many: string }, place: string, search?: string): string {
  const one = list.total === 1 && !list.moreThanTotal;
  const counted = `${list.moreThanTotal ? "More than " : ""}${formatCount(list.total)} ${one ? noun.one : noun.many} at ${place}`;
  return search ? `${counted} ${one ? "matches" : "match"} “${search}”` : counted;
}
