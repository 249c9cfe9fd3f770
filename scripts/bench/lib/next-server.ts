/**
 * One production server (`next start`) on the bench database, shared by the http and lighthouse
 * cases: the first case that asks starts it, later ones get the same instance, and it stops once
 * after the last case (run.ts cleanup hook) — or, if the process dies first, on process exit.
 *
 * Rules it keeps:
 * - Loopback only: it listens on 127.0.0.1 on a free port and is only ever called there.
 * - The build is reused when `.next/BUILD_ID` is newer than every source file that goes into it,
 *   else `next build` runs first (BENCH_REBUILD=1 forces it).
 * - The per-user API rate limit is raised for this server (RATE_LIMIT_PER_MINUTE), because a load
 *   test from one signed-in user would otherwise measure 429s after the first 100 requests.
 * - Sign-in is a row in `sessions` (Auth.js database sessions) for a real seeded rep, removed
 *   again at teardown; the cookie `authjs.session-token` carries its token. This is exactly what the
 *   magic-link flow leaves behind, without a mail round trip in the measurement.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { onBenchCleanup } from "./cleanup";
import type { BenchContext } from "./types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const BUILD_INPUTS = ["src", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const RATE_LIMIT_FOR_BENCH = "1000000";

export interface NextServer {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** `Cookie` header value of the signed-in rep. */
  cookie: string;
  user: { id: string; email: string };
  /** Whether this process ran `next build` (and how long it took), or reused `.next`. */
  build: { ran: boolean; seconds: number };
}

let starting: Promise<NextServer> | undefined;

export function getNextServer(ctx: BenchContext): Promise<NextServer> {
  starting ??= start(ctx);
  return starting;
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built);
}

function ensureBuild(ctx: BenchContext): NextServer["build"] {
  if (process.env.BENCH_REBUILD !== "1" && buildIsCurrent()) {
    ctx.log("next: .next/BUILD_ID is newer than the sources; reusing the build");
    return { ran: false, seconds: 0 };
  }
  ctx.log("next: building (next build)…");
  const t0 = performance.now();
  // The build must not see the bench DATABASE_URL or anything else: it reads no environment.
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  const seconds = (performance.now() - t0) / 1000;
  ctx.log(`next: built in ${seconds.toFixed(0)} s`);
  return { ran: true, seconds };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer /api/health within ${timeoutMs / 1000} s`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // detached: the server is its own process group, so any worker it forks goes too.
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function start(ctx: BenchContext): Promise<NextServer> {
  const build = ensureBuild(ctx);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const publicUrl = `http://localhost:${port}`;
  ctx.log(`next: starting next start on ${baseUrl}`);
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in
  // Chrome DevTools, or summarise it with scripts/bench/cpu-profile-summary.ts).
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const nodeFlags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: ctx.databaseUrl,
      DEMO_MODE: "true",
      AUTH_URL: publicUrl,
      APP_URL: publicUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      // A production server refuses to start without one (src/server/env.ts).
      CRON_SECRET: randomBytes(16).toString("hex"),
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      RATE_LIMIT_PER_MINUTE: RATE_LIMIT_FOR_BENCH,
      // API answers carry per-stage durations; the http case reports where the time goes.
      SERVER_TIMING: "true",
    },
  });
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);

  const token = randomBytes(32).toString("hex");
  const stop = async () => {
    process.removeListener("exit", onExit);
    await ctx.pg.query(`DELETE FROM sessions WHERE "sessionToken" = $1`, [token]).catch(() => {});
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    ctx.log("next: server stopped");
  };
  onBenchCleanup(stop);

  try {
    await waitUntilUp(baseUrl, child);
    const user = ctx.rep;
    await ctx.pg.query(
      `INSERT INTO sessions (id, "sessionToken", "userId", expires, "createdAt") VALUES ($1, $2, $3, now() + interval '1 day', now())`,
      [`bench_${randomBytes(8).toString("hex")}`, token, user.id],
    );
    const cookie = `authjs.session-token=${token}`;
    // Proves the cookie signs in: a page answers 200 instead of redirecting to /login.
    const probe = await fetch(`${baseUrl}/dashboard`, { headers: { cookie }, redirect: "manual" });
    if (probe.status !== 200) throw new Error(`signed-in probe of /dashboard answered ${probe.status}`);
    ctx.log(`next: ready, signed in as ${user.email}`);
    return { baseUrl, cookie, user: { id: user.id, email: user.email }, build };
  } catch (error) {
    await stop();
    throw error;
  }
}
