import { idParams, route } from "@/server/http/route";
import { meetingOutcomeQuery } from "@/server/meetings/schemas";
import { checkInMeeting } from "@/server/meetings/lifecycle";

// POST /api/meetings/:id/check-in — the visitor arrived (before the meeting's day only with ?early=true)
export const POST = route({ params: idParams, query: meetingOutcomeQuery }, ({ actor, params, query }) => checkInMeeting(params.id, actor, { early: query.early === "true" }));
