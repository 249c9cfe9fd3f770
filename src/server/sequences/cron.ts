import { processDueSequenceSteps } from "./engine";
import { resumeOutOfOffice } from "./out-of-office";

/**
 * What the cron route and `npm run sequences:run` report: enrollments paused by an
 * out-of-office reply whose return date has come are resumed, then one engine pass within ~50 s.
 * Locally nothing runs on a timer (no instrumentation hook): `npm run sequences:run`, or a
 * curl to /api/cron/sequences with the CRON_SECRET, sends what is due — so a developer
 * is never surprised by mail going out from a dev server left running.
 */
export async function runSequencesCron(now: Date, timeBudgetMs = 50_000) {
  const resumed = await resumeOutOfOffice(now);
  const s = await processDueSequenceSteps({ now, limit: 2_000, timeBudgetMs });
  return { resumed, processed: s.processed, sent: s.sent, queued: s.queued, tasks: s.tasks, completed: s.completed, stopped: s.stopped, errors: s.errors };
}
