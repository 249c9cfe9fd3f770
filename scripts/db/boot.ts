/**
 * The one place that decides which database the dev/start/migrate scripts use:
 * DATABASE_URL when set (Neon, CI, any PostgreSQL), otherwise the embedded PostgreSQL with data
 * under .data/pg, database "eventops". Pending migrations are applied either way, and the job
 * engine's schema is installed or upgraded.
 * Used by with-db.ts (dev/start) and migrate.ts.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../../prisma/tooling/schema-engine";
import { installJobEngine } from "../../src/server/jobs/install";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DATA_DIR = path.join(REPO_ROOT, ".data");
// EMBEDDED_PG_DIR lets the e2e server and benchmarks keep their own throwaway cluster.
const EMBEDDED_DATA_DIR = process.env.EMBEDDED_PG_DIR ? path.resolve(process.env.EMBEDDED_PG_DIR) : path.join(DATA_DIR, "pg");
const EMBEDDED_DATABASE = "eventops";

export interface BootedDatabase {
  /** What the app should use as DATABASE_URL. */
  url: string;
  /** Undefined when DATABASE_URL pointed elsewhere. */
  embedded: EmbeddedPostgres | undefined;
  appliedMigrations: string[];
  timings: { initMs: number; startMs: number; migrateMs: number };
  /** Stops the embedded server if this process owns it; otherwise does nothing. */
  stop(): Promise<void>;
}

export async function bootDatabase(): Promise<BootedDatabase> {
  // An empty DATABASE_URL (e.g. copied from .env.example) means "unset".
  const external = process.env.DATABASE_URL || undefined;
  const embedded = external ? undefined : await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, databaseName: EMBEDDED_DATABASE });
  const url = external ?? embedded!.url;
  const stop = async () => embedded?.stop();

  const t0 = performance.now();
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(migrationUrl(url));
    // The job engine's own schema (graphile_worker) is versioned by the library: installed or upgraded here too.
    await installJobEngine(migrationUrl(url));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    embedded,
    appliedMigrations,
    timings: { initMs: embedded?.timings.initMs ?? 0, startMs: embedded?.timings.startMs ?? 0, migrateMs: performance.now() - t0 },
    stop,
  };
}

/**
 * Migrations need a direct (unpooled) connection: PgBouncer-style poolers such as Neon's
 * "-pooler" endpoint break the session-level advisory lock the engine takes.
 */
export function migrationUrl(databaseUrl: string): string {
  return process.env.DATABASE_URL && process.env.DIRECT_URL ? process.env.DIRECT_URL : databaseUrl;
}

/** For logs: never print a real password (the embedded one is the public "postgres"). */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password && url.password !== "postgres") url.password = "***";
  return url.toString();
}

export function describeDatabase(db: BootedDatabase): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
  const source = !db.embedded
    ? "DATABASE_URL"
    : db.embedded.mode === "started"
      ? `embedded ${path.relative(REPO_ROOT, db.embedded.dataDir)}${db.embedded.initialised ? `, initdb ${seconds(db.timings.initMs)}` : ""}, start ${seconds(db.timings.startMs)}`
      : `embedded ${path.relative(REPO_ROOT, db.embedded.dataDir)}, ${db.embedded.mode} running server`;
  const migrations = db.appliedMigrations.length ? `${db.appliedMigrations.length} migration(s) applied` : "migrations up to date";
  return `${redactUrl(db.url)} (${source}; ${migrations} ${seconds(db.timings.migrateMs)})`;
}
