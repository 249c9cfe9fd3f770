import { revalidateTag, unstable_cache } from "next/cache";
import { getEventMetrics, type EventMetrics, type MetricFilters } from "@/server/dashboard/stats";
import { getEngagementHeatmap, type Heatmap } from "@/server/analytics/heatmap";

/**
 * The dashboard's aggregates, cached in Next's data cache (shared by every server instance on
 * Vercel — never a per-process Map, which serverless instances would each hold stale) under one
 * tag. Every successful write through the API — any non-GET route, the tracking GETs and the cron
 * run (src/server/http/route.ts, cron.ts) — expires the tag at once, so a rep who books a meeting
 * sees it counted on their next page load; the 60-second lifetime only bounds what a change
 * made outside the app (a script, psql) can leave behind.
 *
 * Outside a Next.js server (tests, scripts, the benchmark) there is no data cache: the wrappers
 * call the services directly, so those always see the database as it is.
 */
export const METRICS_TAG = "event-metrics";
const LIFETIME_SECONDS = 60;

function outsideNext(error: unknown): boolean {
  return error instanceof Error && /incrementalCache missing|static generation store missing/.test(error.message);
}

async function cached<T>(key: string[], compute: () => Promise<T>): Promise<T> {
  try {
    return await unstable_cache(compute, key, { tags: [METRICS_TAG], revalidate: LIFETIME_SECONDS })();
  } catch (error) {
    if (outsideNext(error)) return compute();
    throw error;
  }
}

// Filters are plain values; Dates go into the key as ISO strings. The results hold no Dates (the
// data cache stores JSON).
export function cachedEventMetrics(eventId: string, filters: MetricFilters = {}): Promise<EventMetrics> {
  const key = ["event-metrics", eventId, JSON.stringify({ ...filters, from: filters.from?.toISOString(), to: filters.to?.toISOString() })];
  return cached(key, () => getEventMetrics(eventId, filters));
}

export function cachedHeatmap(event: { id: string; timeZone: string }, range: { from?: string; to?: string } = {}): Promise<Heatmap> {
  return cached(["event-heatmap", event.id, event.timeZone, range.from ?? "", range.to ?? ""], () => getEngagementHeatmap(event, range));
}

/** Expires every cached aggregate; a no-op outside a Next.js request. */
export function invalidateEventMetrics(): void {
  try {
    revalidateTag(METRICS_TAG, { expire: 0 });
  } catch (error) {
    if (!outsideNext(error)) throw error;
  }
}
