import { route } from "@/server/http/route";
import { bookingTokenParams, managedBookingIcs } from "@/server/booking/service";

// GET /api/booking/manage/:token/ics — public: the booked meeting's calendar file as it stands
export const GET = route({ access: "public", params: bookingTokenParams }, async ({ params }) => {
  const ics = await managedBookingIcs(params.token);
  return new Response(ics.content, {
    headers: {
      "content-type": `text/calendar; charset=utf-8; method=${ics.method}`,
      "content-disposition": `attachment; filename="${ics.filename}"`,
      "cache-control": "no-store",
    },
  });
});
