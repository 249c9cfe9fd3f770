/**
 * What the full export contains and how each entity is read: keyset pagination by id in
 * batches, so memory stays constant however many rows there are (never OFFSET, never all rows).
 *
 * Bulk read, on purpose below Prisma: a full export is hundreds of thousands of rows, and
 * building a typed object per row is most of its cost. Each export opens one plain `pg`
 * connection, reads each batch as arrays of raw text (no Date/BigInt/Decimal objects), and
 * renders it straight to CSV lines or JSON records. Names behind foreign keys (account, person,
 * user e-mail) come from id → name maps loaded once per export instead of a join per row.
 *
 * The output rules (csv.ts states the CSV ones): a text cell starting with = + - @ tab or CR gets
 * a leading apostrophe (only text: numbers, booleans and dates are never touched); a cell
 * containing a quote, comma, CR or LF is quoted with inner quotes doubled; null is an empty
 * cell; dates are ISO 8601 UTC with milliseconds; CSV records end CRLF. JSON keeps numbers and
 * booleans as such, dates as ISO strings, revenue (a bigint) as a string, null as null.
 */
import pg from "pg";
import { neutralizeCell } from "@/server/exports/csv";
import { env } from "@/server/env";
import { ACCOUNT } from "@/lib/fields/account";
import { PERSON } from "@/lib/fields/person";
import { OUTREACH } from "@/lib/fields/outreach";
import { MEETING } from "@/lib/fields/meeting";
import type { ExportColumn, FieldSpec, FieldType } from "@/lib/fields/define";

export const EXPORT_ENTITIES = [
  "accounts", "people", "outreach", "meetings", "activities", "dossiers", "campaigns", "templates", "sequences", "sequence_steps",
  "enrollments", "reports", "do_not_email",
] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];
export type ExportFormat = "csv" | "json" | "ndjson";

const BATCH_SIZE = 2000;

type Kind = "text" | "int" | "bool" | "ts";
type Lookup = "users" | "accounts" | "people";
/** An output column: its kind, and either its SQL expression (default t."name") or the foreign key whose name it shows. */
type Column = { name: string; kind: Kind; expr?: string; lookup?: { map: Lookup; fk: string } };

const text = (name: string, expr?: string): Column => ({ name, kind: "text", expr });
const int = (name: string): Column => ({ name, kind: "int" });
const bool = (name: string, expr?: string): Column => ({ name, kind: "bool", expr });
const ts = (name: string): Column => ({ name, kind: "ts" });
const named = (name: string, map: Lookup, fk: string): Column => ({ name, kind: "text", lookup: { map, fk } });

const EXPORT_KIND: Record<FieldType, Kind> = { id: "text", text: "text", int: "int", bigint: "text", bool: "bool", date: "text", timestamp: "ts", json: "text", textList: "text", enum: "text" };
/** How a field type reads as export text when it is not a plain column value. */
const EXPORT_EXPR: Partial<Record<FieldType, (column: string) => string>> = {
  date: (c) => `to_char(t."${c}", 'YYYY-MM-DD')`,
  textList: (c) => `array_to_string(t."${c}", ', ')`,
  json: (c) => `t."${c}"::text`,
};

/** A record's export columns from its field registry (src/lib/fields), in declaration order. */
function exportColumns(fields: Record<string, FieldSpec>): Column[] {
  return Object.entries(fields).flatMap(([key, spec]) => {
    if (spec.export === false) return [];
    const outputs: readonly ExportColumn[] = spec.export === true ? [{}] : Array.isArray(spec.export) ? spec.export : [spec.export as ExportColumn];
    return outputs.map((out): Column => {
      if (out.lookup) return named(out.name ?? key, out.lookup, key);
      return { name: out.name ?? key, kind: EXPORT_KIND[spec.type], expr: out.expr ?? EXPORT_EXPR[spec.type]?.(key) };
    });
  });
}

/**
 * Each entity's table and columns; `from`/`where` when its rows are not found by their own
 * "eventId" ($1 is always the event id): dossiers and steps through their account or sequence,
 * templates of the event plus the shared ones, the do-not-email list for the whole workspace.
 * `trashable`: the table has a Trash (deletedAt); the export leaves trashed rows out.
 */
const SPECS: Record<ExportEntity, { table: string; trashable?: boolean; columns: readonly Column[]; from?: string; where?: string }> = {
  accounts: { table: ACCOUNT.table, trashable: true, columns: exportColumns(ACCOUNT.fields) },
  people: { table: PERSON.table, trashable: true, columns: exportColumns(PERSON.fields) },
  outreach: { table: OUTREACH.table, columns: exportColumns(OUTREACH.fields) },
  meetings: { table: MEETING.table, columns: exportColumns(MEETING.fields) },
  activities: {
    table: "activities",
    columns: [
      text("id"), text("type"), text("description"), named("actorEmail", "users", "actorId"), text("personId"), named("personName", "people", "personId"),
      text("accountId"), named("accountName", "accounts", "accountId"), text("entityType"), text("entityId"), ts("createdAt"),
    ],
  },
  dossiers: {
    table: "company_dossiers",
    from: `company_dossiers t JOIN target_accounts a ON a.id = t."accountId"`,
    where: `a."eventId" = $1 AND a."deletedAt" IS NULL`,
    columns: [
      text("id"), text("accountId"), named("accountName", "accounts", "accountId"), text("summary"), text("footprint"), text("facilities", `t.facilities::text`),
      text("painPoints", `t."painPoints"::text`), text("techStack", `t."techStack"::text`), text("recentNews", `t."recentNews"::text`),
      text("keyContacts", `t."keyContacts"::text`), text("sources", `t.sources::text`), text("provider"), ts("researchedAt"), ts("updatedAt"),
    ],
  },
  campaigns: {
    table: "campaigns",
    columns: [text("id"), text("name"), text("description"), named("ownerEmail", "users", "ownerId"), ts("archivedAt"), ts("createdAt"), ts("updatedAt")],
  },
  templates: {
    table: "email_templates",
    where: `(t."eventId" = $1 OR t."eventId" IS NULL)`,
    columns: [
      text("id"), text("name"), text("channel"), text("subject"), text("body"), bool("shared", `t."eventId" IS NULL`), named("ownerEmail", "users", "ownerId"),
      ts("archivedAt"), ts("createdAt"), ts("updatedAt"),
    ],
  },
  sequences: {
    table: "sequences",
    columns: [text("id"), text("name"), text("description"), text("status"), bool("pauseAccountOnReply"), named("ownerEmail", "users", "ownerId"), ts("createdAt"), ts("updatedAt")],
  },
  sequence_steps: {
    table: "sequence_steps",
    from: `sequence_steps t JOIN sequences s ON s.id = t."sequenceId"`,
    where: `s."eventId" = $1`,
    columns: [
      text("id"), text("sequenceId"), text("sequenceName", "s.name"), int("order"), int("delayDays"), bool("businessDays"), text("channel"), text("templateId"),
      text("subject"), text("body"), ts("createdAt"), ts("updatedAt"),
    ],
  },
  enrollments: {
    table: "sequence_enrollments",
    from: `sequence_enrollments t JOIN sequences s ON s.id = t."sequenceId"`,
    where: `s."eventId" = $1`,
    columns: [
      text("id"), text("sequenceId"), text("sequenceName", "s.name"), text("personId"), named("personName", "people", "personId"), text("accountId"),
      named("ownerEmail", "users", "ownerId"), text("status"), int("currentStep"), ts("lastStepAt"), ts("nextStepAt"), int("failureCount"), text("lastError"),
      text("stopReason"), ts("enrolledAt"), ts("completedAt"), ts("stoppedAt"),
    ],
  },
  reports: {
    table: "report_definitions",
    columns: [text("id"), text("name"), text("config", "t.config::text"), named("ownerEmail", "users", "ownerId"), ts("createdAt"), ts("updatedAt")],
  },
  do_not_email: {
    table: "suppressions",
    where: `$1::text IS NOT NULL`,
    columns: [text("id"), text("email"), text("reason"), text("source"), text("note"), ts("createdAt")],
  },
};

export const COLUMNS = Object.fromEntries(
  EXPORT_ENTITIES.map((e) => [e, SPECS[e].columns.map((c) => c.name)]),
) as unknown as Record<ExportEntity, readonly string[]>;

const q = (name: string) => `"${name}"`;

function selectExpr(c: Column): string {
  if (c.lookup) return `t.${q(c.lookup.fk)}`;
  return c.expr ?? `t.${q(c.name)}`;
}

const SQL = new Map<ExportEntity, string>();
function batchSql(entity: ExportEntity): string {
  let sql = SQL.get(entity);
  if (!sql) {
    const spec = SPECS[entity];
    // Keyset: '' sorts before every id, and the comparison uses the collation the order does.
    const live = spec.trashable ? ` AND t."deletedAt" IS NULL` : "";
    sql = `SELECT ${spec.columns.map(selectExpr).join(", ")} FROM ${spec.from ?? `${spec.table} t`} WHERE ${spec.where ?? `t."eventId" = $1`}${live} AND t.id > $2 ORDER BY t.id LIMIT $3`;
    SQL.set(entity, sql);
  }
  return sql;
}

const LOOKUP_SQL: Record<Lookup, { all: string; some: string }> = {
  users: { all: `SELECT id, email FROM users`, some: `SELECT id, email FROM users WHERE id = ANY($1)` },
  accounts: { all: `SELECT id, name FROM target_accounts WHERE "eventId" = $1`, some: `SELECT id, name FROM target_accounts WHERE id = ANY($1)` },
  people: { all: `SELECT id, name FROM people WHERE "eventId" = $1`, some: `SELECT id, name FROM people WHERE id = ANY($1)` },
};

// Every value as PostgreSQL's text: no per-value parsing or objects.
const RAW_TEXT = { getTypeParser: () => (value: string) => value };
type RawRow = (string | null)[];

/**
 * PostgreSQL's text for a timestamp(3) stored in UTC ("2026-03-02 15:00:00.12", trailing zeros of
 * the fraction dropped) as Date.toISOString() writes it ("2026-03-02T15:00:00.120Z").
 */
export function isoFromPgTimestamp(value: string): string {
  const iso = value.charCodeAt(10) === 32 ? `${value.slice(0, 10)}T${value.slice(11)}` : value;
  switch (iso.length) {
    case 19: return `${iso}.000Z`;
    case 21: return `${iso}00Z`;
    case 22: return `${iso}0Z`;
    default: return `${iso}Z`;
  }
}

/** The rows' reader for one export: one connection, and the id → name maps shared by its entities. */
export class ExportReader {
  private client: pg.Client | null = null;
  private maps = new Map<Lookup, Map<string, string | null>>();

  constructor(readonly eventId: string) {}

  private async connection(): Promise<pg.Client> {
    if (!this.client) {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      await client.connect();
      this.client = client;
    }
    return this.client;
  }

  async query(text: string, values: unknown[]): Promise<RawRow[]> {
    const client = await this.connection();
    const result = await client.query<RawRow>({ text, values, rowMode: "array", types: RAW_TEXT });
    return result.rows;
  }

  private async map(kind: Lookup): Promise<Map<string, string | null>> {
    let map = this.maps.get(kind);
    if (!map) {
      map = new Map();
      for (const [id, name] of await this.query(LOOKUP_SQL[kind].all, kind === "users" ? [] : [this.eventId])) map.set(id!, name);
      this.maps.set(kind, map);
    }
    return map;
  }

  /** Replaces the foreign keys of lookup columns with the names they point to, and dates with ISO text. */
  async resolve(columns: readonly Column[], rows: RawRow[]): Promise<void> {
    for (let c = 0; c < columns.length; c++) {
      const { lookup, kind } = columns[c];
      if (kind === "ts") {
        for (const row of rows) if (row[c] !== null) row[c] = isoFromPgTimestamp(row[c]!);
        continue;
      }
      if (!lookup) continue;
      const map = await this.map(lookup.map);
      let missing: Set<string> | null = null;
      for (const row of rows) {
        const id = row[c];
        if (id === null) continue;
        const name = map.get(id);
        if (name === undefined) (missing ??= new Set()).add(id);
        else row[c] = name;
      }
      // Rows may point outside the event, or at a row created since the map was loaded.
      if (missing) {
        for (const [id, name] of await this.query(LOOKUP_SQL[lookup.map].some, [[...missing]])) map.set(id!, name);
        for (const row of rows) if (row[c] !== null && missing.has(row[c]!)) row[c] = map.get(row[c]!) ?? null;
      }
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvText(value: string): string {
  const safe = neutralizeCell(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// Hot loops read kinds from a plain number array (Column objects of different shapes would make
// every property read megamorphic), and build each row as an array joined once.
const TEXT = 0;
const INT = 1;
const BOOL = 2;
const KIND_CODE: Record<Kind, number> = { text: TEXT, int: INT, bool: BOOL, ts: 3 };

function csvLine(kinds: readonly number[], row: RawRow): string {
  const n = kinds.length;
  const cells = new Array<string>(n);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    const kind = kinds[c];
    cells[c] = v === null ? "" : kind === TEXT ? csvText(v) : kind === BOOL ? (v === "t" ? "true" : "false") : v;
  }
  return cells.join(",");
}

function jsonRecord(kinds: readonly number[], keys: readonly string[], row: RawRow): string {
  const n = kinds.length;
  const parts = new Array<string>(n);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    const kind = kinds[c];
    parts[c] = keys[c] + (v === null ? "null" : kind === INT ? v : kind === BOOL ? (v === "t" ? "true" : "false") : JSON.stringify(v));
  }
  return `{${parts.join(",")}}`;
}

const CHUNK_ROWS = 100;

export type RenderedBatch = { rows: number; text: string };

/**
 * Every row of one entity in the event, read a batch at a time and rendered in `format` in
 * chunks: CSV lines (each ending CRLF), NDJSON lines (each ending LF), or JSON records joined by
 * commas (no brackets and no comma between chunks: the caller writes those).
 */
export async function* renderBatches(entity: ExportEntity, reader: ExportReader, format: ExportFormat, batchSize = BATCH_SIZE): AsyncGenerator<RenderedBatch> {
  const { columns } = SPECS[entity];
  const sql = batchSql(entity);
  const keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
  const kinds = columns.map((c) => KIND_CODE[c.kind]);
  const ndjsonPrefix = `{"entity":${JSON.stringify(entity)},"record":`;
  let next: Promise<RawRow[]> | null = reader.query(sql, [reader.eventId, "", batchSize]);
  try {
    while (next) {
      const rows = await next;
      next = null;
      if (rows.length === 0) return;
      // The next batch is read while this one is rendered: the database and the app work at the same time.
      if (rows.length === batchSize) {
        next = reader.query(sql, [reader.eventId, rows[rows.length - 1][0], batchSize]);
        next.catch(() => {}); // awaited on the next turn; a consumer that stops early never awaits it
      }
      await reader.resolve(columns, rows);
      // Handed out in chunks of CHUNK_ROWS rows: strings of tens of KB die young, where one string
      // per batch (megabytes) would go to the large-object space and wait for a full collection.
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const end = Math.min(rows.length, start + CHUNK_ROWS);
        const items = new Array<string>(end - start);
        for (let i = start; i < end; i++) {
          items[i - start] = format === "csv" ? csvLine(kinds, rows[i]) : format === "ndjson" ? `${ndjsonPrefix}${jsonRecord(kinds, keys, rows[i])}}` : jsonRecord(kinds, keys, rows[i]);
        }
        yield {
          rows: end - start,
          text: format === "csv" ? `${items.join("\r\n")}\r\n` : format === "ndjson" ? `${items.join("\n")}\n` : items.join(","),
        };
      }
    }
  } finally {
    await next?.catch(() => {});
  }
}

/** The header line of an entity's CSV. */
export function csvHeader(entity: ExportEntity): string {
  return `${COLUMNS[entity].join(",")}\r\n`;
}
