import { route } from "@/server/http/route";
import { listNotifications, listNotificationsQuery } from "@/server/notifications/service";

// GET /api/notifications — the signed-in user's latest notifications and unread count (the bell polls it)
export const GET = route({ query: listNotificationsQuery, event: "optional" }, ({ actor, query }) => listNotifications(actor.id, query));
