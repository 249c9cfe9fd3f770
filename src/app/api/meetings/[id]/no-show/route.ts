import { idParams, route } from "@/server/http/route";
import { noShowBody } from "@/server/meetings/schemas";
import { markNoShow } from "@/server/meetings/service";

// POST /api/meetings/:id/no-show — the visitor did not come (with an optional note)
export const POST = route({ params: idParams, body: noShowBody }, ({ actor, params, body }) => markNoShow(params.id, body.note, actor));
