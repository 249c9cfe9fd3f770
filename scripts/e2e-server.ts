/**
 * The server the end-to-end tests run against: a fresh embedded PostgreSQL under .data/e2e
 * (wiped on every start), migrated and seeded with the demo, then `next start` in demo mode so
 * sign-in links land in the development mailbox. Requires a prior `next build`.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });

const port = process.env.E2E_PORT ?? "3100";
const child = spawn(
  process.execPath,
  ["--import", "tsx", "scripts/db/with-db.ts", "--seed", "--", process.execPath, "node_modules/next/dist/bin/next", "start", "-p", port],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: "",
      EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
      DEMO_MODE: "true",
      APP_URL: `http://localhost:${port}`,
      AUTH_URL: `http://localhost:${port}`,
      CRON_SECRET: process.env.CRON_SECRET ?? "e2e-cron-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
