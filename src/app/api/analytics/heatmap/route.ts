import { route } from "@/server/http/route";
import { heatmapQuery } from "@/server/analytics/heatmap";
import { cachedHeatmap } from "@/server/cache/event-metrics";

// GET /api/analytics/heatmap — engagement by weekday × hour (event time zone) and by account × week
export const GET = route({ query: heatmapQuery }, ({ actor, query }) => cachedHeatmap(actor.event, query));
