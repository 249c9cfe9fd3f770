import { cronRoute } from "@/server/http/cron";
import { TASKS } from "@/server/jobs/queue";
import { runTaskNow } from "@/server/jobs/tasks";

export const maxDuration = 60;

// GET /api/cron/meeting-reminders — triggers the engine's meeting-reminders task now (it also runs every minute on the engine's schedule)
export const GET = cronRoute(({ requestId }) => runTaskNow(TASKS.meetingReminders, `cron-route:${requestId}`));
