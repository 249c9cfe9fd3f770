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
  return { items, total, page: Math.floor(skip / take) + 1, pageSize: take, limit: take, offset: skip, hasMore: skip + items.length < total };
}

/**
 * One window of a list, read the one way: the window's rows (`read` spreads the window into its
 * findMany) and the total (`count`, same filter), in parallel, answered as `paginated` does.
 */
export async function readPage<T>(q: PageQuery, read: (window: { skip: number; take: number }) => Promise<T[]>, count: () => Promise<number>): Promise<PaginatedResponse<T>> {
  const [items, total] = await Promise.all([read(pageWindow(q)), count()]);
  return paginated(items, total, q);
}
