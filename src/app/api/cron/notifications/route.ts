import { cronRoute } from "@/server/http/cron";
import { TASKS } from "@/server/jobs/queue";
import { runTaskNow } from "@/server/jobs/tasks";

export const maxDuration = 60;

// GET /api/cron/notifications — triggers the engine's notifications task now (it also runs every 5 minutes on the engine's schedule)
export const GET = cronRoute(({ requestId }) => runTaskNow(TASKS.notifications, `cron-route:${requestId}`));
