import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { acceptSlotOffer, bookingTokenParams } from "@/server/booking/service";

// POST /api/booking/offer/:token — public: accept a booth slot offered by email (books it if still free)
export const POST = route({ access: "public", params: bookingTokenParams, status: 201, rateLimit: RATE_LIMITS.booking }, ({ params }) => acceptSlotOffer(params.token));
