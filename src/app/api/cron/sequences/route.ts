import { cronRoute } from "@/server/http/cron";
import { runSequencesCron } from "@/server/sequences/cron";

export const maxDuration = 60;

// GET /api/cron/sequences — Vercel Cron (every 5 min): send due sequence steps within ~50 s
export const GET = cronRoute(({ now }) => runSequencesCron(now));
