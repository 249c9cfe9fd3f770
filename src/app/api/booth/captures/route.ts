import { route } from "@/server/http/route";
import { listCaptures, listCapturesQuery } from "@/server/booth/captures";

// GET /api/booth/captures — the team's captures at this event (?rating=hot for the hot leads, ?day=, ?mine=true)
export const GET = route({ query: listCapturesQuery }, ({ actor, query }) => listCaptures(actor, query));
