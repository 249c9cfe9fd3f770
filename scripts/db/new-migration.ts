/**
 * npm run db:migration -- <name> [--accept-data-loss]
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the existing
 * migrations to prisma/schema.prisma (like `prisma migrate dev --name <name>`), then applies it.
 * Against DATABASE_URL when set, otherwise against a temporary embedded PostgreSQL, so your
 * development data in .data/ is neither needed nor touched (`npm run dev` applies it there).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createMigration } from "../../prisma/tooling/schema-engine";
import { migrationUrl, REPO_ROOT } from "./boot";
import { startEmbeddedPostgres } from "./embedded";

/** Same shape the CLI produces: lower-case words joined by underscores. */
function normaliseName(raw: string | undefined): string {
  const name = (raw ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) throw new Error("usage: npm run db:migration -- <name>   (e.g. add_meeting_room)");
  return name;
}

async function withTemporaryDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL || undefined;
  if (external) return run(migrationUrl(external));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "eventops-migration-"));
  await fs.chmod(tmp, 0o755); // PostgreSQL runs as the `postgres` user and must reach its data dir
  const db = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), databaseName: "eventops", ephemeral: true });
  try {
    return await run(db.url);
  } finally {
    await db.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const acceptDataLoss = args.includes("--accept-data-loss");
  const name = normaliseName(args.find((a) => !a.startsWith("--")));
  const t0 = performance.now();
  const created = await withTemporaryDatabase((url) => createMigration(url, name, { acceptDataLoss }));
  const took = `${((performance.now() - t0) / 1000).toFixed(2)}s`;
  if (!created) {
    console.log(`[db:migration] schema.prisma matches the migrations: nothing to create (${took})`);
    return 0;
  }
  for (const warning of created.warnings) console.warn(`[db:migration] warning: ${warning}`);
  console.log(`[db:migration] created ${path.relative(REPO_ROOT, created.dir)}/migration.sql (${took})`);
  return 0;
}

// Explicit exit: see migrate.ts.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db:migration] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
