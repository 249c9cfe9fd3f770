import { route } from "@/server/http/route";
import { heartbeatAndList, heartbeatBody, listOnline, presenceQuery } from "@/server/presence/service";

// GET /api/presence — teammates online (optionally on one record or page)
export const GET = route({ event: "optional", query: presenceQuery }, async ({ actor, query }) => ({ online: await listOnline(actor.id, query) }));

// POST /api/presence — heartbeat: where I am; answers who else is there
export const POST = route({ event: "optional", body: heartbeatBody }, ({ actor, body }) => heartbeatAndList(actor.id, body));
