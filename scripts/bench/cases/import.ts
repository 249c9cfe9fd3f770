/**
 * CSV import of 5,000 rows through the import service (prepareImport + runImport, the path
 * POST /api/import takes): half the rows update seeded accounts and people (matched by website
 * domain and email, as the import matches), half create new accounts with a new contact. New
 * names carry a per-run tag so a --reuse run still creates rather than updates them.
 */
import { prepareImport, runImport } from "../../../src/server/import/service";
import { round } from "../lib/measure";
import type { BenchCase, BenchContext, BenchResult } from "../lib/types";

const ROWS = 5000;
const HEADER = ["Company Name", "Company Domain Name", "Industry", "Number of Employees", "City", "Country", "First Name", "Last Name", "Email", "Job Title"];

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function buildCsv(ctx: BenchContext, tag: string): Promise<{ csv: string; updates: number; creates: number }> {
  const updates = ROWS / 2;
  // One contact per seeded account with a domain, so every update row matches an existing account and person.
  const existing = await ctx.pg.query<{ name: string; domain: string; industry: string | null; employeeCount: number | null; firstName: string; lastName: string; email: string; title: string | null }>(
    `SELECT DISTINCT ON (a.id) a.name, a.domain, a.industry, a."employeeCount", p."firstName", p."lastName", p.email, p.title
       FROM target_accounts a JOIN people p ON p."accountId" = a.id
      WHERE a."eventId" = $1 AND a.domain IS NOT NULL AND p.email IS NOT NULL AND p."firstName" IS NOT NULL AND p."lastName" IS NOT NULL
      ORDER BY a.id, p.id
      LIMIT $2`,
    [ctx.eventId, updates],
  );
  if (existing.rows.length < updates) throw new Error(`only ${existing.rows.length} seeded accounts with a contact to update (need ${updates})`);
  const lines = [HEADER.join(",")];
  for (const [i, r] of existing.rows.entries()) {
    lines.push([r.name, r.domain, r.industry, (r.employeeCount ?? 100) + 1, "Chicago", "United States", r.firstName, r.lastName, r.email, `${r.title ?? "Director"} (${tag} ${i})`].map(cell).join(","));
  }
  for (let i = 0; i < ROWS - updates; i++) {
    const company = `Bench Freight ${tag} ${i}`;
    const domain = `bench-freight-${tag}-${i}.example`;
    lines.push([company, domain, "Logistics", 250 + (i % 500), "Dallas", "United States", `Alex${i}`, `Rivera${i}`, `alex.rivera${i}@${domain}`, "VP Operations"].map(cell).join(","));
  }
  return { csv: lines.join("\r\n") + "\r\n", updates, creates: ROWS - updates };
}

export const benchCase: BenchCase = {
  name: "import",
  mutates: true,
  async run(ctx): Promise<BenchResult[]> {
    const tag = Date.now().toString(36);
    const { csv, updates, creates } = await buildCsv(ctx, tag);
    const actor = ctx.admin;
    const t0 = performance.now();
    const prepared = await prepareImport({ csv, fileName: `bench-${tag}.csv`, mode: "upsert", eventId: ctx.eventId }, actor);
    const report = await runImport(prepared, { actor });
    const seconds = (performance.now() - t0) / 1000;
    ctx.log(`import: ${JSON.stringify({ rows: report.rows, accounts: report.accounts, people: report.people, batches: report.batches, failed: report.failedBatches.length })}`);
    const written = report.rows.created + report.rows.updated + report.rows.unchanged;
    if (report.status !== "COMPLETED" || report.failedBatches.length > 0) throw new Error(`import did not complete: ${JSON.stringify(report.failedBatches)}`);
    return [{
      id: "import.csv5000",
      group: "import",
      label: `CSV import, ${ROWS.toLocaleString("en-US")} rows (upsert)`,
      metrics: { rows: ROWS, seconds: round(seconds, 3), rowsPerSec: round(ROWS / seconds, 0), created: report.rows.created, updated: report.rows.updated, skipped: report.rows.skipped },
      budgets: [{ metric: "seconds", max: 5 }],
      note: `${updates} rows update seeded accounts/people (matched by domain and email), ${creates} create new accounts with a contact; ${written} rows written in ${report.batches} batches`,
    }];
  },
};
