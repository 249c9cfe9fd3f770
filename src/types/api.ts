// The JSON envelope every API route returns.
type ApiSuccess<T> = { success: true; data: T };
export type ApiFailure = { success: false; error: string; code: string; details?: unknown };
export type ApiResponse<T> = ApiSuccess<T> | ApiFailure;

export type PaginatedResponse<T> = {
  items: T[];
  total: number;
  /** True when more than `total` rows match: a search counts up to a cap (src/server/http/pagination.ts). */
  moreThanTotal: boolean;
  page: number;
  pageSize: number;
  /** The same window as limit/offset (see src/server/http/pagination.ts). */
  limit: number;
  offset: number;
  hasMore: boolean;
};
