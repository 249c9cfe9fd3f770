import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { bookSlot, bookSlotBody, bookingPage, eventSlugParams, slotsQuery } from "@/server/booking/service";

// GET /api/booking/:event — public: the event's free booth slots by day (?rep= for one rep's page)
export const GET = route({ access: "public", params: eventSlugParams, query: slotsQuery }, ({ params, query }) => bookingPage(params.event, query.rep));

// POST /api/booking/:event — public: a prospect books a free slot (honeypot, timing check, rate limit)
export const POST = route({ access: "public", params: eventSlugParams, body: bookSlotBody, status: 201, rateLimit: RATE_LIMITS.booking }, ({ params, body }) => bookSlot(params.event, body));
