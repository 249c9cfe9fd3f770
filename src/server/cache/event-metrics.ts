import { unstable_cache } from "next/cache";
import { prisma, type DbTx } from "@/server/db";
import { getEventMetrics, servedByRollups, type EventMetrics, type MetricFilters } from "@/server/dashboard/stats";
import { getEngagementHeatmap, type Heatmap } from "@/server/analytics/heatmap";

/**
 * Only for what the rollups cannot answer: figures over a date range (a report or the heatmap
 * with from/to), which are computed by scanning. Without a range the metrics and the heatmap
 * are read from the per-event rollups (a few hundred rows, ~1–3 ms whatever the event's size,
 * always current) and nothing is cached: a version check would cost as much as the read.
 *
 * The ranged aggregates are cached in Next's data cache (shared by every server instance on
 * Vercel — never a per-process Map, which serverless instances would each hold stale).
 *
 * Expiry is tied to the writes themselves, not to who made them: every cache key carries the
 * event's data version, read from the activity log. Every state change writes its activity in the
 * same transaction as the change (src/server/activity/service.ts), so a change committed by an API
 * route, a server action, the job-engine worker in another process, a cron run or a script moves
 * the version, and the next read computes afresh under the new key. The version is the newest
 * `recordedAt` of the event's activities and of team-wide ones (eventId null: a teammate's new
 * name shows in the per-rep figures) — the database clock at insert, so an activity dated earlier
 * (an offline capture synced late) still moves it. Two index probes, whatever the log's size (a
 * count was measured at ~90 ms over 200,000 activities; this is ~2 ms). The heatmap's version adds
 * the newest human open and click, since a repeat open adds an email event but no activity (a
 * provider's event dated before the newest one waits for the next activity or the lifetime).
 *
 * What is left: two writes that commit in the opposite order to their activities' inserts can let
 * a read between the commits cache figures without the first one under the final version, until
 * the next write or the 60-second lifetime (as with any cache filled on read); the lifetime also
 * bounds changes made behind the app's back (psql).
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

type VersionRow = Record<string, Date | null>;

function versionOf(row: VersionRow): string {
  return Object.values(row).map((at) => at?.getTime() ?? 0).join(":");
}

/** The event's data version for the dashboard figures: moves with every committed state change. */
async function eventMetricsVersion(eventId: string, db: DbTx = prisma): Promise<string> {
  const [row] = await db.$queryRaw<VersionRow[]>`
    SELECT (SELECT max("recordedAt") FROM activities WHERE "eventId" = ${eventId}) AS event,
           (SELECT max("recordedAt") FROM activities WHERE "eventId" IS NULL) AS team`;
  return versionOf(row);
}

/** The heatmap's version: the event's data version and its newest human open and click. */
export async function eventHeatmapVersion(eventId: string, db: DbTx = prisma): Promise<string> {
  const [row] = await db.$queryRaw<VersionRow[]>`
    SELECT (SELECT max("recordedAt") FROM activities WHERE "eventId" = ${eventId}) AS event,
           (SELECT max("recordedAt") FROM activities WHERE "eventId" IS NULL) AS team,
           (SELECT max("occurredAt") FROM email_events WHERE "eventId" = ${eventId} AND NOT "isMachine" AND type = 'open') AS opened,
           (SELECT max("occurredAt") FROM email_events WHERE "eventId" = ${eventId} AND NOT "isMachine" AND type = 'click') AS clicked`;
  return versionOf(row);
}

// Filters are plain values; Dates go into the key as ISO strings. The results hold no Dates (the
// data cache stores JSON).
export async function cachedEventMetrics(eventId: string, filters: MetricFilters = {}): Promise<EventMetrics> {
  if (servedByRollups(filters)) return getEventMetrics(eventId, filters);
  const filterKey = JSON.stringify({ ...filters, from: filters.from?.toISOString(), to: filters.to?.toISOString() });
  const key = ["event-metrics", eventId, await eventMetricsVersion(eventId), filterKey];
  return cached(key, () => getEventMetrics(eventId, filters));
}

export async function cachedHeatmap(event: { id: string; timeZone: string }, range: { from?: string; to?: string } = {}): Promise<Heatmap> {
  if (!range.from && !range.to) return getEngagementHeatmap(event, range);
  const key = ["event-heatmap", event.id, await eventHeatmapVersion(event.id), event.timeZone, range.from ?? "", range.to ?? ""];
  return cached(key, () => getEngagementHeatmap(event, range));
}
