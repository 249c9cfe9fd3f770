import { prisma, type DbTx } from "@/server/db";
import { listRecentFeed } from "@/server/activity/feed";
import { getEventMetrics, type MetricFilters } from "@/server/dashboard/stats";

/** What GET /api/dashboards/stats and the dashboard page show: the metrics and the recent feed. */
export async function getDashboardStats(eventId: string, filters: MetricFilters = {}, db: DbTx = prisma) {
  const [metrics, recentActivity] = await Promise.all([getEventMetrics(eventId, filters, db), listRecentFeed(eventId, 12, db)]);
  return { eventId, metrics, recentActivity };
}
