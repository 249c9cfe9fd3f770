import { cronRoute } from "@/server/http/cron";
import { runRetention } from "@/server/privacy/retention";

// GET /api/cron/retention — erase never-engaged prospects whose retention period is over
export const GET = cronRoute(({ now }) => runRetention(now));
