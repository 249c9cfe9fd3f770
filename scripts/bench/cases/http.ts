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
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

interface Target {
  id: string;
  label: string;
  paths: string[];
}

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
  return [
    {
      id: "http.api.accounts",
      label: `GET /api/accounts tier A,B · 3 statuses · by last activity · pages 1–${pages} of 50`,
      paths: Array.from({ length: pages }, (_, i) => `/api/accounts?${listQuery}&page=${i + 1}`),
    },
    { id: "http.api.person", label: `GET /api/people/:id (${people.length} people)`, paths: people.map((p) => `/api/people/${p.id}`) },
    { id: "http.page.accounts", label: "GET /dashboard/accounts (HTML)", paths: ["/dashboard/accounts"] },
    { id: "http.page.person", label: `GET /dashboard/people/:id (HTML, ${people.length} people)`, paths: people.map((p) => `/dashboard/people/${p.id}`) },
  ];
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
    const targets = await pickTargets(ctx, server);
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
      ctx.log(`http ${target.id}: ${(latencies.length / result.duration).toFixed(1)} rps, p50 ${s.p50} ms, p95 ${s.p95} ms (${statuses})`);
      results.push({
        id: target.id,
        group: "http",
        label: target.label,
        metrics: {
          rps: Math.round((latencies.length / result.duration) * 10) / 10,
          p50Ms: s.p50,
          p95Ms: s.p95,
          p99Ms: result.latency.p99,
          requests: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        },
        budgets: [
          { metric: "errors", max: 0 },
          { metric: "non2xx", max: 0 },
        ],
        note: `${CONNECTIONS} connections, ${seconds} s after ${warmupSeconds} s warm-up; p50/p95 from every response time; ${server.build.ran ? `built first (${server.build.seconds.toFixed(0)} s)` : "reused .next build"}`,
      });
    }
    return results;
  },
};
