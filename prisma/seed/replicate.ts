/**
 * The benchmark's xl dataset: the main event of a freshly written large seed, copied in the
 * database `times - 1` more times (5,000 accounts → 50,000, 200,000 activities → 2,000,000…).
 *
 * Generating 6 million rows in JavaScript would take ten minutes and gigabytes; copying with
 * `INSERT … SELECT … CROSS JOIN generate_series` takes one statement per table and keeps the
 * data's shape exactly that of the large set (same tiers, statuses, scores, rates and dates per
 * account), so figures at both sizes compare. Each copy is a disjoint world under the same event
 * and team: its ids, and every reference to a copied row, carry the copy number in the first
 * digit of the seed id (seedId: "c" + tag + 20 base-36 digits, the first always "0" in the
 * seed), so ids keep their format; unique natural keys (domains, emails, message ids, calendar
 * uids) get a copy marker. Event-level configuration (templates, campaigns, sequences, the
 * team, availability) is shared, as it would be at a bigger show.
 *
 * Run it inside the seed's transaction, before ANALYZE (seedDemo does, with the plain indexes
 * dropped for the write: withIndexesRebuilt in write-sql.ts).
 */
import { TABLE_ORDER, type Dataset } from "./types";
import { withIndexesRebuilt, writeWithSql, type SqlRunner, type TableTiming } from "./write-sql";

interface CopiedTable {
  table: string;
  /** The original rows to copy (the table is `t`; `$1` is the event id). Each table is copied once, while it holds only originals. */
  where: string;
  /** Unique (or lookup) values that must differ per copy: column → expression of the column `c` and the copy number `k`. */
  rewrite?: Record<string, string>;
  /** Id columns without a foreign key (polymorphic or filled by a trigger) that still point at copied rows. */
  idColumns?: string[];
}

/** Seed-id tags of the copied tables (prisma/seed gen-*.ts): an activity's entityId is remapped only when it names one of them. */
const COPIED_TAGS = ["acct", "pers", "doss", "insi", "enro", "outr", "emev", "meet", "actv"];

const atCopy = (c: string) => `regexp_replace(${c}, '@', '@x' || k || '.')`;
const withCopySuffix = (c: string) => `${c} || '.x' || k`;

const MAIN_ACCOUNTS = `(SELECT a.id FROM target_accounts a WHERE a."eventId" = $1)`;
const MAIN_PEOPLE = `(SELECT p.id FROM people p WHERE p."eventId" = $1)`;

/** In dependency order. */
const TABLES: CopiedTable[] = [
  { table: "target_accounts", where: `t."eventId" = $1`, rewrite: { domain: `'x' || k || '.' || c`, website: `regexp_replace(c, '://', '://x' || k || '.')` } },
  { table: "people", where: `t."eventId" = $1`, rewrite: { email: atCopy("c") } },
  { table: "company_dossiers", where: `t."accountId" IN ${MAIN_ACCOUNTS}` },
  { table: "insights", where: `(t."accountId" IN ${MAIN_ACCOUNTS} OR t."personId" IN ${MAIN_PEOPLE})` },
  { table: "sequence_enrollments", where: `t."personId" IN ${MAIN_PEOPLE}` },
  { table: "outreach", where: `t."eventId" = $1`, rewrite: { toEmail: atCopy("c"), messageId: atCopy("c"), providerMessageId: withCopySuffix("c") } },
  { table: "email_events", where: `t."eventId" = $1`, rewrite: { dedupeKey: withCopySuffix("c") }, idColumns: ["accountId"] },
  { table: "meeting", where: `t."eventId" = $1`, rewrite: { icsUid: withCopySuffix("c") } },
  { table: "activities", where: `t."eventId" = $1`, idColumns: ["entityId"] },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const remap = (c: string) => `overlay(${c} placing k::text from 6 for 1)`;

async function insertedColumns(run: SqlRunner, table: string): Promise<string[]> {
  const rows = await run.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = to_regclass(quote_ident($1)) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Columns of `table` that reference one of the copied tables by foreign key. */
async function referencingColumns(run: SqlRunner, table: string, copied: readonly string[]): Promise<Set<string>> {
  const rows = await run.query<{ name: string }>(
    `SELECT a.attname AS name
       FROM pg_constraint f
       JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = ANY (f.conkey)
      WHERE f.contype = 'f' AND f.conrelid = to_regclass(quote_ident($1)) AND f.confrelid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($2::text[]) n)`,
    [table, copied],
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Copies the event's rows so that it holds `times` × its seeded data (times 1–10). Every copied
 * id must be a seed id whose first digit is 0, which the check below enforces (a database with
 * rows from elsewhere is refused rather than half copied).
 *
 * Returns true when the copy ran with the `rollup_*` triggers off: the caller must then call
 * `rollup_rebuild_event(eventId)` once the plain indexes are back (see rebuildRollups).
 */
export async function replicateEvent(run: SqlRunner, eventId: string, times: number, onTable?: (t: TableTiming) => void): Promise<boolean> {
  if (!Number.isInteger(times) || times < 1 || times > 10) throw new Error(`times must be 1–10, not ${times}`);
  if (times === 1) return false;
  const copied = TABLES.map((t) => t.table);
  // Foreign-key checks are most of a copy's cost (four to eight index probes per row, 1.8 million
  // activities): a superuser (the benchmark's embedded server) turns those triggers off for the
  // copy. Every reference in a copy is the original's remapped to rows of the same copy, which
  // were inserted first (TABLES is in dependency order); tests/integration/seed-replicate checks
  // that no copy points outside itself.
  // The rollup triggers go off too: over one 900,000-row statement their transition tables cost
  // 283 s of the outreach copy (15 s without them); one rebuild afterwards is cheaper.
  // Other triggers (email_events' event and account) run.
  const superuser = (await run.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`, []))[0]?.superuser ?? false;
  const triggersOff = superuser
    ? await run.query<{ table: string; name: string }>(
        `SELECT quote_ident(c.relname) AS table, quote_ident(t.tgname) AS name
           FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid LEFT JOIN pg_constraint f ON f.oid = t.tgconstraint
          WHERE t.tgrelid = ANY (SELECT to_regclass(quote_ident(n)) FROM unnest($1::text[]) n)
            AND ((f.contype = 'f' AND t.tgfoid = 'pg_catalog."RI_FKey_check_ins"'::regproc) OR (NOT t.tgisinternal AND t.tgname LIKE 'rollup\\_%'))`,
        [copied],
      )
    : [];
  for (const t of triggersOff) await run.execute(`ALTER TABLE ${t.table} DISABLE TRIGGER ${t.name}`, []);
  for (const spec of TABLES) {
    const t0 = performance.now();
    const [check] = await run.query<{ n: number; odd: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE id !~ '^c[a-z]{4}0')::int AS odd FROM ${quote(spec.table)} t WHERE ${spec.where}`,
      [eventId],
    );
    if (check!.odd > 0) throw new Error(`${spec.table}: ${check!.odd} rows do not have seed ids; replicate only a fresh seed`);
    const references = await referencingColumns(run, spec.table, copied);
    const idColumns = new Set(["id", ...references, ...(spec.idColumns ?? [])]);
    const columns = await insertedColumns(run, spec.table);
    const select = columns.map((name) => {
      const c = `t.${quote(name)}`;
      if (spec.rewrite?.[name]) return spec.rewrite[name].replaceAll(/\bc\b/g, c);
      if (name === "entityId") return `CASE WHEN substr(${c}, 2, 4) = ANY ('{${COPIED_TAGS.join(",")}}'::text[]) THEN ${remap(c)} ELSE ${c} END`;
      return idColumns.has(name) ? remap(c) : c;
    });
    await run.execute(
      `INSERT INTO ${quote(spec.table)} (${columns.map(quote).join(", ")})
       SELECT ${select.join(", ")}
         FROM ${quote(spec.table)} t CROSS JOIN generate_series(1, ${times - 1}) k
        WHERE ${spec.where}`,
      [eventId],
    );
    onTable?.({ table: spec.table, rows: check!.n * (times - 1), ms: performance.now() - t0 });
  }
  for (const t of triggersOff) await run.execute(`ALTER TABLE ${t.table} ENABLE TRIGGER ${t.name}`, []);
  return triggersOff.some((t) => t.name.startsWith("rollup_"));
}

/**
 * The SQL writer's whole job: the dataset written with the plain indexes dropped, the main event
 * copied `times` over, the indexes rebuilt, then the rollups if the copy skipped their triggers
 * (only then: without the indexes the rebuild's joins ran for over 9 minutes).
 */
export async function writeWithCopies(
  run: SqlRunner,
  data: Dataset,
  times: number,
  log: { onTable?: (t: TableTiming) => void; onCopy?: (t: TableTiming) => void } = {},
): Promise<void> {
  // data.events[0] is the main event (generate.ts).
  const mainEventId = data.events[0]!.id;
  let rollupsStale = false;
  await withIndexesRebuilt(run, TABLE_ORDER.map(([, table]) => table), async () => {
    await writeWithSql(run, data, log.onTable);
    rollupsStale = await replicateEvent(run, mainEventId, times, log.onCopy);
  }, log.onTable);
  if (rollupsStale) await rebuildRollups(run, mainEventId, log.onTable);
}

/** Recomputes the event's rollups from its rows (after a copy made with the rollup triggers off). */
async function rebuildRollups(run: SqlRunner, eventId: string, onTable?: (t: TableTiming) => void): Promise<void> {
  const t0 = performance.now();
  // Fresh statistics first: the rebuild's joins are planned on tables ten times their last ANALYZE.
  await run.execute(`ANALYZE ${TABLES.map((t) => quote(t.table)).join(", ")}`, []);
  await run.execute(`SELECT rollup_rebuild_event($1)`, [eventId]);
  onTable?.({ table: "(rollups rebuilt)", rows: 0, ms: performance.now() - t0 });
}
