import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { bookingTokenParams, rescheduleBooking, rescheduleBookingBody } from "@/server/booking/service";

// POST /api/booking/manage/:token/reschedule — public: move the booking (same calendar UID, SEQUENCE + 1)
export const POST = route({ access: "public", params: bookingTokenParams, body: rescheduleBookingBody, rateLimit: RATE_LIMITS.booking }, ({ params, body }) => rescheduleBooking(params.token, body));
