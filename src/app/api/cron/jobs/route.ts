import { cronRoute } from "@/server/http/cron";
import { drainJobs, CRON_DRAIN_BUDGET_MS } from "@/server/jobs/runtime";

export const maxDuration = 60;

// GET /api/cron/jobs — Vercel Cron (every minute): run due background jobs for ~40 s and report them
export const GET = cronRoute(() => drainJobs({ budgetMs: CRON_DRAIN_BUDGET_MS }));
