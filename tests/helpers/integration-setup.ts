import { inject } from "vitest";

// The global setup (tests/helpers/test-db.ts) boots the throwaway database; make sure every
// worker's process.env points at it before any module builds a Prisma client.
process.env.DATABASE_URL ??= inject("databaseUrl");
process.env.DEMO_MODE ??= "true";
process.env.AUTH_SECRET ??= "integration-test-secret-not-for-production";
