/**
 * Over HTTP, against `next start` on the bench database with a signed-in rep (see
 * lib/next-server.ts): requests per second and latency of the accounts list API, the person
 * detail API, and the two HTML pages built from them. autocannon drives a fixed number of
 * connections for a fixed time after an unmeasured warm-up; the request path rotates through
 * list pages and through 200 people so no single cached row is measured.
 *
 * p50/p95 are computed from every response time autocannon reports (its `response` event), not
 * from its histogram, which has p50/p90/p97.5 but no p95. Any error or non-2xx answer (a 429 from
 * the rate limiter, a redirect to /login) fails the budget: a fast error is not a result.
 */
import autocannon, { type AutocannonResult } from "autocannon";
import { summarize } from "../lib/measure";
import { getNextServer, type NextServer } from "../lib/next-server";
import type { BenchCase, BenchContext, BenchResult, Budget } from "../lib/types";

interface Target {
  id: string;
  label: string;
  paths: string[];
  /** Issue 17's budgets for this request (absolute, on this 2-core machine). */
  budgets: Budget[];
}

/** The framework's floor: the same server and route wrapper with no database and no session. */
const FLOOR_ID = "http.api.floor";

const CONNECTIONS = 10;

async function pickTargets(ctx: BenchContext, server: NextServer): Promise<Target[]> {
  const { rows: people } = await ctx.pg.query<{ id: string }>(
    `SELECT id FROM people WHERE "eventId" = $1 AND "accountId" IS NOT NULL ORDER BY md5(id) LIMIT 200`,
    [ctx.eventId],
  );
  if (people.length === 0) throw new Error("the bench event has no people with an account");

  const listQuery = "tier=A,B&status=PROSPECTING,ENGAGED,MEETING_SCHEDULED&sort=lastActivityAt&dir=desc&pageSize=50";
  const first = await fetch(`${server.baseUrl}/api/accounts?${listQuery}&page=1`, { headers: { cookie: server.cookie } });
  const body = (await first.json()) as { data?: { total?: number } };
  const pages = Math.max(1, Math.min(10, Math.ceil((body.data?.total ?? 0) / 50)));
  const pageBudgets: Budget[] = [{ metric: "rps", min: 100 }, { metric: "p95Ms", max: 150 }];
  return [
    { id: FLOOR_ID, label: "GET /api/health/live (no database, no session: the framework's floor)", paths: ["/api/health/live"], budgets: [] },
    {
      id: "http.api.accounts",
      label: `GET /api/accounts tier A,B · 3 statuses · by last activity · pages 1–${pages} of 50`,
      paths: Array.from({ length: pages }, (_, i) => `/api/accounts?${listQuery}&page=${i + 1}`),
      budgets: [{ metric: "rps", min: 400 }, { metric: "p95Ms", max: 40 }],
    },
    {
      id: "http.api.person",
      label: `GET /api/people/:id (${people.length} people)`,
      paths: people.map((p) => `/api/people/${p.id}`),
      budgets: [{ metric: "rps", min: 500 }, { metric: "p95Ms", max: 30 }],
    },
    { id: "http.page.accounts", label: "GET /dashboard/accounts (HTML)", paths: ["/dashboard/accounts"], budgets: pageBudgets },
    { id: "http.page.person", label: `GET /dashboard/people/:id (HTML, ${people.length} people)`, paths: people.map((p) => `/dashboard/people/${p.id}`), budgets: pageBudgets },
  ];
}

/**
 * Mean duration of each Server-Timing stage over a sample of sequential requests (the server
 * runs with SERVER_TIMING=true): where an API request's time goes, without load.
 */
async function stageBreakdown(server: NextServer, target: Target, samples: number): Promise<Record<string, number>> {
  const sums = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const res = await fetch(server.baseUrl + target.paths[i % target.paths.length], { headers: { cookie: server.cookie } });
    await res.arrayBuffer();
    totalMs += performance.now() - t0;
    for (const part of (res.headers.get("server-timing") ?? "").split(",")) {
      const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
      if (match) sums.set(match[1], (sums.get(match[1]) ?? 0) + Number(match[2]));
    }
  }
  const stages = Object.fromEntries([...sums].map(([stage, sum]) => [`${stage}Ms`, Math.round((sum / samples) * 100) / 100]));
  return { ...stages, sequentialMs: Math.round((totalMs / samples) * 100) / 100 };
}

function run(server: NextServer, target: Target, seconds: number, onResponse?: (ms: number) => void): Promise<AutocannonResult> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        headers: { cookie: server.cookie, accept: target.paths[0].startsWith("/api/") ? "application/json" : "text/html" },
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length] }),
          },
        ],
        renderProgressBar: false,
        renderResultsTable: false,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

export const benchCase: BenchCase = {
  name: "http",
  mutates: false,
  async run(ctx) {
    const server = await getNextServer(ctx);
    // BENCH_ONLY=<regex> measures only the matching targets (while tuning or profiling one); the
    // floor is always measured, so the ratio stays reported.
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    const targets = (await pickTargets(ctx, server)).filter((t) => !only || t.id === FLOOR_ID || only.test(t.id));
    const warmupSeconds = ctx.quick ? 1 : 3;
    const seconds = ctx.quick ? 3 : 10;
    const results: BenchResult[] = [];
    for (const target of targets) {
      // A wrong cookie or a missing page must fail loudly, not be measured as fast redirects.
      const probe = await fetch(server.baseUrl + target.paths[0], { headers: { cookie: server.cookie }, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`${target.paths[0]} answered ${probe.status} to the signed-in rep`);

      await run(server, target, warmupSeconds);
      const latencies: number[] = [];
      const result = await run(server, target, seconds, (ms) => latencies.push(ms));
      const s = summarize(latencies);
      const statuses = Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}×${count}`).join(" ");
      const rps = Math.round((latencies.length / result.duration) * 10) / 10;
      const floorRps = results.find((r) => r.id === FLOOR_ID)?.metrics.rps;
      const stages = target.paths[0].startsWith("/api/") && target.id !== FLOOR_ID ? await stageBreakdown(server, target, ctx.quick ? 20 : 100) : {};
      ctx.log(`http ${target.id}: ${rps} rps, p50 ${s.p50} ms, p95 ${s.p95} ms (${statuses}) ${JSON.stringify(stages)}`);
      results.push({
        id: target.id,
        group: "http",
        label: target.label,
        metrics: {
          rps,
          // Requests per second as a share of the floor: what everything but the framework costs.
          ...(floorRps && target.id !== FLOOR_ID ? { ofFloor: Math.round((rps / floorRps) * 1000) / 1000 } : {}),
          ...stages,
          p50Ms: s.p50,
          p95Ms: s.p95,
          p99Ms: result.latency.p99,
          requests: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        },
        budgets: [
          ...target.budgets,
          { metric: "errors", max: 0 },
          { metric: "non2xx", max: 0 },
        ],
        note: `${CONNECTIONS} connections, ${seconds} s after ${warmupSeconds} s warm-up; p50/p95 from every response time; ${server.build.ran ? `built first (${server.build.seconds.toFixed(0)} s)` : "reused .next build"}`,
      });
    }
    return results;
  },
};
