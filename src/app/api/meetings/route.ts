import { route } from "@/server/http/route";
import { createMeetingBody, listMeetingsQuery } from "@/server/meetings/schemas";
import { createMeeting } from "@/server/meetings/scheduling";
import { listMeetings } from "@/server/meetings/queries";

// GET /api/meetings — meetings of the current (or given) event, filtered and paginated
export const GET = route({ query: listMeetingsQuery }, ({ actor, query }) => listMeetings(query, actor));

// POST /api/meetings — book a meeting (409 with the conflicts unless allowConflicts), send the invite
export const POST = route({ body: createMeetingBody, status: 201 }, ({ actor, body }) => createMeeting(body, actor));
