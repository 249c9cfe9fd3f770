// Temporary (not committed): the scanning queries (main's code path, now recompute*) next to the rollup reads, same data, same moment.
import { prepareBenchDatabase } from "./lib/database";
import { measure } from "./lib/measure";
async function main() {
  const db = await prepareBenchDatabase({ reuse: true, log: (l) => process.stderr.write(l + "\n") });
  process.env.DATABASE_URL = db.url;
  process.env.LOG_LEVEL = "warn";
  const { prisma } = await import("../../src/server/db");
  const stats = await import("../../src/server/dashboard/stats");
  const heat = await import("../../src/server/analytics/heatmap");
  const event = await prisma.event.findFirstOrThrow({ where: { slug: "manifest-2026" }, select: { id: true, timeZone: true } });
  const opts = { warmup: 5, iterations: 40 };
  const rows: [string, () => Promise<unknown>][] = [
    ["metrics scan (before)", () => stats.recomputeEventMetrics(event.id)],
    ["metrics rollups (after)", () => stats.getEventMetrics(event.id)],
    ["metrics tier A+B scan (before)", () => stats.recomputeEventMetrics(event.id, { tiers: ["A", "B"] })],
    ["metrics tier A+B rollups (after)", () => stats.getEventMetrics(event.id, { tiers: ["A", "B"] })],
    ["heatmap scan (before)", () => heat.recomputeEngagementHeatmap(event)],
    ["heatmap rollups (after)", () => heat.getEngagementHeatmap(event)],
  ];
  const same = JSON.stringify(await stats.recomputeEventMetrics(event.id)) === JSON.stringify(await stats.getEventMetrics(event.id))
    && JSON.stringify(await heat.recomputeEngagementHeatmap(event)) === JSON.stringify(await heat.getEngagementHeatmap(event));
  console.log("rollups equal the scan on the bench data:", same);
  for (const [label, fn] of rows) {
    const s = await measure(fn, opts);
    console.log(`${label}: p50 ${s.p50} ms, p95 ${s.p95} ms`);
  }
  await prisma.$disconnect();
  await db.server.stop();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
