import { route } from "@/server/http/route";
import { dashboardStatsQuery as statsQuery, getDashboardStats } from "@/server/dashboard/overview";

// GET /api/dashboards/stats — the event's totals, funnel, rates and recent activity
export const GET = route({ query: statsQuery }, ({ actor }) => getDashboardStats(actor.eventId));
