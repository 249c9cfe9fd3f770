import type { Prisma } from "@/generated/prisma/client";
import type { CommitImportBody } from "@/server/import/schemas";
import { prepareImport, runImport } from "@/server/import/service";
import type { JobContext } from "@/server/jobs/background";

/** The import job's work: the same import, reporting progress per batch; a cancel stops it between batches (what was committed stays, and can be undone). */
export async function importJob(ctx: JobContext) {
  const prepared = await prepareImport(ctx.job.input as CommitImportBody, ctx.actor);
  const report = await runImport(prepared, {
    actor: ctx.actor,
    onProgress: async (p) => {
      await ctx.progress(p.processed, p.total, `Row ${p.processed} of ${p.total}`);
      await ctx.checkCancelled();
    },
  });
  return JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue;
}
