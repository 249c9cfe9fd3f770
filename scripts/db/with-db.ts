/**
 * Runs a command with a ready database:
 *
 *   tsx scripts/db/with-db.ts [--seed[=demo|large|if-demo-mode]] [--worker] -- <command ...>
 *
 * 1. DATABASE_URL set → used as is; unset → embedded PostgreSQL (.data/pg, database "eventops").
 * 2. Pending migrations are applied.
 * 3. --seed: when the database has no Event yet, seedDemo() from prisma/seed fills it.
 *    --seed=if-demo-mode (what `npm start` uses): only when DEMO_MODE=true (or 1) was asked for,
 *    so a production server never creates the demo team (and its admin) by itself.
 * 4. AUTH_SECRET unset → read from (or created in) .data/auth-secret; APP_URL unset and the
 *    command is Next.js → http://localhost:<the port it is started on> (see app-url.ts).
 * 5. The command runs with DATABASE_URL and AUTH_SECRET in its environment, stdio inherited.
 *    SIGINT/SIGTERM/SIGHUP go to the command; when it exits, PostgreSQL is stopped cleanly and we
 *    exit with the command's code.
 * 6. --worker: a job-engine worker (scripts/worker.ts) runs beside the command, in the same
 *    process group (`npm run dev` and `npm run start`), unless START_WORKER=false. It gets the same
 *    signals, is restarted if it dies, and is stopped before PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bootDatabase, DATA_DIR, describeDatabase, REPO_ROOT, type BootedDatabase } from "./boot";
import { releaseLibrarySignalHandlers } from "./embedded";
import { seedIfEmpty, seedRequest, type SeedOption } from "./seed-if-empty";
import { localAppUrl } from "./app-url";

interface Args { seed: SeedOption | undefined; worker: boolean; command: string[] }

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** After forwarding a signal, give the command this long before SIGKILL. */
const CHILD_GRACE_MS = 10_000;

function parseArgs(argv: string[]): Args {
  // Without "--", our options are the leading ones and the command starts at the first other word.
  const separator = argv.indexOf("--");
  const flagsEnd = separator !== -1 ? separator : argv.findIndex((a) => !a.startsWith("--seed") && a !== "--worker");
  const flags = argv.slice(0, flagsEnd === -1 ? argv.length : flagsEnd);
  const command = flagsEnd === -1 ? [] : argv.slice(separator !== -1 ? separator + 1 : flagsEnd);
  let seed: Args["seed"];
  let worker = false;
  for (const flag of flags) {
    if (flag === "--seed" || flag === "--seed=demo") seed = "demo";
    else if (flag === "--seed=large") seed = "large";
    else if (flag === "--seed=if-demo-mode") seed = "if-demo-mode";
    else if (flag === "--worker") worker = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (command.length === 0) throw new Error("usage: tsx scripts/db/with-db.ts [--seed[=demo|large|if-demo-mode]] [--worker] -- <command ...>");
  return { seed, worker, command };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await releaseLibrarySignalHandlers();
  shutdown.listen();

  const db = await bootDatabase();
  shutdown.db = db;
  if (shutdown.requested !== undefined) return shutdown.exit(shutdown.requested);

  const t0 = performance.now();
  const seeded = await seedAsAsked(db.url, args.seed);
  const authSecret = await ensureAuthSecret();
  console.log(`[with-db] ${describeDatabase(db)}; seed: ${seeded} ${((performance.now() - t0) / 1000).toFixed(2)}s`);
  if (shutdown.requested !== undefined) return shutdown.exit(shutdown.requested);

  const childEnv = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret };
  if (args.worker && process.env.START_WORKER !== "false") shutdown.startWorker(childEnv);
  const [file, ...rest] = args.command as [string, ...string[]];
  const child = spawn(file, rest, { stdio: "inherit", env: { ...childEnv, ...withAppUrl(args.command) } });
  shutdown.child = child;
  child.on("error", (error) => {
    console.error(`[with-db] cannot run ${file}: ${error.message}`);
    void shutdown.exit(127);
  });
  child.on("exit", (code, signal) => void shutdown.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
}

function withAppUrl(command: string[]): { APP_URL?: string; AUTH_URL?: string } {
  const url = localAppUrl(command, { PORT: process.env.PORT, APP_URL: process.env.APP_URL });
  return url ? { APP_URL: url, AUTH_URL: process.env.AUTH_URL ?? url } : {};
}

/**
 * Ordering matters: the command may still use the database while it shuts down, so PostgreSQL
 * stops only after the command has exited, and the process exits only after PostgreSQL has.
 */
class Shutdown {
  db: BootedDatabase | undefined;
  child: ChildProcess | undefined;
  worker: ChildProcess | undefined;
  /** Set by the first signal: the exit code it asks for (128 + signal number). */
  requested: number | undefined;
  private exiting = false;

  listen(): void {
    for (const signal of FORWARDED_SIGNALS) process.on(signal, () => this.onSignal(signal));
  }

  /** The job worker beside the command; restarted after a crash until we shut down. */
  startWorker(env: NodeJS.ProcessEnv): void {
    const worker = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts", "worker.ts"), "--mode=server"], { stdio: ["inherit", "inherit", "inherit", "ipc"], env });
    this.worker = worker;
    worker.on("exit", (code, signal) => {
      if (this.exiting || this.requested !== undefined) return;
      console.error(`[with-db] the job worker stopped (${signal ?? `exit ${code}`}); restarting it in 5 s`);
      setTimeout(() => {
        if (!this.exiting && this.requested === undefined) this.startWorker(env);
      }, 5_000).unref();
    });
  }

  private onSignal(signal: NodeJS.Signals): void {
    const worker = this.worker;
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill(this.requested !== undefined ? "SIGKILL" : signal);
    const child = this.child;
    const code = 128 + os.constants.signals[signal];
    if (child && child.exitCode === null && child.signalCode === null) {
      if (this.requested !== undefined) {
        child.kill("SIGKILL"); // second Ctrl-C: the user wants out now
        return;
      }
      this.requested = code;
      child.kill(signal);
      setTimeout(() => child.kill("SIGKILL"), CHILD_GRACE_MS).unref();
      return;
    }
    // Before the command runs main() checks `requested` after each step, so PostgreSQL is
    // stopped cleanly once it is up; a second signal gives up waiting (the library's exit
    // hook still sends PostgreSQL SIGINT).
    if (this.requested !== undefined || this.child) void this.exit(code);
    this.requested = code;
  }

  /** The worker finishes its running jobs (SIGTERM) before PostgreSQL goes away; SIGKILL after the grace period. */
  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.kill("SIGTERM");
    const timer = setTimeout(() => worker.kill("SIGKILL"), CHILD_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  async exit(code: number): Promise<void> {
    if (this.exiting) return;
    this.exiting = true;
    await this.stopWorker();
    try {
      await this.db?.stop();
    } catch (error) {
      console.error("[with-db] stopping PostgreSQL failed:", error);
    }
    process.exit(code);
  }
}

async function seedAsAsked(databaseUrl: string, option: SeedOption | undefined): Promise<string> {
  const request = seedRequest(option, process.env.DEMO_MODE);
  return "skip" in request ? request.skip : seedIfEmpty(databaseUrl, request.scale);
}

/** Sessions must survive restarts, so a generated secret is kept next to the local database. */
async function ensureAuthSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) {
    const stored = (await fs.readFile(file, "utf8")).trim();
    if (stored) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  await fs.mkdir(DATA_DIR, { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const shutdown = new Shutdown();
main().catch((error: unknown) => {
  console.error(`[with-db] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown.exit(1);
});
