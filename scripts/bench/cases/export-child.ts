/**
 * One full export in its own process, so its peak memory is its own (not the harness's, which
 * holds the other cases' data): `node --import tsx scripts/bench/cases/export-child.ts <format>`
 * with DATABASE_URL set. Consumes the stream to the end, counts bytes (and lines for the text
 * formats, and NDJSON lines per entity) and prints one JSON line: bytes, lines, seconds, cpuSeconds (this process only), maxRssKb (process.resourceUsage,
 * the kernel's high-water mark), baselineRssKb (after loading and one Prisma query), sampledPeakRssKb (rss sampled every 20 ms, for comparison).
 */
import { createFullExport } from "../../../src/server/exports/full-export";
import { resolveActor } from "../../../src/server/access/actor";

const format = process.argv[2] as "csv" | "ndjson" | "json";
const eventId = process.env.BENCH_EVENT_ID;
const actorId = process.env.BENCH_ACTOR_ID;
if (!eventId || !actorId || !["csv", "ndjson", "json"].includes(format)) throw new Error("usage: BENCH_EVENT_ID=… BENCH_ACTOR_ID=… export-child.ts csv|ndjson|json");

// What the process holds before exporting anything: modules loaded and Prisma's first query done.
const { prisma } = await import("../../../src/server/db");
const actor = await resolveActor(await prisma.user.findUniqueOrThrow({ where: { id: actorId }, select: { id: true, email: true, name: true, image: true, role: true, lastEventId: true } }), eventId);
const baselineRssKb = Math.round(process.memoryUsage.rss() / 1024);

let sampledPeak = process.memoryUsage.rss();
const sampler = setInterval(() => { sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss()); }, 20);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { stream } = await createFullExport({ format }, actor);
let bytes = 0;
let lines = 0;
// NDJSON: lines per entity, read from each line's start (`{"entity":"people","record":…`), so the
// benchmark can check each entity against the database. A line can span two chunks.
const NDJSON_PREFIX = '{"entity":"';
const perEntity: Record<string, number> = {};
let head = "";
let readingHead = format === "ndjson";
const reader = stream.getReader();
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  if (format === "csv") continue;
  for (let i = 0; i < value.length; i++) {
    const byte = value[i];
    if (byte === 10) {
      lines++;
      head = "";
      readingHead = format === "ndjson";
    } else if (readingHead) {
      head += String.fromCharCode(byte);
      if (byte === 34 && head.length > NDJSON_PREFIX.length) {
        const entity = head.startsWith(NDJSON_PREFIX) ? head.slice(NDJSON_PREFIX.length, -1) : "(unreadable line)";
        perEntity[entity] = (perEntity[entity] ?? 0) + 1;
        readingHead = false;
      }
    }
  }
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
process.stdout.write(`${JSON.stringify({ format, bytes, lines, perEntity, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS, baselineRssKb, sampledPeakRssKb: Math.round(sampledPeak / 1024) })}\n`);
await prisma.$disconnect();
process.exit(0);
