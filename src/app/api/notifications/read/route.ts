import { route } from "@/server/http/route";
import { markNotificationsRead, markReadBody } from "@/server/notifications/service";

// POST /api/notifications/read — mark some (ids) or all of my notifications read
export const POST = route({ body: markReadBody, event: "optional" }, ({ actor, body }) => markNotificationsRead(actor.id, body));
