import { cronRoute } from "@/server/http/cron";
import { TASKS } from "@/server/jobs/queue";
import { runTaskNow } from "@/server/jobs/tasks";

export const maxDuration = 60;

// GET /api/cron/retention — triggers the engine's retention task now (it also runs daily at 03:17 UTC on the engine's schedule)
export const GET = cronRoute(({ requestId }) => runTaskNow(TASKS.retention, `cron-route:${requestId}`));
