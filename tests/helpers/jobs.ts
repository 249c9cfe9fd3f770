import { expect } from "vitest";
import { prisma } from "@/server/db";
import { drainJobs } from "@/server/jobs/runtime";

/** Runs the job engine in this process until nothing is due (what a cron call or a worker does). */
export async function runJobs(budgetMs = 30_000) {
  const report = await drainJobs({ budgetMs });
  expect(report.stoppedBy).toBe("idle");
  return report;
}

/** A background job's row after the engine ran. */
export function jobRow(id: string) {
  return prisma.backgroundJob.findUniqueOrThrow({ where: { id } });
}
