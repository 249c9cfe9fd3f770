import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateDataset } from "../../prisma/seed/generate";
import { replicateEvent, writeWithCopies } from "../../prisma/seed/replicate";
import type { SqlRunner } from "../../prisma/seed/write-sql";

/**
 * The benchmark's xl dataset is the large seed's main event copied in the database
 * (prisma/seed/replicate.ts). Here on the demo-size seed, ×3, in a database of its own: every
 * copy must be a world of its own (no copied row points at another copy's rows, polymorphic ids
 * and trigger-filled columns included), the same shape as the original, and the schema's indexes
 * must be exactly what they were after the write that dropped and rebuilt them; the rollups, whose
 * triggers the copy turns off, must be what a rebuild from the rows gives. (Its own
 * database, copied from the migrated template, because the write needs empty tables and drops
 * indexes: the worker's database is not touched.)
 */
const template = new URL(inject("templateDatabaseUrl"));
const server = Object.assign(new URL(template), { pathname: "/postgres" });
const databaseName = `eventops_replicate_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
const TIMES = 3;

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let client: pg.Client;
let eventId: string;
let pastEventId: string;
let indexesBefore: string[];
const run: SqlRunner = {
  execute: (sql, params) => client.query(sql, params as unknown[]),
  query: async <T,>(sql: string, params: readonly unknown[]) => (await client.query(sql, params as unknown[])).rows as T[],
};
const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await client.query(sql, params)).rows[0] as object)[0]);
const indexDefinitions = async () =>
  (await client.query<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`)).rows.map((r) => r.d);

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${databaseName} TEMPLATE "${decodeURIComponent(template.pathname.slice(1))}"`);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  indexesBefore = await indexDefinitions();
  const { data } = generateDataset({ scale: "demo", now: new Date("2026-01-20T17:00:00Z"), seed: 7 });
  [eventId, pastEventId] = [data.events[0]!.id, data.events[1]!.id];
  await client.query("BEGIN");
  await writeWithCopies(run, data, TIMES);
  await client.query("COMMIT");
}, 120_000);

afterAll(async () => {
  await client?.end();
  await onServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

describe("the xl dataset's copies (replicateEvent)", () => {
  it("holds the main event's rows TIMES times, and leaves the past event alone", async () => {
    for (const table of ["target_accounts", "people", "outreach", "email_events", "meeting", "activities"]) {
      const perCopy = await one(`SELECT count(*) FROM ${table} WHERE "eventId" = $1 GROUP BY substr(id, 6, 1) ORDER BY 1 LIMIT 1`, [eventId]);
      expect(perCopy, table).toBeGreaterThan(0);
      expect(await one(`SELECT count(*) FROM ${table} WHERE "eventId" = $1`, [eventId]), table).toBe(perCopy * TIMES);
      expect(await one(`SELECT count(DISTINCT substr(id, 6, 1)) FROM ${table} WHERE "eventId" = $1`, [eventId]), table).toBe(TIMES);
      expect(await one(`SELECT count(*) FROM ${table} WHERE "eventId" = $1 AND substr(id, 6, 1) <> '0'`, [pastEventId]), table).toBe(0);
    }
    const dossiers = await one(`SELECT count(*) FROM company_dossiers d JOIN target_accounts a ON a.id = d."accountId" WHERE a."eventId" = $1`, [eventId]);
    const enrollments = await one(`SELECT count(*) FROM sequence_enrollments e JOIN people p ON p.id = e."personId" WHERE p."eventId" = $1`, [eventId]);
    expect(dossiers % TIMES).toBe(0);
    expect(enrollments).toBeGreaterThan(0);
    expect(enrollments % TIMES).toBe(0);
  });

  it("never points from one copy into another", async () => {
    const crossings = [
      `SELECT count(*) FROM people p JOIN target_accounts a ON a.id = p."accountId" WHERE substr(p.id, 6, 1) <> substr(a.id, 6, 1)`,
      `SELECT count(*) FROM outreach o JOIN people p ON p.id = o."personId" WHERE substr(o.id, 6, 1) <> substr(p.id, 6, 1)`,
      `SELECT count(*) FROM outreach o JOIN sequence_enrollments e ON e.id = o."enrollmentId" WHERE substr(o.id, 6, 1) <> substr(e.id, 6, 1)`,
      // Filled by a trigger from the message on insert, and copied: both must agree.
      `SELECT count(*) FROM email_events v JOIN outreach o ON o.id = v."outreachId" WHERE v."accountId" IS DISTINCT FROM o."accountId" OR v."eventId" IS DISTINCT FROM o."eventId"`,
      `SELECT count(*) FROM meeting m JOIN people p ON p.id = m."personId" WHERE substr(m.id, 6, 1) <> substr(p.id, 6, 1)`,
      `SELECT count(*) FROM insights i JOIN people p ON p.id = i."personId" WHERE substr(i.id, 6, 1) <> substr(p.id, 6, 1)`,
      `SELECT count(*) FROM activities t WHERE t."entityId" ~ '^c(acct|pers|outr|meet|enro|doss)' AND substr(t."entityId", 6, 1) <> substr(t.id, 6, 1)`,
      `SELECT count(*) FROM activities t JOIN people p ON p.id = t."personId" WHERE substr(t.id, 6, 1) <> substr(p.id, 6, 1)`,
    ];
    for (const sql of crossings) expect(await one(sql), sql).toBe(0);
    // Shared configuration is shared, not copied: the copies' messages use the seed's templates.
    expect(await one(`SELECT count(*) FROM outreach WHERE "eventId" = $1 AND "templateId" IS NOT NULL AND substr(id, 6, 1) = '2'`, [eventId])).toBe(
      await one(`SELECT count(*) FROM outreach WHERE "eventId" = $1 AND "templateId" IS NOT NULL AND substr(id, 6, 1) = '0'`, [eventId]),
    );
  });

  it("keeps the data's shape: each copy has the original's tiers, statuses and engagement", async () => {
    const shape = async (copy: string) =>
      (await client.query(
        `SELECT a.tier, a.status, count(*)::int AS accounts,
           (SELECT count(*)::int FROM outreach o WHERE o."eventId" = $1 AND substr(o.id, 6, 1) = $2 AND o."repliedAt" IS NOT NULL) AS replied
         FROM target_accounts a WHERE a."eventId" = $1 AND substr(a.id, 6, 1) = $2 GROUP BY 1, 2 ORDER BY 1, 2`,
        [eventId, copy],
      )).rows;
    const original = await shape("0");
    expect(original.length).toBeGreaterThan(3);
    expect(await shape("2")).toEqual(original);
  });

  it("gives every copy its own unique natural keys, and the schema its indexes back", async () => {
    expect(await one(`SELECT count(*) FROM people WHERE substr(id, 6, 1) = '1' AND email NOT LIKE '%@x1.%'`)).toBe(0);
    expect(await one(`SELECT count(*) FROM target_accounts WHERE substr(id, 6, 1) = '1' AND domain NOT LIKE 'x1.%'`)).toBe(0);
    expect(await indexDefinitions()).toEqual(indexesBefore);
    // The foreign-key triggers a superuser's copy turns off are on again.
    expect(await one(`SELECT count(*) FROM pg_trigger WHERE tgenabled = 'D'`)).toBe(0);
    expect(await one(`SELECT count(*) FROM pg_trigger t JOIN pg_constraint f ON f.oid = t.tgconstraint WHERE f.contype = 'f' AND t.tgrelid = 'activities'::regclass`)).toBeGreaterThan(0);
  });

  it("leaves the rollups equal to a rebuild from the rows (the copy runs with their triggers off)", async () => {
    const rollupTables = ["rollup_account_state", "rollup_accounts", "rollup_people", "rollup_outreach", "rollup_meetings", "rollup_heatmap_cells", "rollup_heatmap_accounts", "rollup_heatmap_account_weeks", "rollup_lead_state", "rollup_show_accounts", "outreach_subjects", "rollup_activities", "rollup_campaigns"];
    const snapshot = async () => {
      const rows: Record<string, string[]> = {};
      for (const table of rollupTables) {
        // A campaign's counts belong to the event through the campaign.
        const ofEvent = table === "rollup_campaigns" ? `x."campaignId" IN (SELECT id FROM campaigns WHERE "eventId" = $1)` : `"eventId" = $1`;
        const result = await client.query<{ r: string }>(`SELECT to_jsonb(x)::text AS r FROM ${table} x WHERE ${ofEvent} ORDER BY 1`, [eventId]);
        rows[table] = result.rows.map((row) => row.r);
      }
      return rows;
    };
    // Plain sums first, so a failure reads as a number: every live person and every sent message of
    // the copies is counted once.
    expect(await one(`SELECT sum(n) FROM rollup_people WHERE "eventId" = $1`, [eventId])).toBe(await one(`SELECT count(*) FROM people WHERE "eventId" = $1 AND "deletedAt" IS NULL`, [eventId]));
    expect(await one(`SELECT sum(sent) FROM rollup_outreach WHERE "eventId" = $1`, [eventId])).toBe(
      await one(`SELECT count(*) FROM outreach WHERE "eventId" = $1 AND "sentAt" IS NOT NULL AND status <> 'DRAFT'`, [eventId]),
    );
    expect(await one(`SELECT count(*) FROM rollup_account_state WHERE "eventId" = $1`, [eventId])).toBe(await one(`SELECT count(*) FROM target_accounts WHERE "eventId" = $1`, [eventId]));
    expect(await one(`SELECT sum(n) FROM rollup_activities WHERE "eventId" = $1`, [eventId])).toBe(await one(`SELECT count(*) FROM activities WHERE "eventId" = $1`, [eventId]));
    // A person's "last touched" is stored by rollup_* triggers too: the copies' values must be what
    // their own messages and meetings give.
    expect(await one(`SELECT count(*) FROM people r WHERE r."eventId" = $1 AND r."lastTouchedAt" IS DISTINCT FROM GREATEST(
        (SELECT max(o."sentAt") FROM outreach o WHERE o."personId" = r.id),
        (SELECT max(m."createdAt") FROM meeting m WHERE m."personId" = r.id AND m.status <> 'CANCELLED'))`, [eventId])).toBe(0);
    expect(await one(`SELECT count(*) FROM people WHERE "eventId" = $1 AND "lastTouchedAt" IS NOT NULL`, [eventId])).toBeGreaterThan(0);
    // And a person's account's tier.
    expect(await one(`SELECT count(*) FROM people p LEFT JOIN target_accounts a ON a.id = p."accountId"
        WHERE p."eventId" = $1 AND p."accountTier" IS DISTINCT FROM a.tier`, [eventId])).toBe(0);
    // So are an account's people and last touch, on its state row.
    expect(await one(`SELECT count(*) FROM target_accounts a JOIN rollup_account_state s ON s."accountId" = a.id WHERE a."eventId" = $1
        AND (s.people, s."lastTouchedAt") IS DISTINCT FROM (
          (SELECT count(*)::int FROM people p WHERE p."accountId" = a.id AND p."deletedAt" IS NULL),
          GREATEST((SELECT max(o."sentAt") FROM outreach o WHERE o."accountId" = a.id),
            (SELECT max(m."createdAt") FROM meeting m WHERE m."accountId" = a.id AND m.status <> 'CANCELLED')))`, [eventId])).toBe(0);
    expect(await one(`SELECT count(*) FROM rollup_account_state WHERE "eventId" = $1 AND people > 0 AND "lastTouchedAt" IS NOT NULL`, [eventId])).toBeGreaterThan(0);
    const afterCopy = await snapshot();
    await client.query("BEGIN");
    try {
      await client.query(`SELECT rollup_rebuild_event($1)`, [eventId]);
      expect(afterCopy).toEqual(await snapshot());
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("refuses rows that are not the seed's own", async () => {
    await client.query("BEGIN");
    try {
      await client.query(`UPDATE target_accounts SET id = 'cmanual' || id WHERE id = (SELECT min(id) FROM target_accounts WHERE "eventId" = $1)`, [eventId]);
      await expect(replicateEvent(run, eventId, 2)).rejects.toThrow(/do not have seed ids/);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
