/**
 * Large-scale writer: set-based INSERTs, thousands of rows per statement.
 *
 * Each chunk is sent as one array parameter per column and expanded server-side:
 *   INSERT INTO t (a, b, …) SELECT * FROM unnest($1::text[], $2::"Tier"[], …)
 * That keeps the statement count low, never hits the 65,535-parameter limit, and lets
 * PostgreSQL parse compact array literals (measured ~35% faster than one JSON document per
 * chunk through json_populate_recordset). Column types come from the catalogue at run time, so
 * nothing here has to follow schema changes; only the columns present in the rows are
 * inserted, and database defaults apply to the rest.
 *
 * Dates are sent as ISO strings ending in "Z": PostgreSQL ignores the zone when casting to
 * `timestamp without time zone`, which stores the UTC wall time — exactly what Prisma stores.
 * (Letting `pg` serialise Date objects would use the process's local time zone instead.)
 */
import type { Dataset, DatasetKey } from "./types";
import { TABLE_ORDER } from "./types";

/** The two things the writer needs from a connection; Prisma and `pg` both provide them. */
export interface SqlRunner {
  execute(sql: string, params: readonly unknown[]): Promise<unknown>;
  query<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export interface TableTiming {
  table: string;
  rows: number;
  ms: number;
}

/** Rough bytes per statement: big enough to amortise round trips, small enough for memory. */
const TARGET_CHUNK_BYTES = 3_000_000;
const MAX_CHUNK_ROWS = 10_000;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function columnTypes(run: SqlRunner, table: string): Promise<Map<string, string>> {
  const rows = await run.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
      WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  if (rows.length === 0) throw new Error(`table ${table} does not exist (are the migrations applied?)`);
  return new Map(rows.map((r) => [r.name, r.type]));
}

type Encoder = (value: unknown) => unknown;

function encoderFor(type: string): Encoder {
  if (type === "json" || type === "jsonb") return (v) => (v === null || v === undefined ? null : JSON.stringify(v));
  if (type === "date") return (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));
  return (v) => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    if (typeof v === "bigint") return v.toString();
    return v;
  };
}

function columnsOf(rows: readonly object[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

async function insertRows(run: SqlRunner, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const types = await columnTypes(run, table);
  const columns = columnsOf(rows);
  for (const c of columns) if (!types.has(c)) throw new Error(`${table} has no column "${c}" (schema and seed disagree)`);
  const encoders = columns.map((c) => encoderFor(types.get(c)!));
  const sql =
    `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) ` +
    `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${types.get(c)}[]`).join(", ")})`;
  // Size chunks from a sample so that tables with long text (outreach) send fewer rows.
  const sample = rows.slice(0, 50);
  const bytesPerRow = JSON.stringify(sample, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)).length / sample.length;
  const chunkRows = Math.max(100, Math.min(MAX_CHUNK_ROWS, Math.floor(TARGET_CHUNK_BYTES / Math.max(1, bytesPerRow))));
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows) as readonly Record<string, unknown>[];
    const params = columns.map((c, i) => {
      const encode = encoders[i]!;
      const values = new Array<unknown>(chunk.length);
      for (let r = 0; r < chunk.length; r++) values[r] = encode(chunk[r]![c]);
      return values;
    });
    await run.execute(sql, params);
  }
}

/** Inserts every table in dependency order. Run it inside one transaction. */
export async function writeWithSql(run: SqlRunner, data: Dataset, onTable?: (t: TableTiming) => void): Promise<void> {
  for (const [key, table] of TABLE_ORDER) {
    const rows: readonly object[] = data[key as DatasetKey];
    const t0 = performance.now();
    await insertRows(run, table, rows);
    onTable?.({ table, rows: rows.length, ms: performance.now() - t0 });
  }
}

/**
 * Runs a bulk write with the plain (non-unique) indexes of `tables` dropped, then recreates
 * them from their own definitions, so the schema's indexes are exactly what they were. Building
 * an index once over all rows is several times faster than growing it row by row (the trigram
 * GIN indexes most of all: copying the xl set took 270 s for outreach alone with them in place).
 * Primary keys and unique indexes stay, so every row is still checked against them. Run it in
 * the write's transaction: nobody sees the tables without their indexes.
 */
export async function withIndexesRebuilt(run: SqlRunner, tables: readonly string[], write: () => Promise<void>, onRebuilt?: (t: TableTiming) => void): Promise<void> {
  const indexes = await run.query<{ name: string; definition: string }>(
    `SELECT quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) n) AND NOT i.indisunique AND NOT i.indisprimary`,
    [tables],
  );
  for (const index of indexes) await run.execute(`DROP INDEX ${index.name}`, []);
  await write();
  const t0 = performance.now();
  await run.execute(`SET LOCAL maintenance_work_mem = '256MB'`, []);
  for (const index of indexes) await run.execute(index.definition, []);
  onRebuilt?.({ table: `(${indexes.length} indexes rebuilt)`, rows: 0, ms: performance.now() - t0 });
}

/** Fresh statistics so the first queries on a just-seeded database get sane plans. */
export async function analyzeTables(run: SqlRunner): Promise<void> {
  const tables = [...new Set(TABLE_ORDER.map(([, table]) => table))].map(quoteIdent).join(", ");
  // VACUUM too: a freshly bulk-loaded table has no visibility map yet, so the covering indexes
  // (outreach_event_metrics_idx) could not serve index-only scans until autovacuum came by.
  await run.execute(`VACUUM (ANALYZE) ${tables}`, []);
}
