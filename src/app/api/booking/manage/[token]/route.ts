import { route } from "@/server/http/route";
import { bookingTokenParams, managedBooking } from "@/server/booking/service";

// GET /api/booking/manage/:token — public: the prospect's own booking and the times it could move to
export const GET = route({ access: "public", params: bookingTokenParams }, ({ params }) => managedBooking(params.token));
