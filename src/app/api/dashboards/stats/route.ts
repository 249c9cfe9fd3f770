import { route } from "@/server/http/route";
import { dashboardStatsQuery as statsQuery, getDashboardStats } from "@/server/dashboard/overview";
import { eventForRequest } from "@/server/insights/event-scope";

// GET /api/dashboards/stats — the event's totals, funnel, rates and recent activity
export const GET = route({ query: statsQuery }, async ({ user, query }) => getDashboardStats((await eventForRequest(user, query.eventId)).id));
