import { cronRoute } from "@/server/http/cron";
import { TASKS } from "@/server/jobs/queue";
import { runTaskNow } from "@/server/jobs/tasks";

export const maxDuration = 60;

// GET /api/cron/mailboxes — triggers the engine's mailbox-sync task now: poll connected IMAP mailboxes for replies, retry failed forwards (it also runs every 5 minutes on the engine's schedule)
export const GET = cronRoute(({ requestId }) => runTaskNow(TASKS.mailboxSync, `cron-route:${requestId}`));
