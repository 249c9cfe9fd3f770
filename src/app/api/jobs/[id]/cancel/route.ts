import { idParams, route } from "@/server/http/route";
import { cancelBackgroundJob } from "@/server/jobs/background";

// POST /api/jobs/:id/cancel — stop a background job between items (what is done stays done)
export const POST = route({ params: idParams, event: "optional" }, ({ actor, params }) => cancelBackgroundJob(params.id, actor));
