/**
 * Vitest globalSetup: one migrated, throwaway PostgreSQL database per test run.
 *
 *   // vitest.config.ts (integration project)
 *   test: { globalSetup: ["tests/helpers/test-db.ts"] }
 *
 * - DATABASE_URL_TEST unset: an embedded PostgreSQL in a fresh os.tmpdir() directory on a free
 *   port (54329 upward; a running dev server is skipped), fsync off; stopped and deleted on
 *   teardown.
 * - DATABASE_URL_TEST set (e.g. a CI service container): a database named
 *   eventops_test_<random> is created on that server and dropped WITH (FORCE) on teardown.
 * Either way all migrations (and the job engine's schema) are applied before any test file runs.
 *
 * Integration files run two at a time (vitest's workers), so each worker gets its own database:
 * the one migrated here is a TEMPLATE that no test connects to, and the setup file
 * (tests/helpers/integration-setup.ts) gives each worker `<template>_w<VITEST_POOL_ID>`, created
 * from it with `CREATE DATABASE … TEMPLATE` (a file copy: ~0.1 s instead of ~10 s of migrations)
 * the first time that worker runs a file. A file's resetDatabase() therefore empties only its own
 * worker's tables, and two files never share a database while they run.
 *
 * How tests get the URL:
 * - `process.env.DATABASE_URL` is set by the setup file in each worker before any test module
 *   loads, so app code (src/server/env.ts, src/server/db.ts) needs nothing special, and servers
 *   or workers a test spawns inherit it;
 * - `testDatabaseUrl()` below returns the same string, for tests that want it explicitly;
 * - `inject("templateDatabaseUrl")` is the template (only for creating further databases on the
 *   same server: never connect to it, or CREATE DATABASE … TEMPLATE fails while you do).
 * Call `resetDatabase(url)` in beforeEach to start every test from empty tables.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/tooling/schema-engine";
import { installJobEngine } from "../../src/server/jobs/install";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

interface TestDatabase {
  url: string;
  describe: string;
  dispose(): Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  const db = process.env.DATABASE_URL_TEST ? await databaseOnServer(process.env.DATABASE_URL_TEST) : await embeddedDatabase();
  try {
    const t1 = performance.now();
    await applyMigrations(db.url);
    await installJobEngine(db.url);
    console.log(`[test-db] ${db.describe}; ready in ${ms(t0)} (migrations ${ms(t1)})`);
  } catch (error) {
    await db.dispose();
    throw error;
  }
  project.provide("templateDatabaseUrl", db.url);
  return () => db.dispose();
}

/** This worker's own database (set up by tests/helpers/integration-setup.ts). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests through vitest (tests/helpers/integration-setup.ts sets it).");
  return url;
}

/**
 * The database of the worker with this pool id, created from the template on first use. Runs in
 * every integration file's setup; one worker runs one file at a time, so creating never races.
 */
export async function workerDatabase(templateUrl: string, poolId: string): Promise<string> {
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_w${poolId}`;
  const url = Object.assign(new URL(template), { pathname: `/${name}` }).toString();
  const admin = new URL(template);
  admin.pathname = "/postgres";
  admin.searchParams.delete("schema");
  const { rowCount } = await adminQuery(admin.toString(), `SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (!rowCount) await adminQuery(admin.toString(), `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  return url;
}

async function embeddedDatabase(): Promise<TestDatabase> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "eventops-test-"));
  // mkdtemp makes the directory 0700; PostgreSQL runs as the `postgres` user and must reach it.
  await fs.chmod(tmp, 0o755);
  const removeTmp = () => fs.rm(tmp, { recursive: true, force: true });
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), databaseName: "eventops_test", ephemeral: true });
    return {
      url: server.url,
      describe: `embedded ${server.url} (initdb ${seconds(server.timings.initMs)}, start ${seconds(server.timings.startMs)})`,
      dispose: async () => {
        await server.stop();
        await removeTmp();
      },
    };
  } catch (error) {
    await removeTmp();
    throw error;
  }
}

async function databaseOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `eventops_test_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    describe: `database ${name} on DATABASE_URL_TEST`,
    // The workers' copies (<name>_w<n>) go with it.
    dispose: async () => {
      const { rows } = await adminQuery<{ datname: string }>(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}\\_w%`]);
      for (const row of rows) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** One statement on its own short-lived connection (database-level statements cannot share a transaction). */
async function adminQuery<T extends pg.QueryResultRow>(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * Empties every application table (all tables of the schema except _prisma_migrations) in one
 * statement; CASCADE because of foreign keys, RESTART IDENTITY so sequences start over too.
 */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema"); // Prisma's parameter; pg does not know it
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
       WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
      [schema],
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
    // The job engine's queue too (its task names and migrations stay: running workers cache them).
    const engine = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'graphile_worker' AND tablename = '_private_jobs'`);
    if (engine.rowCount) await client.query(`TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues, graphile_worker._private_known_crontabs CASCADE`);
  } finally {
    await client.end();
  }
}

function ms(since: number): string {
  return seconds(performance.now() - since);
}

function seconds(duration: number): string {
  return `${(duration / 1000).toFixed(2)}s`;
}
