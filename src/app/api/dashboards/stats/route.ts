import { z } from "zod";
import { route } from "@/server/http/route";
import { getDashboardStats } from "@/server/dashboard/overview";

const statsQuery = z.object({ eventId: z.string().min(1).max(64).optional() });

// GET /api/dashboards/stats — the event's totals, funnel, rates and recent activity
export const GET = route({ query: statsQuery }, ({ actor }) => getDashboardStats(actor.eventId));
