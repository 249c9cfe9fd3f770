import { inject } from "vitest";
import { resetDatabase, workerDatabase } from "./test-db";

// The global setup (tests/helpers/test-db.ts) migrates a template database; each worker runs its
// files against its own copy, so two files running at once never empty each other's tables. This
// must happen before any module builds a Prisma client (setup files run before the test file).
// Which files share a worker's database changes from run to run, so every file starts from empty
// tables (a fresh copy too, so rows a migration inserted are never there by luck of the order): a
// file never sees what another left behind (due sequence steps, queued jobs, settings).
const databaseUrl = await workerDatabase(inject("templateDatabaseUrl"), process.env.VITEST_POOL_ID ?? "1");
await resetDatabase(databaseUrl);
process.env.DATABASE_URL = databaseUrl;
process.env.DEMO_MODE ??= "true";
process.env.AUTH_SECRET ??= "integration-test-secret-not-for-production";
