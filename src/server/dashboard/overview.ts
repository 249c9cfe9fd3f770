import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { listRecentFeed } from "@/server/activity/feed";
import type { MetricFilters } from "@/server/dashboard/stats";
import { cachedEventMetrics } from "@/server/cache/event-metrics";

export const dashboardStatsQuery = z.object({ eventId: z.string().min(1).max(64).optional() });

/**
 * What GET /api/dashboards/stats and the dashboard page show: the metrics (from the data cache
 * when there is one, see cache/event-metrics.ts) and the recent feed (always live: it is one
 * indexed read and the point of a feed is to be current).
 */
export async function getDashboardStats(eventId: string, filters: MetricFilters = {}, feed: { mineFor?: string } = {}, db: DbTx = prisma) {
  const [metrics, recentActivity] = await Promise.all([cachedEventMetrics(eventId, filters), listRecentFeed(eventId, 12, db, feed)]);
  return { eventId, metrics, recentActivity };
}
