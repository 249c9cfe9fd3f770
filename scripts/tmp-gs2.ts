import path from "node:path";
import { startEmbeddedPostgres } from "./db/embedded";
const server = await startEmbeddedPostgres({ dataDir: path.resolve(".data", process.argv[2] ?? "bench", "pg"), databaseName: "eventops_bench" });
process.env.DATABASE_URL = server.url;
const { prisma } = await import("../src/server/db");
const { Prisma } = await import("../src/generated/prisma/client");
const { globalSearch, searchQuery } = await import("../src/server/search/service");
const ev = await prisma.event.findFirstOrThrow({ where: { slug: "manifest-2026" } });
const actor = { eventId: ev.id, event: ev } as any;
const terms = (process.argv[3] ?? "nor,logistics").split(",");
const explain = process.env.EXPLAIN === "1";
for (const q of terms) {
  const times: Record<number, number[]> = {};
  const sqls: any[] = [];
  for (let i = 0; i < 8; i++) {
    let n = 0;
    const db = { $queryRaw: (strings: TemplateStringsArray, ...vals: unknown[]) => { const k = n++; const t = performance.now(); if (i === 0) sqls[k] = Prisma.sql(strings, ...vals); return prisma.$queryRaw(strings, ...vals).then((r: unknown) => { (times[k] ??= []).push(performance.now() - t); return r; }); } } as any;
    await globalSearch(searchQuery.parse({ q, eventId: ev.id }), actor, db);
  }
  console.log(q, Object.entries(times).map(([k, v]) => { v.sort((a, b) => a - b); return `#${k}:${v[4].toFixed(1)}`; }).join(" "));
  if (explain) for (const [k, s] of sqls.entries()) {
    const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, ...s.values);
    console.log(`--- #${k}`); console.log(rows.map((r) => r["QUERY PLAN"]).filter((l) => /actual time=[\d.]+\.\.([1-9]\d*\.\d+|[2-9]\.\d+)/.test(l) || /Execution|Planning/.test(l)).join("\n"));
  }
}
await prisma.$disconnect(); await server.stop();
