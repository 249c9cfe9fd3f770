import { cronRoute } from "@/server/http/cron";
import { syncAllMailboxes } from "@/server/mailboxes/sync";

export const maxDuration = 60;

// GET /api/cron/mailboxes — Vercel Cron (every 5 min): poll connected IMAP mailboxes for replies, retry failed forwards
export const GET = cronRoute(({ now }) => syncAllMailboxes(now));
