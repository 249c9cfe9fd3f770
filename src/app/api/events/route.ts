import { route } from "@/server/http/route";
import { listEvents } from "@/server/events/service";

// GET /api/events — events the team works on
export const GET = route({}, () => listEvents());
