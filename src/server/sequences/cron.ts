import { processDueSequenceSteps } from "./engine";

/** What the cron route and `npm run sequences:run` report: one engine pass within ~50 s. */
export async function runSequencesCron(now: Date, timeBudgetMs = 50_000) {
  const s = await processDueSequenceSteps({ now, limit: 2_000, timeBudgetMs });
  return { processed: s.processed, sent: s.sent, queued: s.queued, tasks: s.tasks, completed: s.completed, stopped: s.stopped, errors: s.errors };
}
