import { route } from "@/server/http/route";
import { heartbeatAndList, heartbeatBody, listOnline, presenceQuery } from "@/server/presence/service";

// GET /api/presence — teammates online (optionally on one record or page)
export const GET = route({ query: presenceQuery }, async ({ user, query }) => ({ online: await listOnline(user.id, query) }));

// POST /api/presence — heartbeat: where I am; answers who else is there
export const POST = route({ body: heartbeatBody }, ({ user, body }) => heartbeatAndList(user.id, body));
