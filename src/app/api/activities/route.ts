import { route } from "@/server/http/route";
import { listActivities, listActivitiesQuery } from "@/server/activity/feed";

// GET /api/activities — the event's activity feed, filtered by type, actor, account, person or name
export const GET = route({ query: listActivitiesQuery }, ({ actor, query }) => listActivities(actor.eventId, query));
