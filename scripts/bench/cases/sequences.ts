/**
 * A sequence run over 10,000 due enrollment steps, through processDueSequenceSteps (what the
 * cron route calls), called again until nothing is due, with the capturing transport (messages
 * are recorded in memory; nothing leaves the process).
 *
 * Setup (bulk SQL, not measured): 20 new bench reps with a daily cap of 1,000 (500 sends each,
 * so the cap never queues), one ACTIVE two-step EMAIL sequence, 10,000 new people with
 * addresses on example domains (source "bench", so no suppression and not demo data) spread
 * over the seeded accounts, in America/New_York, and one enrollment each, due an hour ago.
 * `now` is fixed at Tuesday 1 Dec 2026 10:00 New York: inside the default sending window
 * (Mon–Fri 09:00–17:00 recipient time), whatever the wall clock says when the bench runs.
 */
import { prisma } from "../../../src/server/db";
import { installCaptureTransport, type MailMessage } from "../../../src/server/email/transport";
import { processDueSequenceSteps, type EngineSummary } from "../../../src/server/sequences/engine";
import { round } from "../lib/measure";
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

const STEPS = 10_000;
const OWNERS = 20;
const NOW = new Date("2026-12-01T15:00:00Z");

async function setup(ctx: BenchContext, tag: string): Promise<{ sequenceId: string }> {
  const owners = Array.from({ length: OWNERS }, (_, i) => ({
    id: `bench-rep-${tag}-${i}`, email: `bench.rep.${i}.${tag}@eventops.dev`, name: `Bench Rep ${i}`, role: "REP" as const, dailySendCap: 1000,
    signature: `Bench Rep ${i}\nYardline`,
  }));
  await prisma.user.createMany({ data: owners });
  const sequence = await prisma.sequence.create({
    data: {
      eventId: ctx.eventId, ownerId: owners[0].id, name: `Bench sequence ${tag}`, status: "ACTIVE",
      steps: {
        create: [
          { order: 1, delayDays: 0, channel: "EMAIL", subject: "{{account.name}} and your yard at {{event.name}}", body: "Hi {{person.firstName}},\n\nTeams like {{account.name}} cut gate time with Yardline. Worth 15 minutes at booth {{event.boothNumber}}? https://yardline.example/demo\n\n{{sender.name}}" },
          { order: 2, delayDays: 3, businessDays: true, channel: "EMAIL", subject: "Following up, {{person.firstName}}", body: "Hi {{person.firstName}}, following up on my note.\n\n{{sender.name}}" },
        ],
      },
    },
  });
  const client = await ctx.pg.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO people (id, "eventId", "accountId", "firstName", "lastName", name, email, "timeZone", title, source, "createdAt", "updatedAt")
       SELECT 'bench-p-' || $2::text || '-' || g, $1::text, a.ids[1 + g % cardinality(a.ids)], 'Casey', 'Bench' || g, 'Casey Bench' || g,
              'casey.' || g || '.' || $2::text || '@bench-recipients.example', 'America/New_York', 'Director of Logistics', 'bench', now(), now()
         FROM generate_series(1, $3::int) g,
              (SELECT array_agg(id ORDER BY id) AS ids FROM target_accounts WHERE "eventId" = $1::text) a`,
      [ctx.eventId, tag, STEPS],
    );
    await client.query(
      `INSERT INTO sequence_enrollments (id, "sequenceId", "personId", "accountId", "ownerId", status, "currentStep", "nextStepAt", "enrolledAt", "updatedAt")
       SELECT 'bench-e-' || $1::text || '-' || g, $2::text, p.id, p."accountId", 'bench-rep-' || $1::text || '-' || (g % $4::int), 'ACTIVE', 0,
              ($3::timestamptz - interval '1 hour') AT TIME ZONE 'UTC', ($3::timestamptz - interval '1 day') AT TIME ZONE 'UTC', now()
         FROM generate_series(1, $5::int) g JOIN people p ON p.id = 'bench-p-' || $1::text || '-' || g`,
      [tag, sequence.id, NOW.toISOString(), OWNERS, STEPS],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  await ctx.pg.query("ANALYZE sequence_enrollments; ANALYZE people");
  return { sequenceId: sequence.id };
}

export const benchCase: BenchCase = {
  name: "sequences",
  mutates: true,
  async run(ctx): Promise<BenchResult[]> {
    const tag = Date.now().toString(36);
    const { sequenceId } = await setup(ctx, tag);
    // Anything else due at NOW (an earlier --reuse run's leftovers) is archived so only this run's steps count.
    await prisma.sequence.updateMany({ where: { id: { not: sequenceId }, status: "ACTIVE" }, data: { status: "ARCHIVED" } });
    const captured: MailMessage[] = [];
    const uninstall = installCaptureTransport((m) => captured.push(m));
    const total: EngineSummary = { processed: 0, sent: 0, queued: 0, tasks: 0, completed: 0, stopped: 0, errors: 0 };
    let runs = 0;
    const t0 = performance.now();
    try {
      for (;;) {
        const r = await processDueSequenceSteps({ now: NOW });
        runs++;
        for (const k of Object.keys(total) as (keyof EngineSummary)[]) total[k] += r[k];
        if (r.processed === 0) break;
      }
    } finally {
      uninstall();
    }
    const seconds = (performance.now() - t0) / 1000;
    const sentRows = await prisma.outreach.count({ where: { enrollment: { sequenceId }, status: "SENT" } });
    ctx.log(`sequences: ${JSON.stringify({ ...total, runs, captured: captured.length, sentRows, seconds })}`);
    if (captured.length !== total.sent || sentRows !== total.sent) throw new Error(`captured ${captured.length} messages, engine sent ${total.sent}, ${sentRows} SENT rows`);
    return [{
      id: "sequences.run10k",
      group: "sequences",
      label: `Sequence run, ${STEPS.toLocaleString("en-US")} due steps (capturing transport)`,
      metrics: {
        steps: total.processed, seconds: round(seconds, 3), stepsPerSec: round(total.processed / seconds, 0), messagesCaptured: captured.length,
        queued: total.queued, stopped: total.stopped, errors: total.errors, engineRuns: runs - 1,
      },
      budgets: [{ metric: "seconds", max: 30 }, { metric: "errors", max: 0 }],
      note: `processDueSequenceSteps({ now }) with cron defaults until nothing is due; ${OWNERS} senders (cap 1,000/day), now = Tue 10:00 New York (inside the window)`,
    }];
  },
};
