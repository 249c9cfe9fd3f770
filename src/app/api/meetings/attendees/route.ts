import { route } from "@/server/http/route";
import { attendeeSearchQuery } from "@/server/meetings/schemas";
import { searchAttendees } from "@/server/meetings/queries";

// GET /api/meetings/attendees?q= — people of the event to book a meeting with
export const GET = route({ query: attendeeSearchQuery }, ({ actor, query }) => searchAttendees(query.q, actor));
