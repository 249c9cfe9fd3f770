import { cronRoute } from "@/server/http/cron";
import { processQueuedOutreach } from "@/server/outreach/send";

// GET /api/outreach/process-queue — Vercel Cron: send queued messages whose slot has come
export const GET = cronRoute(({ now }) => processQueuedOutreach({ now, limit: 100 }));
