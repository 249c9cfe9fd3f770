import { z } from "zod";
import type { PaginatedResponse } from "@/types/api";

/**
 * The one list window every list endpoint takes: `page`/`pageSize` (our pages use these) or
 * `limit`/`offset` (what the sprint plan's clients send). When `limit` or `offset` is present
 * it wins: the window starts at `offset` (default 0) and holds `limit` rows (default: the
 * endpoint's page size). Answers carry both vocabularies, so either kind of client can page on.
 */
export function paginationFields(sizes: { pageSize: number; maxPageSize: number }) {
  return {
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(sizes.maxPageSize).default(sizes.pageSize),
    limit: z.coerce.number().int().min(1).max(sizes.maxPageSize).optional(),
    offset: z.coerce.number().int().min(0).max(100_000_000).optional(),
  };
}

export type PageQuery = { page: number; pageSize: number; limit?: number; offset?: number };

/** Rows to skip and to take for a parsed window. */
export function pageWindow(q: PageQuery): { skip: number; take: number } {
  if (q.limit !== undefined || q.offset !== undefined) return { skip: q.offset ?? 0, take: q.limit ?? q.pageSize };
  return { skip: (q.page - 1) * q.pageSize, take: q.pageSize };
}

/** The answer for one window of a list of `total` rows. */
export function paginated<T>(items: T[], total: number, q: PageQuery): PaginatedResponse<T> {
  const { skip, take } = pageWindow(q);
  return { items, total, moreThanTotal: false, page: Math.floor(skip / take) + 1, pageSize: take, limit: take, offset: skip, hasMore: skip + items.length < total };
}

/**
 * A search's total is counted up to this many rows (or to the end of the window asked for, when
 * that is further). Counting every match reads every matching row — 11,000 accounts for "log" at
 * the xl dataset — and a rep searching wants the records, not the exact number past a thousand.
 */
const SEARCH_TOTAL_CAP = 1000;

/** How many rows a capped count reads: one more than it may report, so it knows there are more. */
export function cappedCountLimit(q: PageQuery): number {
  const { skip, take } = pageWindow(q);
  return Math.max(SEARCH_TOTAL_CAP, skip + take) + 1;
}

/**
 * The answer for one window when the total was counted with `cappedCountLimit`: past the cap
 * the total is the cap and `moreThanTotal` is true ("More than 1,000 accounts match"); `hasMore`
 * stays exact, as the count reaches past the window.
 */
export function paginatedUpTo<T>(items: T[], counted: number, q: PageQuery): PaginatedResponse<T> {
  const reported = cappedCountLimit(q) - 1;
  const answer = paginated(items, counted, q);
  return counted > reported ? { ...answer, total: reported, moreThanTotal: true } : answer;
}

/**
 * One window of a list, read the one way: the window's rows (`read` spreads the window into its
 * findMany) and the total (`count`, same filter), in parallel, answered as `paginated` does.
 */
export async function readPage<T>(q: PageQuery, read: (window: { skip: number; take: number }) => Promise<T[]>, count: () => Promise<number>): Promise<PaginatedResponse<T>> {
  const [items, total] = await Promise.all([read(pageWindow(q)), count()]);
  return paginated(items, total, q);
}

/**
 * A window's rows, read in two statements: `page` finds the window's ids in the list's order,
 * then `rows` reads those rows with their related records (by `id in`), put back in that order.
 * Joined in one statement with the window's LIMIT, PostgreSQL plans each related record's lookup
 * for every row the filter could match, and puts a Memoize cache sized for that in front of it:
 * ~4 ms per relation at 250,000 people, to return 25 rows (docs/PERFORMANCE.md, round 18). By
 * ids, it plans for the 25.
 */
export async function rowsOfPage<T extends { id: string }>(page: Promise<{ id: string }[]>, rows: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const ids = (await page).map((r) => r.id);
  if (ids.length === 0) return [];
  const byId = new Map((await rows(ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
