import { z } from "zod";
import { route } from "@/server/http/route";
import { getDashboardStats } from "@/server/dashboard/overview";
import { eventForRequest } from "@/server/insights/event-scope";

const statsQuery = z.object({ eventId: z.string().min(1).max(64).optional() });

// GET /api/dashboards/stats — the event's totals, funnel, rates and recent activity
export const GET = route({ query: statsQuery }, async ({ user, query }) => getDashboardStats((await eventForRequest(user, query.eventId)).id));
