import { route } from "@/server/http/route";
import { listNotifications, listNotificationsQuery } from "@/server/notifications/service";

// GET /api/notifications — the signed-in user's latest notifications and unread count (the bell polls it)
export const GET = route({ query: listNotificationsQuery }, ({ user, query }) => listNotifications(user.id, query));
