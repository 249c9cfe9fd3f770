import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { bookingTokenParams, cancelBooking } from "@/server/booking/service";

// POST /api/booking/manage/:token/cancel — public: cancel the booking (the calendar gets METHOD:CANCEL)
export const POST = route({ access: "public", params: bookingTokenParams, rateLimit: RATE_LIMITS.booking }, ({ params }) => cancelBooking(params.token));
