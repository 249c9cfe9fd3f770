import { cronRoute } from "@/server/http/cron";
import { sendDueDigests } from "@/server/notifications/service";

// GET /api/cron/notifications — due tasks become notifications; immediate mails and daily digests go out
export const GET = cronRoute(({ now }) => sendDueDigests(now));
