import { route } from "@/server/http/route";
import { availabilityBody, getMyAvailability, setMyAvailability } from "@/server/booking/availability";

// GET /api/me/availability — my booth hours at the current event and my booking link
export const GET = route({}, ({ actor }) => getMyAvailability(actor));

// PUT /api/me/availability — replace my booth hours (and optionally my booking link)
export const PUT = route({ body: availabilityBody }, ({ actor, body }) => setMyAvailability(body, actor));
