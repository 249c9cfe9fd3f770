/**
 * A job-engine worker: runs the crontab (sequence steps, queued mail, meeting reminders,
 * maintenance) and every queued job until SIGINT/SIGTERM, then finishes its running jobs and
 * exits. Start any number of them, on any number of machines, against the same DATABASE_URL:
 *
 *   npm run worker                         (with the embedded database when DATABASE_URL is unset)
 *   tsx scripts/worker.ts [--mode=server]  (what `npm run start` / `npm run dev` run beside Next.js)
 */
import { prisma } from "@/server/db";
import { startWorker } from "@/server/jobs/runtime";

const mode = process.argv.includes("--mode=server") ? "server" : "standalone";

async function main() {
  const worker = await startWorker({ mode });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await worker.stop();
    } finally {
      await prisma.$disconnect().catch(() => {});
      process.exit(code);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));
  // Started by a supervisor with an IPC channel (npm run start/dev, tests): stop when it is gone, never linger as an orphan.
  if (process.send) process.on("disconnect", () => void stop(0));
  worker.done.then(() => void stop(0), (error: unknown) => {
    console.error("[worker] stopped with an error:", error);
    void stop(1);
  });
}

main().catch((error: unknown) => {
  console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
