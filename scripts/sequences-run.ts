// Runs the sequence engine once against the local database (npm run sequences:run): the same
// pass Vercel Cron makes through GET /api/cron/sequences every 5 minutes.
import { prisma } from "@/server/db";
import { runSequencesCron } from "@/server/sequences/cron";

async function main() {
  const result = await runSequencesCron(new Date());
  console.log(JSON.stringify(result));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
