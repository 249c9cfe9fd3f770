import { idParams, route } from "@/server/http/route";
import { getBackgroundJobView } from "@/server/jobs/background";

// GET /api/jobs/:id — a background job's progress: done/total, current item, failed items, result
export const GET = route({ params: idParams, event: "optional" }, ({ actor, params }) => getBackgroundJobView(params.id, actor));
