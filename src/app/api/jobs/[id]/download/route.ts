import { jobFileResponse } from "@/server/exports/full-export";
import { idParams, route } from "@/server/http/route";
import { getJobFile } from "@/server/jobs/background";

// GET /api/jobs/:id/download — the file a finished job produced (a full export)
export const GET = route({ params: idParams, event: "optional" }, async ({ actor, params }) => jobFileResponse(await getJobFile(params.id, actor)));
