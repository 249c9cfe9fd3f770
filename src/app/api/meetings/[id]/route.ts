import { idParams, route } from "@/server/http/route";
import { cancelMeetingQuery, updateMeetingBody } from "@/server/meetings/schemas";
import { cancelMeeting, getMeeting, updateMeeting } from "@/server/meetings/service";

// GET /api/meetings/:id — one meeting of the current event
export const GET = route({ params: idParams }, ({ user, params }) => getMeeting(params.id, user));

// PATCH /api/meetings/:id — edit or reschedule (a new time/place sends an updated invite)
export const PATCH = route({ params: idParams, body: updateMeetingBody }, ({ user, params, body }) => updateMeeting(params.id, body, user));

// DELETE /api/meetings/:id — cancel (the row stays as CANCELLED; ?notify=false skips METHOD:CANCEL)
export const DELETE = route({ params: idParams, query: cancelMeetingQuery }, ({ user, params, query }) => cancelMeeting(params.id, query, user));
