import { cronRoute } from "@/server/http/cron";
import { runSequencesCron } from "@/server/sequences/cron";
import { purgeExpiredTrash } from "@/server/trash/service";

export const maxDuration = 60;

// GET /api/cron/sequences — Vercel Cron (every 5 min): send due sequence steps within ~50 s, then empty the Trash of what is 30 days old
export const GET = cronRoute(async ({ now }) => ({ ...(await runSequencesCron(now)), trash: await purgeExpiredTrash(now) }));
