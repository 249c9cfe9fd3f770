import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/**
 * Issue 13 item 4: `npm start` on an empty database creates no demo data and no demo admin unless
 * DEMO_MODE=true asks for it. Runs the exact with-db options of package.json's "start" script
 * (with a no-op instead of `next start`) against a fresh database on the test server. (That
 * DEMO_MODE=true does seed is seedRequest's unit test; the e2e server seeds through with-db.)
 */
const root = path.resolve(import.meta.dirname, "../..");
const startScript: string = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;
const withDbOptions = startScript.slice(startScript.indexOf("scripts/db/with-db.ts") + "scripts/db/with-db.ts".length, startScript.indexOf(" -- ")).trim().split(/\s+/);

// The server's maintenance database: never the template itself (copying it needs it unconnected).
const server = Object.assign(new URL(inject("templateDatabaseUrl")), { pathname: "/postgres" });
const databaseName = `eventops_start_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function npmStart(env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/with-db.ts", ...withDbOptions, "--", process.execPath, "-e", ""], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, DIRECT_URL: "", NODE_ENV: "production", ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

async function counts() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: number; admins: number; events: number }>(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM users WHERE role = 'ADMIN')::int AS admins, (SELECT count(*) FROM events)::int AS events`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

beforeAll(() => admin((c) => c.query(`CREATE DATABASE ${databaseName}`)));
afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)));

describe("npm start and the demo data", () => {
  it("creates nobody on an empty database unless DEMO_MODE=true asks for the demo", async () => {
    expect(withDbOptions).toEqual(["--seed=if-demo-mode", "--worker"]);
    // The job worker beside the server is not what this test is about.
    const plain = npmStart({ DEMO_MODE: undefined, START_WORKER: "false" });
    expect(plain).toContain("seed: none (production: set DEMO_MODE=true for the demo data and team)");
    expect(await counts()).toEqual({ users: 0, admins: 0, events: 0 });
  });
});
