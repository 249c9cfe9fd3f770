import pg from "pg";

/**
 * Watching the test database for "a refused request changed nothing":
 * - fingerprint(): for every table of the application schema, its row count and an md5 of all
 *   its rows (as text, sorted), computed by PostgreSQL in one query;
 * - watch()/takeChanges(): row-level triggers on every table note which tables had a row
 *   inserted, updated or deleted (or were truncated) — a write that was rolled back leaves no
 *   note — so each request costs one tiny query instead of a fingerprint;
 * - snapshot()/restore(): a copy of every table's rows in a side schema, put back (only for the
 *   tables that changed) in a few milliseconds instead of reseeding.
 * Left out: _prisma_migrations, and rate_limits — the limiter counts every request, refused or
 * not, by design.
 */

const IGNORED = new Set(["_prisma_migrations", "rate_limits"]);
const SNAPSHOT_SCHEMA = "fuzz_snapshot";
const CHANGES = "fuzz_snapshot.changes";

export type Fingerprint = Record<string, string>;

export class TestDatabase {
  private constructor(
    private readonly client: pg.Client,
    private readonly schema: string,
    readonly tables: string[],
  ) {}

  static async connect(databaseUrl: string): Promise<TestDatabase> {
    const url = new URL(databaseUrl);
    const schema = url.searchParams.get("schema") ?? "public";
    url.searchParams.delete("schema");
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema]);
    return new TestDatabase(client, schema, rows.map((r) => r.name).filter((name) => !IGNORED.has(name)));
  }

  private qualified(table: string, schema = this.schema) {
    return `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
  }

  /** table → "rows:md5" for every application table, in one round trip. */
  async fingerprint(): Promise<Fingerprint> {
    const parts = this.tables.map(
      (table) => `SELECT ${pg.escapeLiteral(table)} AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS print FROM ${this.qualified(table)} t`,
    );
    const { rows } = await this.client.query<{ name: string; print: string }>(parts.join(" UNION ALL "));
    return Object.fromEntries(rows.map((r) => [r.name, r.print]));
  }

  /** The tables whose fingerprint differs. */
  static changed(before: Fingerprint, after: Fingerprint): string[] {
    return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
  }

  async snapshot(): Promise<void> {
    const statements = [`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`, `CREATE SCHEMA ${SNAPSHOT_SCHEMA}`];
    for (const table of this.tables) statements.push(`CREATE TABLE ${this.qualified(table, SNAPSHOT_SCHEMA)} AS SELECT * FROM ${this.qualified(table)}`);
    await this.client.query(statements.join(";\n"));
  }

  /** Puts tables (default: all) back to the snapshot: one transaction, foreign keys and triggers off while copying. */
  async restore(tables = this.tables): Promise<void> {
    if (tables.length === 0) return;
    const statements = ["BEGIN", "SET LOCAL session_replication_role = replica"];
    for (const table of tables) {
      // DELETE, not TRUNCATE: for a handful of rows it is many times faster.
      statements.push(`DELETE FROM ${this.qualified(table)}`, `INSERT INTO ${this.qualified(table)} SELECT * FROM ${this.qualified(table, SNAPSHOT_SCHEMA)}`);
    }
    statements.push(`DELETE FROM ${CHANGES}`, "COMMIT");
    await this.client.query(statements.join(";\n"));
  }

  /** Installs the change triggers (after snapshot(), which creates the side schema). */
  async watch(): Promise<void> {
    const statements = [
      `CREATE UNLOGGED TABLE ${CHANGES} (tbl text PRIMARY KEY)`,
      `CREATE FUNCTION ${SNAPSHOT_SCHEMA}.note_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN INSERT INTO ${CHANGES} VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING; RETURN NULL; END $$`,
    ];
    for (const table of this.tables) {
      const name = this.qualified(table);
      statements.push(
        `CREATE TRIGGER fuzz_note_rows AFTER INSERT OR UPDATE OR DELETE ON ${name} FOR EACH ROW EXECUTE FUNCTION ${SNAPSHOT_SCHEMA}.note_change()`,
        `CREATE TRIGGER fuzz_note_truncate AFTER TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION ${SNAPSHOT_SCHEMA}.note_change()`,
      );
    }
    await this.client.query(statements.join(";\n"));
  }

  /** The tables written since the last call (and forgets them). */
  async takeChanges(): Promise<string[]> {
    const { rows } = await this.client.query<{ tbl: string }>(`DELETE FROM ${CHANGES} RETURNING tbl`);
    return rows.map((r) => r.tbl).sort();
  }

  async clearRateLimits(): Promise<void> {
    await this.client.query("DELETE FROM rate_limits");
  }

  async close(): Promise<void> {
    const drops = this.tables.flatMap((t) => [`DROP TRIGGER IF EXISTS fuzz_note_rows ON ${this.qualified(t)}`, `DROP TRIGGER IF EXISTS fuzz_note_truncate ON ${this.qualified(t)}`]);
    await this.client.query([...drops, `DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`].join(";\n")).catch(() => undefined);
    await this.client.end();
  }
}
