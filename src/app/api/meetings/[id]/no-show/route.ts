import { idParams, route } from "@/server/http/route";
import { meetingOutcomeQuery, noShowBody } from "@/server/meetings/schemas";
import { markNoShow } from "@/server/meetings/lifecycle";

// POST /api/meetings/:id/no-show — the visitor did not come, with an optional note (before its day only with ?early=true)
export const POST = route({ params: idParams, query: meetingOutcomeQuery, body: noShowBody }, ({ actor, params, query, body }) => markNoShow(params.id, body.note, actor, { early: query.early === "true" }));
