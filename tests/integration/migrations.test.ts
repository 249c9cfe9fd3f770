/**
 * prisma/migrations must reproduce prisma/schema.prisma exactly. When this fails after a
 * schema edit, create the missing migration: `npm run db:migration -- <name>`.
 * Needs tests/helpers/test-db.ts as globalSetup (it provides a migrated database).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../helpers/test-db";
import { applyMigrations, diffMigrationsToSchema, isEmptyDiff } from "../../prisma/tooling/schema-engine";

const databaseUrl = testDatabaseUrl();
const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
// The diff replays every migration on a shadow database: seconds, not milliseconds.
const ENGINE_TIMEOUT = 60_000;

describe("prisma migrations", () => {
  it("reproduce schema.prisma with no drift", { timeout: ENGINE_TIMEOUT }, async () => {
    const diff = await diffMigrationsToSchema(databaseUrl);
    expect(isEmptyDiff(diff), `schema.prisma differs from prisma/migrations; missing migration:\n${diff}`).toBe(true);
  });

  it("are all applied, so applying again is a no-op", { timeout: ENGINE_TIMEOUT }, async () => {
    expect(await applyMigrations(databaseUrl)).toEqual([]);
  });

  it("are recorded in _prisma_migrations as the Prisma CLI would (name, sha256 checksum)", async () => {
    const expected = await migrationsOnDisk();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
      );
      expect(rows).toEqual(expected);
    } finally {
      await client.end();
    }
  });

  // Global search's similar-name arm reads the trigram index only when the planner knows what a
  // `<<%` test costs (migration 20261206200000); at pg_trgm's COST 1 it walked whole events.
  it("price pg_trgm's strict word similarity test as costly, for the planner", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ proname: string; procost: number }>(
        `SELECT proname, procost FROM pg_proc WHERE proname IN ('strict_word_similarity_op', 'strict_word_similarity_commutator_op') ORDER BY proname`,
      );
      expect(rows).toEqual([
        { proname: "strict_word_similarity_commutator_op", procost: 100 },
        { proname: "strict_word_similarity_op", procost: 100 },
      ]);
    } finally {
      await client.end();
    }
  });

  // PL/pgSQL keeps a static statement's plan for the connection, made for the transition tables'
  // sizes on its first call: a join of old_rows and new_rows planned for one row became a nested
  // loop that compared every pair in the next bulk write (1,000 × 1,000 per import batch; 50,000 ×
  // 50,000 in the xl seed's repair). Such joins are run through EXECUTE, planned on each call
  // (migration 20261208020000). EXECUTE'd text is written between $q$ quotes in these functions.
  it("join a trigger's old and new rows only in statements planned on each call", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ proname: string; prosrc: string }>(
        `SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
         WHERE l.lanname = 'plpgsql' AND p.pronamespace = current_schema()::regnamespace AND p.prosrc ~ '(old|new)_rows'`,
      );
      expect(rows.length, "no trigger function reads transition tables: the query above no longer finds them").toBeGreaterThan(5);
      const transition = String.raw`(?:old|new)_rows(?:\s+(?:AS\s+)?\w+)?`;
      const pairJoin = new RegExp(String.raw`\b${transition}\s*(?:,|(?:(?:INNER|LEFT|RIGHT|FULL)\s+(?:OUTER\s+)?)?JOIN)\s*${transition}`, "i");
      const staticJoins = rows
        .filter((r) => pairJoin.test(r.prosrc.replace(/\$q\$[\s\S]*?\$q\$/g, "")))
        .map((r) => r.proname);
      expect(staticJoins).toEqual([]);
      // The check itself finds such a join when it is not quoted.
      expect(pairJoin.test("FROM new_rows n JOIN old_rows o ON o.id = n.id")).toBe(true);
      expect(pairJoin.test("FROM old_rows o, new_rows n WHERE o.id = n.id")).toBe(true);
    } finally {
      await client.end();
    }
  });
});

async function migrationsOnDisk(): Promise<Array<{ migration_name: string; checksum: string }>> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect(folders.length, "prisma/migrations has no migration").toBeGreaterThan(0);
  return Promise.all(
    folders.map(async (name) => ({
      migration_name: name,
      checksum: createHash("sha256").update(await fs.readFile(path.join(migrationsDir, name, "migration.sql"))).digest("hex"),
    })),
  );
}
