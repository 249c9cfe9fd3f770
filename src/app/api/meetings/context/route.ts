import { route } from "@/server/http/route";
import { bookingContextQuery } from "@/server/meetings/schemas";
import { bookingContext } from "@/server/meetings/queries";

// GET /api/meetings/context — what the booking dialog needs: event zone and days, team, the person
export const GET = route({ query: bookingContextQuery }, ({ actor, query }) => bookingContext(actor, query.personId));
