import { randomUUID } from "node:crypto";
import { ERASED_MESSAGE, erasedIdentities } from "@/server/privacy/tombstones";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { engagementByAccount, scoreAccountFacts, scorePersonFacts, scoringRules, type ScoringRules } from "@/server/scoring/service";
import type { IcpBreakdown } from "@/server/scoring/icp";
import { notify } from "@/server/notifications/service";
import { prisma, type DbTx } from "@/server/db";
import type { Actor, TeamActor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy, refusalReason } from "@/server/access/permissions";
import { moveToTrash } from "@/server/trash/service";
import { AppError } from "@/server/http/errors";
import type { FieldSpec, FieldType } from "@/lib/fields/define";
import { detectMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/server/import/fields";
import { parseCsvText } from "@/server/import/parse";
import { foldPersonName, readRecords, type AccountValues, type ImportRecord, type PersonValues } from "@/server/import/records";
import { IMPORT_BATCH_SIZE, type CommitImportBody, type ImportMode, type PreviewImportBody } from "@/server/import/schemas";
import { classifyTitle, personaFlags } from "@/lib/personas";
import { pageWindow, paginated, type PageQuery } from "@/server/http/pagination";

/**
 * CSV import of accounts and the people linked to them.
 *
 * - Natural keys: an account is matched by website domain, else by normalised name (an
 *   existing account with a different domain is a different company); a person by email,
 *   else by name within the account.
 * - Modes: "create_only" never changes an existing record (its rows are skipped with the
 *   reason); "upsert" overwrites the fields the file fills and leaves the others alone.
 * - Rows are written in batches of IMPORT_BATCH_SIZE, each batch one transaction with a few
 *   set-based statements (select the matches, insert many, update many from a JSON record set).
 *   A batch that fails is rolled back whole and its rows are reported as skipped; earlier
 *   batches stay. The import job row is updated inside each batch's transaction, so its undo
 *   data always describes exactly what was committed.
 * - Undo reverts the event's most recent import: updated rows get their previous values back,
 *   created rows go to the Trash (restorable like any delete).
 */

const SQL_TYPES: Record<Exclude<FieldType, "enum">, string> = {
  id: "text", text: "text", int: "int", bigint: "bigint", bool: "boolean", date: "date", timestamp: "timestamp(3)", json: "jsonb", textList: "text[]",
};
function sqlType(spec: FieldSpec): string {
  return spec.type === "enum" ? `"${spec.enum!.name}"` : SQL_TYPES[spec.type];
}

/**
 * The columns an import writes, with their PostgreSQL types (for jsonb_to_recordset): every
 * importable field of the record (src/lib/fields) and the ones the import derives from them
 * (the natural key, the address, the account link, the personas from the title).
 */
const ACCOUNT_COLUMNS: Record<string, string> = { ...sqlTypes("account"), normalizedName: "text", headquarters: "text", location: "text" };
const PERSON_COLUMNS: Record<string, string> = {
  ...sqlTypes("person"), accountId: "text", isExecOps: "boolean", isOps: "boolean", isProc: "boolean", isSales: "boolean", isTech: "boolean",
  isNonOps: "boolean", seniority: "text",
};
function sqlTypes(group: "account" | "person"): Record<string, string> {
  return Object.fromEntries(IMPORT_FIELDS.filter((c) => c.group === group && c.spec).map((c) => [c.field!, sqlType(c.spec!)]));
}
type Snapshot = Record<string, string | number | boolean | null>;

const undoDataSchema = z.object({
  accounts: z.object({ created: z.array(z.string()), updated: z.array(z.object({ id: z.string(), before: z.record(z.string(), z.unknown()) })) }),
  people: z.object({ created: z.array(z.string()), updated: z.array(z.object({ id: z.string(), before: z.record(z.string(), z.unknown()) })) }),
});
type UndoData = z.infer<typeof undoDataSchema>;
const emptyUndo = (): UndoData => ({ accounts: { created: [], updated: [] }, people: { created: [], updated: [] } });

type SkippedRow = { row: number; reason: string };
export type ImportReport = {
  jobId: string;
  eventId: string;
  fileName: string | null;
  mode: ImportMode;
  status: "COMPLETED" | "FAILED";
  totalRows: number;
  rows: { created: number; updated: number; unchanged: number; skipped: number };
  accounts: { created: number; updated: number; unchanged: number };
  people: { created: number; updated: number; unchanged: number };
  skipped: SkippedRow[];
  batchSize: number;
  batches: number;
  failedBatches: { batch: number; fromRow: number; toRow: number; error: string }[];
  durationMs: number;
};

// ───────────────────────────── mapping & preview ─────────────────────────────

function resolveMapping(headers: readonly string[], requested: ColumnMapping | undefined): ColumnMapping {
  const mapping: ColumnMapping = requested
    ? Object.fromEntries(headers.map((h) => [h, requested[h] ?? null]))
    : detectMapping(headers);
  const used = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    const other = used.get(field);
    if (other) {
      throw new AppError("validation_error", `Columns "${other}" and "${header}" are both mapped to ${labelOf(field)}; map each field once`, [
        { path: "mapping", message: `${field} mapped twice` },
      ]);
    }
    used.set(field, header);
  }
  const identifying: ImportField[] = ["accountName", "website", "domain", "email", "firstName", "lastName", "fullName"];
  if (!identifying.some((f) => used.has(f))) {
    throw new AppError("validation_error", "Map at least one column to Company name, Website, Domain, Email or a name", [
      { path: "mapping", message: "nothing identifies a company or a person" },
    ]);
  }
  return mapping;
}

function labelOf(field: ImportField): string {
  return IMPORT_FIELDS.find((f) => f.key === field)?.label ?? field;
}

const PREVIEW_ROWS = 50;
const MAX_LISTED = 1000;

/** Works before any event exists (the first import); then no row is matched against existing records. */
export async function previewImport(body: PreviewImportBody, actor: TeamActor) {
  const parsed = parseCsvText(body.csv);
  const detected = detectMapping(parsed.headers);
  const mapping = resolveMapping(parsed.headers, body.mapping);
  const records = readRecords(parsed.headers, parsed.rows, mapping);
  const shown = records.slice(0, PREVIEW_ROWS);
  const matches = actor.eventId ? await existingMatches(actor.eventId, shown.filter((r) => r.errors.length === 0)) : null;
  const invalid = records.filter((r) => r.errors.length > 0);
  const duplicates = records.filter((r) => r.errors.length === 0 && r.duplicateOf !== null);
  return {
    fileName: body.fileName ?? null,
    delimiter: parsed.delimiter === "\t" ? "tab" : parsed.delimiter,
    headers: parsed.headers,
    detected,
    mapping,
    samples: Object.fromEntries(parsed.headers.map((h, i) => [h, parsed.rows.slice(0, 3).map((r) => r[i] ?? "")])),
    totalRows: records.length,
    counts: {
      valid: records.length - invalid.length - duplicates.length,
      invalid: invalid.length,
      duplicates: duplicates.length,
      accounts: new Set(records.filter((r) => r.errors.length === 0 && r.accountKey).map((r) => r.accountKey)).size,
      people: records.filter((r) => r.errors.length === 0 && r.duplicateOf === null && r.person).length,
    },
    rows: shown.map((r) => ({ ...previewRow(r), action: matches && r.errors.length === 0 && r.duplicateOf === null ? matches(r) : null })),
    problems: records
      .filter((r) => r.errors.length > 0 || r.duplicateOf !== null)
      .slice(0, MAX_LISTED)
      .map((r) => ({ row: r.row, reason: skipReason(r) })),
  };
}

function previewRow(r: ImportRecord) {
  return {
    row: r.row,
    company: r.account?.name ?? null,
    domain: r.account?.domain ?? null,
    person: r.person?.name || null,
    email: r.person?.email ?? null,
    title: r.person?.title ?? null,
    errors: r.errors,
    warnings: r.warnings,
    duplicateOf: r.duplicateOf,
  };
}

/**
 * What importing a previewed row would do, by the rules the import applies (an account by
 * domain, else by name; a person by email): "create" (a new company or person), "add" (a new
 * person at a company already in the event) or "update" (a record already there). A person
 * without an email who matches by name is counted as new here; the import itself may update them.
 */
async function existingMatches(eventId: string, records: ImportRecord[]) {
  const accounts = records.flatMap((r) => (r.account ? [r.account] : []));
  const emails = [...new Set(records.flatMap((r) => (r.person?.email ? [r.person.email] : [])))];
  const [existingAccounts, existingPeople] = await Promise.all([
    accounts.length
      ? prisma.targetAccount.findMany({
          where: { eventId, OR: [{ domain: { in: accounts.flatMap((a) => (a.domain ? [a.domain] : [])) } }, { normalizedName: { in: accounts.map((a) => a.normalizedName) } }] },
          select: { domain: true, normalizedName: true },
        })
      : [],
    emails.length ? prisma.person.findMany({ where: { eventId, email: { in: emails, mode: "insensitive" } }, select: { email: true } }) : [],
  ]);
  const domains = new Set(existingAccounts.flatMap((a) => (a.domain ? [a.domain] : [])));
  const names = new Set(existingAccounts.map((a) => a.normalizedName));
  const namesWithoutDomain = new Set(existingAccounts.filter((a) => !a.domain).map((a) => a.normalizedName));
  const people = new Set(existingPeople.map((p) => p.email!.toLowerCase()));
  return (r: ImportRecord): "create" | "add" | "update" => {
    const accountExists = r.account ? (r.account.domain ? domains.has(r.account.domain) || namesWithoutDomain.has(r.account.normalizedName) : names.has(r.account.normalizedName)) : false;
    if (r.person) return r.person.email && people.has(r.person.email.toLowerCase()) ? "update" : accountExists ? "add" : "create";
    return accountExists ? "update" : "create";
  };
}

function skipReason(r: ImportRecord): string {
  if (r.errors.length > 0) return r.errors.join("; ");
  return `Duplicate of row ${r.duplicateOf}`;
}

// ───────────────────────────── commit ─────────────────────────────

export type PreparedImport = {
  eventId: string;
  fileName: string | null;
  mode: ImportMode;
  records: ImportRecord[];
};

/** Everything that can be refused up front (bad file, bad mapping, unknown event) happens here. */
export async function prepareImport(body: CommitImportBody, actor: Actor): Promise<PreparedImport> {
  const parsed = parseCsvText(body.csv);
  const mapping = resolveMapping(parsed.headers, body.mapping);
  const records = readRecords(parsed.headers, parsed.rows, mapping);
  return { eventId: actor.eventId, fileName: body.fileName ?? null, mode: body.mode, records };
}

type ImportProgress = { processed: number; total: number };
export type RunImportOptions = {
  actor: Actor;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** Runs inside each batch's transaction after its writes (tests use it to make a batch fail). */
  afterBatchWrite?: (batchIndex: number, db: DbTx) => Promise<void>;
};

type BatchState = {
  /** Who runs the import: they own the accounts and people it creates. */
  ownerId: string;
  /** The ICP rules every row is scored by, as it is written (read once per import). */
  rules: ScoringRules;
  /** account key → id, for accounts already handled by a committed batch of this import. */
  accounts: Map<string, string>;
  /** Whether the event has an address stored with capitals (read once per import). */
  mixedCaseEmails?: boolean;
};

type RowOutcome = { kind: "created" | "updated" | "unchanged" } | { kind: "skipped"; reason: string };

export async function commitImport(body: CommitImportBody, options: RunImportOptions): Promise<ImportReport> {
  return runImport(await prepareImport(body, options.actor), options);
}

export async function runImport(prepared: PreparedImport, options: RunImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const { eventId, mode, records } = prepared;
  const skipped: SkippedRow[] = [];
  const work: ImportRecord[] = [];
  for (const record of records) {
    if (record.errors.length > 0 || record.duplicateOf !== null) skipped.push({ row: record.row, reason: skipReason(record) });
    else work.push(record);
  }

  const job = await prisma.importJob.create({
    data: { eventId, userId: options.actor.id, entity: "accounts", fileName: prepared.fileName, mode, skipped: skipped.length },
    select: { id: true },
  });
  const state: BatchState = {
    ownerId: options.actor.id,
    rules: await scoringRules(),
    accounts: new Map(),
  };
  const totals = {
    rows: { created: 0, updated: 0, unchanged: 0, skipped: skipped.length },
    accounts: { created: 0, updated: 0, unchanged: 0 },
    people: { created: 0, updated: 0, unchanged: 0 },
  };
  const failedBatches: ImportReport["failedBatches"] = [];
  const batches = Math.ceil(work.length / batchSize);
  await options.onProgress?.({ processed: 0, total: work.length });

  for (let b = 0; b < batches; b++) {
    const batch = work.slice(b * batchSize, (b + 1) * batchSize);
    try {
      const result = await prisma.$transaction(
        async (tx) => {
          const outcome = await writeBatch(tx, eventId, mode, batch, state);
          const rows = addCounts(totals.rows, outcome.rowCounts);
          // The batch's undo entries are a row of their own (appending them to one document on
          // the job rewrote the whole growing document in every batch).
          await tx.$executeRaw`INSERT INTO import_undo_batches ("jobId", batch, undo) VALUES (${job.id}, ${b}, ${JSON.stringify(outcome.undo)}::jsonb)`;
          await tx.importJob.update({
            where: { id: job.id },
            data: { created: rows.created, updated: rows.updated, skipped: totals.rows.skipped + outcome.rowCounts.skipped },
            select: { id: true },
          });
          await options.afterBatchWrite?.(b, tx);
          return { outcome };
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
      for (const [key, id] of result.outcome.accountIds) state.accounts.set(key, id);
      totals.rows = addCounts(totals.rows, result.outcome.rowCounts);
      totals.accounts = addCounts(totals.accounts, result.outcome.accountCounts);
      totals.people = addCounts(totals.people, result.outcome.peopleCounts);
      skipped.push(...result.outcome.skipped);
    } catch (error) {
      const message = error instanceof AppError ? error.message : "the database refused the batch";
      failedBatches.push({ batch: b + 1, fromRow: batch[0]!.row, toRow: batch[batch.length - 1]!.row, error: message });
      for (const record of batch) skipped.push({ row: record.row, reason: `Batch ${b + 1} failed (${message}); nothing from it was saved` });
      totals.rows.skipped += batch.length;
    }
    await options.onProgress?.({ processed: Math.min(work.length, (b + 1) * batchSize), total: work.length });
  }

  skipped.sort((a, b) => a.row - b.row);
  const wroteSomething = totals.rows.created + totals.rows.updated > 0;
  const status = failedBatches.length > 0 && !wroteSomething ? "FAILED" : "COMPLETED";
  const report: ImportReport = {
    jobId: job.id,
    eventId,
    fileName: prepared.fileName,
    mode,
    status,
    totalRows: records.length,
    rows: totals.rows,
    accounts: totals.accounts,
    people: totals.people,
    skipped: skipped.slice(0, MAX_LISTED),
    batchSize,
    batches,
    failedBatches,
    durationMs: Math.round(performance.now() - started),
  };
  const name = prepared.fileName ?? "a CSV file";
  await prisma.$transaction(async (tx) => {
    await tx.importJob.update({
      where: { id: job.id },
      data: { status, report: { ...report, skippedTotal: skipped.length } as unknown as Prisma.InputJsonValue, skipped: totals.rows.skipped },
    });
    await recordActivity(
      {
        type: status === "FAILED" ? "import.failed" : "import.completed",
        description:
          `Imported ${name}: ${totals.accounts.created} accounts and ${totals.people.created} people created, ` +
          `${totals.accounts.updated + totals.people.updated} updated, ${totals.rows.skipped} rows skipped`,
        actorId: options.actor.id,
        eventId,
        entityType: "import",
        entityId: job.id,
        metadata: { rows: totals.rows, accounts: totals.accounts, people: totals.people, mode, failedBatches: failedBatches.length },
      },
      tx,
    );
    await notify({
      userId: options.actor.id, type: "import_finished", title: status === "FAILED" ? `The import of ${name} failed` : `The import of ${name} finished`,
      body: `${totals.accounts.created} accounts and ${totals.people.created} people created, ${totals.accounts.updated + totals.people.updated} updated, ${totals.rows.skipped} rows skipped`,
      href: "/dashboard/accounts/import", eventId, entityType: "import", entityId: job.id, dedupeKey: `import:${job.id}`,
    }, tx);
  });
  return report;
}

function addCounts<T extends Record<string, number>>(a: T, b: T): T {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof T)[]) (out[key] as number) = (a[key] as number) + (b[key] as number);
  return out;
}

type ExistingAccount = { id: string } & Record<string, unknown>;

async function writeBatch(tx: DbTx, eventId: string, mode: ImportMode, batch: ImportRecord[], state: BatchState) {
  // A count, not EXISTS: PostgreSQL expects most addresses to differ from their lower case and,
  // asked EXISTS, scans people hoping to stop early; a count reads the partial index of the few
  // that do (people_mixed_case_email_idx), usually empty.
  state.mixedCaseEmails ??= (await tx.$queryRaw<{ found: boolean }[]>`
    SELECT count(*) > 0 AS found FROM people WHERE "eventId" = ${eventId} AND "deletedAt" IS NULL AND email <> lower(email)`)[0]?.found ?? true;
  const undo = emptyUndo();
  const accountCounts = { created: 0, updated: 0, unchanged: 0 };
  const peopleCounts = { created: 0, updated: 0, unchanged: 0 };
  const accountIds = new Map<string, string>();
  /** What happened to the account first seen in a given row. */
  const accountEffect = new Map<number, "created" | "updated" | "unchanged" | "exists">();

  // 1. Accounts: one query for every match the batch needs.
  const pending = new Map<string, { row: number; values: AccountValues }>();
  for (const r of batch) {
    if (!r.account || !r.accountKey) continue;
    const known = state.accounts.get(r.accountKey);
    if (known) accountIds.set(r.accountKey, known);
    else if (!pending.has(r.accountKey)) pending.set(r.accountKey, { row: r.row, values: r.account });
  }
  const domains = [...pending.values()].map((p) => p.values.domain).filter((d): d is string => Boolean(d));
  const names = [...pending.values()].map((p) => p.values.normalizedName);
  const existing = pending.size
    ? ((await tx.targetAccount.findMany({
        // Trashed accounts never match: the import creates a live one beside them.
        where: { eventId, deletedAt: null, OR: [{ domain: { in: domains } }, { normalizedName: { in: names } }] },
        select: { id: true, ...selectOf(ACCOUNT_COLUMNS) },
        orderBy: { createdAt: "asc" },
      })) as unknown as ExistingAccount[])
    : [];
  const byDomain = new Map<string, ExistingAccount>();
  const byName = new Map<string, ExistingAccount>();
  const byNameNoDomain = new Map<string, ExistingAccount>();
  for (const a of existing) {
    if (a.domain) byDomain.set(String(a.domain), a);
    if (!byName.has(String(a.normalizedName))) byName.set(String(a.normalizedName), a);
    if (!a.domain && !byNameNoDomain.has(String(a.normalizedName))) byNameNoDomain.set(String(a.normalizedName), a);
  }

  const accountCreates: Snapshot[] = [];
  const accountUpdates: Snapshot[] = [];
  const claimed = new Set<string>();
  for (const [key, { row, values }] of pending) {
    const match = values.domain
      ? byDomain.get(values.domain) ?? byNameNoDomain.get(values.normalizedName)
      : byName.get(values.normalizedName);
    if (match && claimed.has(match.id)) {
      accountIds.set(key, match.id);
      continue;
    }
    if (match) {
      claimed.add(match.id);
      accountIds.set(key, match.id);
      if (mode === "create_only") {
        accountEffect.set(row, "exists");
        continue;
      }
      const before = snapshot(match, ACCOUNT_COLUMNS);
      const after = { ...before, ...nonNull(accountSnapshot(values)) };
      if (sameSnapshot(before, after)) {
        accountEffect.set(row, "unchanged");
        accountCounts.unchanged++;
      } else {
        accountUpdates.push({ id: match.id, ...after });
        undo.accounts.updated.push({ id: match.id, before });
        accountEffect.set(row, "updated");
        accountCounts.updated++;
      }
    } else {
      const id = randomUUID();
      accountIds.set(key, id);
      accountCreates.push({ id, eventId, source: "csv-import", assignedToId: state.ownerId, ...accountSnapshot(values) });
      undo.accounts.created.push(id);
      accountEffect.set(row, "created");
      accountCounts.created++;
    }
  }
  // Scored as they are written (no second UPDATE of every row afterwards: with the indexes and
  // rollup triggers of these tables, that doubled an import's time; docs/PERFORMANCE.md round 12).
  const engagement = await engagementByAccount({ accountIds: accountUpdates.map((a) => String(a.id)) }, tx);
  const accountScores = scoreAccountFacts(state.rules, [...accountCreates, ...accountUpdates].map(accountFacts), engagement);
  const scoredAt = new Date().toISOString();
  const withAccountScore = (a: Snapshot) => withScore(a, accountScores.get(String(a.id))?.breakdown, scoredAt);
  await bulkInsert(tx, "target_accounts", { ...ACCOUNT_COLUMNS, ...SCORE_COLUMNS }, accountCreates.map(withAccountScore));
  await bulkUpdate(tx, "target_accounts", { ...ACCOUNT_COLUMNS, ...SCORE_COLUMNS }, accountUpdates.map(withAccountScore));

  // 2. People: match by email (case-insensitive), else by name within the resolved account.
  const withPerson = batch.filter((r) => r.person);
  const emails = [...new Set(withPerson.map((r) => r.person!.email).filter((e): e is string => Boolean(e)))];
  const namedAccountIds = [...new Set(withPerson.filter((r) => !r.person!.email && r.accountKey).map((r) => accountIds.get(r.accountKey!)!))];
  type ExistingPerson = { id: string } & Record<string, unknown>;
  const personSelect = `"id", ${Object.keys(PERSON_COLUMNS).map((c) => `"${c}"`).join(", ")}`;
  const existingByEmail = emails.length
    ? await tx.$queryRawUnsafe<ExistingPerson[]>(
        // Addresses are stored lower-cased (the import and the people API fold them): then the
        // unique (eventId, email) index answers; an event holding older mixed-case rows is scanned.
        state.mixedCaseEmails
          ? `SELECT ${personSelect} FROM "people" WHERE "eventId" = $1 AND "deletedAt" IS NULL AND lower("email") = ANY($2::text[])`
          : `SELECT ${personSelect} FROM "people" WHERE "eventId" = $1 AND "deletedAt" IS NULL AND "email" = ANY($2::text[])`,
        eventId,
        emails,
      )
    : [];
  const existingByName = namedAccountIds.length
    ? await tx.$queryRawUnsafe<ExistingPerson[]>(
        `SELECT ${personSelect} FROM "people" WHERE "eventId" = $1 AND "deletedAt" IS NULL AND "accountId" = ANY($2::text[]) ORDER BY "createdAt"`,
        eventId,
        namedAccountIds,
      )
    : [];
  const emailIndex = new Map(existingByEmail.map((p) => [String(p.email).toLowerCase(), p]));
  const nameIndex = new Map<string, ExistingPerson>();
  for (const p of existingByName) {
    const key = `${p.accountId}|${foldPersonName(String(p.name))}`;
    if (!nameIndex.has(key)) nameIndex.set(key, p);
  }

  const personCreates: Snapshot[] = [];
  const personUpdates: Snapshot[] = [];
  const outcomes = new Map<number, RowOutcome>();
  // People who were erased stay out: their row is skipped with the reason (the tombstone matches).
  const erasedRows = new Set([...(await erasedIdentities(withPerson.map((r) => ({ email: r.person!.email, name: r.person!.name, company: r.account?.name })), tx))].map((i) => withPerson[i]!.row));
  for (const r of batch) {
    const effect = accountEffect.get(r.row);
    const accountId = r.accountKey ? accountIds.get(r.accountKey) ?? null : null;
    let personEffect: "created" | "updated" | "unchanged" | "exists" | null = null;
    if (r.person && erasedRows.has(r.row)) {
      outcomes.set(r.row, { kind: "skipped", reason: ERASED_MESSAGE });
      continue;
    }
    if (r.person) {
      const values = personValues(r.person, accountId);
      const match = r.person.email ? emailIndex.get(r.person.email) : nameIndex.get(`${accountId}|${foldPersonName(r.person.name)}`);
      if (!match) {
        const id = randomUUID();
        personCreates.push({ id, eventId, source: "csv-import", dataSource: "IMPORT", assignedToId: state.ownerId, ...values });
        undo.people.created.push(id);
        personEffect = "created";
        peopleCounts.created++;
      } else if (mode === "create_only") {
        personEffect = "exists";
      } else {
        const before = snapshot(match, PERSON_COLUMNS);
        const incoming = nonNull(values);
        if (!r.account) delete incoming.accountId;
        const after = { ...before, ...incoming, ...flagsFor((incoming.title ?? before.title) as string | null) };
        if (sameSnapshot(before, after)) {
          personEffect = "unchanged";
          peopleCounts.unchanged++;
        } else {
          personUpdates.push({ id: match.id, ...after });
          undo.people.updated.push({ id: match.id, before });
          personEffect = "updated";
          peopleCounts.updated++;
        }
      }
    }
    outcomes.set(r.row, rowOutcome(effect, personEffect));
  }
  const personScores = await scorePersonFacts(state.rules, [...personCreates, ...personUpdates].map(personFacts), accountScores, tx);
  const withPersonScore = (p: Snapshot) => withScore(p, personScores.get(String(p.id)), scoredAt);
  await bulkInsert(tx, "people", { ...PERSON_COLUMNS, ...SCORE_COLUMNS }, personCreates.map(withPersonScore));
  await bulkUpdate(tx, "people", { ...PERSON_COLUMNS, ...SCORE_COLUMNS }, personUpdates.map(withPersonScore));

  const rowCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const skipped: SkippedRow[] = [];
  for (const [row, outcome] of outcomes) {
    rowCounts[outcome.kind]++;
    if (outcome.kind === "skipped") skipped.push({ row, reason: outcome.reason });
  }
  return { undo, accountCounts, peopleCounts, rowCounts, skipped, accountIds };
}

function rowOutcome(
  account: "created" | "updated" | "unchanged" | "exists" | undefined,
  person: "created" | "updated" | "unchanged" | "exists" | null,
): RowOutcome {
  const effects = [account, person];
  if (effects.includes("created")) return { kind: "created" };
  if (effects.includes("updated")) return { kind: "updated" };
  if (effects.includes("exists")) {
    return { kind: "skipped", reason: `${person === "exists" ? "Person" : "Company"} already exists; create-only mode leaves it unchanged` };
  }
  return { kind: "unchanged" };
}

function personValues(p: PersonValues, accountId: string | null): Snapshot {
  return { ...plain(p), accountId, ...flagsFor(p.title) };
}

function flagsFor(title: string | null): Snapshot {
  const profile = classifyTitle(title);
  return {
    ...personaFlags(profile),
    seniority: title ? profile.seniority : null,
  };
}

/** The score columns, written with the row; never part of a row's undo snapshot. */
const SCORE_COLUMNS: Record<string, string> = { icpScore: "int", icpBreakdown: "jsonb", icpScoredAt: "timestamp(3)" };

/** A row with its score columns (the score is the breakdown's total). */
function withScore(row: Snapshot, breakdown: IcpBreakdown | undefined, scoredAt: string) {
  return { ...row, icpScore: breakdown?.total ?? null, icpBreakdown: breakdown ?? null, icpScoredAt: scoredAt };
}

const text = (v: Snapshot[string] | undefined) => (v === null || v === undefined || v === "" ? null : String(v));
const count = (v: Snapshot[string] | undefined) => (v === null || v === undefined || v === "" ? null : Number(v));

/** What the ICP score reads from a written account row (its full values: new, or before + changes). */
function accountFacts(row: Snapshot) {
  return {
    id: String(row.id), name: String(row.name ?? ""), industry: text(row.industry), employeeCount: count(row.employeeCount), revenue: count(row.revenue),
    facilityCount: count(row.facilityCount), headquarters: text(row.headquarters), location: text(row.location),
  };
}

/** What the ICP score reads from a written person row. */
function personFacts(row: Snapshot) {
  return {
    id: String(row.id), accountId: text(row.accountId), title: text(row.title), isExecOps: row.isExecOps === true, isOps: row.isOps === true,
    isProc: row.isProc === true, isSales: row.isSales === true, isTech: row.isTech === true, isNonOps: row.isNonOps === true,
  };
}

function accountSnapshot(values: AccountValues): Snapshot {
  return plain(values);
}

/** Values as JSON carries them to PostgreSQL: a bigint as its digits. */
function plain(values: AccountValues | PersonValues): Snapshot {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v]));
}

function selectOf<T extends Record<string, string>>(columns: T): Record<keyof T, true> {
  return Object.fromEntries(Object.keys(columns).map((c) => [c, true])) as Record<keyof T, true>;
}

function snapshot(row: Record<string, unknown>, columns: Record<string, string>): Snapshot {
  const out: Snapshot = {};
  for (const column of Object.keys(columns)) {
    const value = row[column];
    out[column] = typeof value === "bigint" ? value.toString() : (value as string | number | boolean | null) ?? null;
  }
  return out;
}

function nonNull(values: Snapshot): Snapshot {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== ""));
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return Object.keys(b).every((k) => String(a[k] ?? "") === String(b[k] ?? ""));
}

/** One UPDATE … FROM jsonb_to_recordset for any number of rows: full column values per row. */
async function bulkUpdate(tx: DbTx, table: "target_accounts" | "people", columns: Record<string, string>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const sets = names.map((c) => `"${c}" = v."${c}"`).join(", ");
  const types = [`"id" text`, ...names.map((c) => `"${c}" ${columns[c]}`)].join(", ");
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" AS t SET ${sets}, "updatedAt" = now() FROM jsonb_to_recordset($1::jsonb) AS v(${types}) WHERE t."id" = v."id"`,
    JSON.stringify(rows),
  );
}

/**
 * One INSERT … SELECT FROM jsonb_to_recordset for any number of rows (Prisma's createMany
 * was several times slower here). Columns not listed keep their database defaults.
 */
async function bulkInsert(tx: DbTx, table: "target_accounts" | "people", columns: Record<string, string>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const all: Record<string, string> = { id: "text", eventId: "text", source: "text", assignedToId: "text", ...(table === "people" ? { dataSource: '"DataSource"' } : {}), ...columns };
  const names = Object.keys(all);
  const list = names.map((c) => `"${c}"`).join(", ");
  const types = names.map((c) => `"${c}" ${all[c]}`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${list}, "createdAt", "updatedAt") SELECT ${names.map((c) => `v."${c}"`).join(", ")}, now(), now() FROM jsonb_to_recordset($1::jsonb) AS v(${types})`,
    JSON.stringify(rows),
  );
}

// ───────────────────────────── undo & history ─────────────────────────────

export async function undoImport(jobId: string, actor: Actor) {
  return prisma.$transaction(
    async (tx) => {
      const job = inActorEvent(actor, "import", await tx.importJob.findUnique({ where: { id: jobId }, include: { user: { select: { id: true, name: true, email: true } } } }));
      assertCan(actor, "import", "undo", ownedBy(job.user));
      if (job.status === "UNDONE") throw new AppError("conflict", "This import was already undone");
      const latest = await tx.importJob.findFirst({
        where: { eventId: job.eventId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      if (latest?.id !== job.id) throw new AppError("conflict", "Only the most recent import can be undone");
      const undo = await undoDataOf(tx, job.id);
      await bulkUpdate(tx, "people", PERSON_COLUMNS, undo.people.updated.map((u) => ({ id: u.id, ...(u.before as Snapshot) })));
      await bulkUpdate(tx, "target_accounts", ACCOUNT_COLUMNS, undo.accounts.updated.map((u) => ({ id: u.id, ...(u.before as Snapshot) })));
      // What the import created goes to the Trash, so an undo can itself be undone.
      const [liveAccounts, livePeople] = await Promise.all([
        tx.targetAccount.findMany({ where: { id: { in: undo.accounts.created }, deletedAt: null }, select: { id: true } }),
        tx.person.findMany({ where: { id: { in: undo.people.created }, deletedAt: null }, select: { id: true } }),
      ]);
      const trashed = await moveToTrash(tx, actor, {
        label: `Import of ${job.fileName ?? "a CSV file"}`,
        accountIds: liveAccounts.map((a) => a.id),
        personIds: livePeople.map((p) => p.id),
      });
      const accounts = { count: trashed.accounts };
      const people = { count: trashed.people };
      await tx.importJob.update({ where: { id: job.id }, data: { status: "UNDONE", undoneAt: new Date() } });
      const result = {
        jobId: job.id,
        deletionId: trashed.deletionId,
        deleted: { accounts: accounts.count, people: people.count },
        restored: { accounts: undo.accounts.updated.length, people: undo.people.updated.length },
      };
      await recordActivity(
        {
          type: "import.undone",
          description:
            `Undid the import of ${job.fileName ?? "a CSV file"}: moved ${accounts.count} accounts and ${people.count} people to the Trash, ` +
            `restored ${result.restored.accounts + result.restored.people} records`,
          actorId: actor.id,
          eventId: job.eventId,
          entityType: "import",
          entityId: job.id,
          metadata: result,
        },
        tx,
      );
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** What the import's committed batches changed, in batch order. */
async function undoDataOf(tx: DbTx, jobId: string): Promise<UndoData> {
  const undo = emptyUndo();
  const batches = await tx.importUndoBatch.findMany({ where: { jobId }, orderBy: { batch: "asc" }, select: { undo: true } });
  for (const batch of batches) {
    const parsed = undoDataSchema.safeParse(batch.undo);
    if (!parsed.success) throw new AppError("conflict", "This import has no undo information");
    for (const kind of ["accounts", "people"] as const) {
      undo[kind].created.push(...parsed.data[kind].created);
      undo[kind].updated.push(...parsed.data[kind].updated);
    }
  }
  return undo;
}

export async function listImports(query: PageQuery, actor: Actor) {
  const where = { eventId: actor.eventId };
  const [rows, total, latest] = await Promise.all([
    prisma.importJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(query),
      select: {
        id: true, fileName: true, mode: true, status: true, created: true, updated: true, skipped: true, createdAt: true, undoneAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
    prisma.importJob.count({ where }),
    prisma.importJob.findFirst({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } }),
  ]);
  return paginated(
    rows.map((r) => {
      const undoable = r.id === latest?.id && r.status !== "UNDONE";
      const undoRefusal = undoable ? refusalReason(actor, "import", "undo", ownedBy(r.user)) : null;
      return { ...r, canUndo: undoable && !undoRefusal, undoRefusal };
    }),
    total,
    query,
  );
}
