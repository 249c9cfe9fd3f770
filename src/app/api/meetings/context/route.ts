import { z } from "zod";
import { route } from "@/server/http/route";
import { bookingContext } from "@/server/meetings/service";

const bookingContextQuery = z.object({ personId: z.string().min(1).max(64).optional() });

// GET /api/meetings/context — what the booking dialog needs: event zone and days, team, the person
export const GET = route({ query: bookingContextQuery }, ({ actor, query }) => bookingContext(actor, query.personId));
