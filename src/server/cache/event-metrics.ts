import { unstable_cache } from "next/cache";
import { prisma, type DbTx } from "@/server/db";
import { getEventMetrics, type EventMetrics, type MetricFilters } from "@/server/dashboard/stats";
import { getEngagementHeatmap, type Heatmap } from "@/server/analytics/heatmap";

/**
 * The dashboard's aggregates, cached in Next's data cache (shared by every server instance on
 * Vercel — never a per-process Map, which serverless instances would each hold stale).
 *
 * Expiry is tied to the writes themselves, not to who made them: every cache key carries the
 * event's data version, read from the activity log. Every state change writes its activity in the
 * same transaction as the change (src/server/activity/service.ts), so a change committed by an
 * API route, a server action, the job-engine worker in another process, a cron run or a script
 * moves the version, and the next read computes afresh under the new key. The version is the
 * count and the latest time of the event's activities (and of team-wide ones, eventId null: a
 * teammate's new name shows in the per-rep figures): the count moves even when an activity is
 * recorded at an earlier time (an offline booth capture) or two transactions commit out of order.
 * The heatmap also counts the event's human email events, since a repeat open or click adds one
 * without an activity. The 60-second lifetime only bounds what a change made behind the app's back
 * (psql) can leave behind.
 *
 * Outside a Next.js server (tests, scripts, the benchmark) there is no data cache: the wrappers
 * call the services directly, so those always see the database as it is.
 */
const LIFETIME_SECONDS = 60;

function outsideNext(error: unknown): boolean {
  return error instanceof Error && /incrementalCache missing|static generation store missing/.test(error.message);
}

async function cached<T>(key: string[], compute: () => Promise<T>): Promise<T> {
  try {
    return await unstable_cache(compute, key, { revalidate: LIFETIME_SECONDS })();
  } catch (error) {
    if (outsideNext(error)) return compute();
    throw error;
  }
}

type VersionRow = { activities: number; lastActivity: Date | null; humanEmailEvents?: number };

function versionOf(row: VersionRow): string {
  return [row.activities, row.lastActivity?.getTime() ?? 0, ...(row.humanEmailEvents === undefined ? [] : [row.humanEmailEvents])].join(":");
}

/** The event's data version for the dashboard figures: changes with every committed state change. */
export async function eventMetricsVersion(eventId: string, db: DbTx = prisma): Promise<string> {
  const [row] = await db.$queryRaw<VersionRow[]>`
    SELECT count(*)::int AS activities, max("createdAt") AS "lastActivity"
    FROM activities WHERE "eventId" = ${eventId} OR "eventId" IS NULL`;
  return versionOf(row);
}

/** The heatmap's version: the event's data version and its human opens and clicks. */
export async function eventHeatmapVersion(eventId: string, db: DbTx = prisma): Promise<string> {
  const [row] = await db.$queryRaw<VersionRow[]>`
    SELECT count(*)::int AS activities, max("createdAt") AS "lastActivity",
      (SELECT count(*)::int FROM email_events e WHERE e."eventId" = ${eventId} AND NOT e."isMachine") AS "humanEmailEvents"
    FROM activities WHERE "eventId" = ${eventId} OR "eventId" IS NULL`;
  return versionOf(row);
}

// Filters are plain values; Dates go into the key as ISO strings. The results hold no Dates (the
// data cache stores JSON).
export async function cachedEventMetrics(eventId: string, filters: MetricFilters = {}): Promise<EventMetrics> {
  const filterKey = JSON.stringify({ ...filters, from: filters.from?.toISOString(), to: filters.to?.toISOString() });
  const key = ["event-metrics", eventId, await eventMetricsVersion(eventId), filterKey];
  return cached(key, () => getEventMetrics(eventId, filters));
}

export async function cachedHeatmap(event: { id: string; timeZone: string }, range: { from?: string; to?: string } = {}): Promise<Heatmap> {
  const key = ["event-heatmap", event.id, await eventHeatmapVersion(event.id), event.timeZone, range.from ?? "", range.to ?? ""];
  return cached(key, () => getEngagementHeatmap(event, range));
}
