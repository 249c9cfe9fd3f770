import { route } from "@/server/http/route";
import { heatmapQuery } from "@/server/analytics/heatmap";
import { cachedHeatmap } from "@/server/cache/event-metrics";
import { eventForRequest } from "@/server/insights/event-scope";

// GET /api/analytics/heatmap — engagement by weekday × hour (event time zone) and by account × week
export const GET = route({ query: heatmapQuery }, async ({ user, query }) => cachedHeatmap(await eventForRequest(user, query.eventId), query));
