import { idParams, route } from "@/server/http/route";
import { completeMeetingBody, meetingOutcomeQuery } from "@/server/meetings/schemas";
import { completeMeeting } from "@/server/meetings/lifecycle";

// POST /api/meetings/:id/complete — outcome, next step and optionally the account's next status (before its day only with ?early=true)
export const POST = route({ params: idParams, query: meetingOutcomeQuery, body: completeMeetingBody }, ({ actor, params, query, body }) => completeMeeting(params.id, body, actor, { early: query.early === "true" }));
