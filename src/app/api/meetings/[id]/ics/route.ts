import { idParams, route } from "@/server/http/route";
import { meetingIcs } from "@/server/meetings/invites";

// GET /api/meetings/:id/ics — the calendar file as it stands (REQUEST, or CANCEL once cancelled)
export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const ics = await meetingIcs(params.id, actor);
  return new Response(ics.content, {
    headers: {
      "content-type": `text/calendar; charset=utf-8; method=${ics.method}`,
      "content-disposition": `attachment; filename="${ics.filename}"`,
      "cache-control": "no-store",
    },
  });
});
