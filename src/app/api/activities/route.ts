import { route } from "@/server/http/route";
import { listActivities, listActivitiesQuery } from "@/server/activity/feed";
import { eventForRequest } from "@/server/insights/event-scope";

// GET /api/activities — the event's activity feed, filtered by type, actor, account, person or name
export const GET = route({ query: listActivitiesQuery }, async ({ user, query }) => listActivities((await eventForRequest(user, query.eventId)).id, query));
