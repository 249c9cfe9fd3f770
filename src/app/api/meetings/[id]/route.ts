import { idParams, route } from "@/server/http/route";
import { cancelMeetingQuery, updateMeetingBody } from "@/server/meetings/schemas";
import { cancelMeeting } from "@/server/meetings/lifecycle";
import { getMeeting } from "@/server/meetings/queries";
import { updateMeeting } from "@/server/meetings/scheduling";

// GET /api/meetings/:id — one meeting of the current event
export const GET = route({ params: idParams }, ({ actor, params }) => getMeeting(params.id, actor));

// PATCH /api/meetings/:id — edit or reschedule (a new time/place sends an updated invite)
export const PATCH = route({ params: idParams, body: updateMeetingBody }, ({ actor, params, body }) => updateMeeting(params.id, body, actor));

// DELETE /api/meetings/:id — cancel (the row stays as CANCELLED; ?notify=false skips METHOD:CANCEL)
export const DELETE = route({ params: idParams, query: cancelMeetingQuery }, ({ actor, params, query }) => cancelMeeting(params.id, query, actor));
