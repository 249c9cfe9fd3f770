import { cronRoute } from "@/server/http/cron";
import { drainJobs, CRON_DRAIN_BUDGET_MS } from "@/server/jobs/runtime";

export const maxDuration = 60;

// GET /api/cron/sequences — the plan's cron path: the same drain as /api/cron/jobs (sequence steps are jobs of the engine)
export const GET = cronRoute(() => drainJobs({ budgetMs: CRON_DRAIN_BUDGET_MS }));
