import { idParams, route } from "@/server/http/route";
import { retryBackgroundJob } from "@/server/jobs/background";

// POST /api/jobs/:id/retry — run a finished job's failed (or cancelled) items again
export const POST = route({ params: idParams, event: "optional" }, ({ actor, params }) => retryBackgroundJob(params.id, actor));
