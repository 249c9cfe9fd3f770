// npm run jobs:run — runs what is due in the job engine once and prints the report: the same
// drain Vercel Cron makes through GET /api/cron/jobs every minute (useful with no worker running).
import { prisma } from "@/server/db";
import { drainJobs, CRON_DRAIN_BUDGET_MS } from "@/server/jobs/runtime";

drainJobs({ budgetMs: CRON_DRAIN_BUDGET_MS })
  .then((report) => console.log(JSON.stringify(report, null, 2)))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
