/**
 * The booth phone reconnecting after a dead zone: 50 captures queued offline reach the server in
 * one POST /api/booth/sync (what the phone sends), over HTTP against the shared `next start` on the
 * large dataset, signed in as a rep. Budget (issue 18): the whole queue synced within 5 s. Each
 * run uses new visitors (new accounts and people: the worst case, nothing to match), so it changes
 * data and runs with the mutating cases.
 */
import { randomUUID } from "node:crypto";
import { getNextServer } from "../lib/next-server";
import { summarize } from "../lib/measure";
import type { BenchCase, BenchResult } from "../lib/types";

const QUEUED = 50;

export const benchCase: BenchCase = {
  name: "booth-sync",
  mutates: true,
  async run(ctx) {
    const server = await getNextServer(ctx);
    const runs = ctx.quick ? 2 : 5;
    const durations: number[] = [];
    for (let run = 0; run < runs; run++) {
      const capturedAt = new Date(Date.now() - 3_600_000).toISOString();
      const operations = Array.from({ length: QUEUED }, (_, i) => ({
        key: randomUUID(),
        kind: "capture",
        lead: { name: `Bench Visitor ${run}-${i}`, company: `Bench Freight ${randomUUID().slice(0, 8)}`, email: `v${i}@bench-${randomUUID().slice(0, 8)}.test`, rating: "warm", tags: ["bench"], capturedAt },
      }));
      const started = performance.now();
      const res = await fetch(`${server.baseUrl}/api/booth/sync`, {
        method: "POST",
        headers: { cookie: server.cookie, "content-type": "application/json", origin: server.baseUrl },
        body: JSON.stringify({ operations }),
      });
      const body = (await res.json()) as { data?: { results: { ok: boolean }[] } };
      durations.push(performance.now() - started);
      const ok = body.data?.results.filter((r) => r.ok).length ?? 0;
      if (res.status !== 200 || ok !== QUEUED) throw new Error(`booth sync answered ${res.status} with ${ok}/${QUEUED} applied`);
    }
    const sample = summarize(durations);
    ctx.log(`booth-sync: ${QUEUED} queued captures in one request, p50 ${sample.p50.toFixed(0)} ms, max ${sample.max.toFixed(0)} ms`);
    const result: BenchResult = {
      id: "booth-sync.50-captures",
      group: "booth",
      label: `POST /api/booth/sync with ${QUEUED} queued captures (new visitors)`,
      metrics: { p50Ms: Math.round(sample.p50), maxMs: Math.round(sample.max) },
      budgets: [{ metric: "maxMs", max: 5000 }],
      note: `${runs} runs; each creates ${QUEUED} people and accounts`,
    };
    return [result];
  },
};
