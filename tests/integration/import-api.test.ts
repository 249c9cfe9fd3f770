import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { commitImport, undoImport } from "@/server/import/service";
import * as importRoute from "@/app/api/import/route";
import * as previewRoute from "@/app/api/import/preview/route";
import * as undoRoute from "@/app/api/import/[id]/undo/route";
import { callRoute } from "../helpers/request";
import { jobRow, runJobs } from "../helpers/jobs";
import { actorFor, createEvent, signedInUser } from "../helpers/factories";

async function setup() {
  const event = await createEvent();
  const { user, cookie } = await signedInUser("REP");
  await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  return { event, user: { ...user, lastEventId: event.id }, cookie };
}

const tag = () => randomUUID().slice(0, 8);

describe("POST /api/import/preview", () => {
  it("detects the mapping and lists per-row problems without writing anything", async () => {
    const { cookie, event } = await setup();
    const csv = "\uFEFFCompany name;Website URL;Number of Employees;Email\nAcme;acme.test;lots;\nBeta;beta.test;1,200;x@beta.test\nBeta;beta.test;1,200;x@beta.test\n";
    const res = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv, fileName: "a.csv" } });
    expect(res.status).toBe(200);
    const data = res.json.data;
    expect(data.delimiter).toBe(";");
    expect(data.mapping).toEqual({ "Company name": "accountName", "Website URL": "website", "Number of Employees": "employeeCount", Email: "email" });
    expect(data.counts).toMatchObject({ valid: 1, invalid: 1, duplicates: 1 });
    expect(data.problems).toEqual([
      { row: 2, reason: 'Employees: "lots" is not a number' },
      { row: 4, reason: "Duplicate of row 3" },
    ]);
    expect(await prisma.targetAccount.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a mapping that uses a field twice (422) and unknown body fields", async () => {
    const { cookie } = await setup();
    const csv = "A,B\nx,y\n";
    const twice = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv, mapping: { A: "accountName", B: "accountName" } } });
    expect(twice.status).toBe(422);
    expect(twice.json.error).toMatch(/both mapped to Company name/);
    const nothing = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv } });
    expect(nothing.status).toBe(422);
    expect(nothing.json.error).toMatch(/Map at least one column/);
    const extra = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv, surprise: 1 } });
    expect(extra.status).toBe(422);
  });

  it("needs a session", async () => {
    const res = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", body: { csv: "a\n1" } });
    expect(res.status).toBe(401);
  });
});

describe("POST /api/import", () => {
  it("creates accounts and linked people, then upserts on natural keys and reports every row", async () => {
    const { cookie, event } = await setup();
    const t = tag();
    const first = [
      "Company name,Website,Industry,Employees,Annual Revenue,City,State,First Name,Last Name,Email,Job Title",
      `Acme ${t} Inc.,https://www.acme-${t}.test,Retail,"1,200",$5M,Memphis,TN,Dana,Lee,dana@acme-${t}.test,VP Logistics`,
      `Acme ${t},acme-${t}.test,,,,,,Sam,Ortiz,,Yard Manager`,
      `Beta ${t},,Food,n/a,,,,,,,`,
      `,,,,,,,Nobody,Here,,`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: first, fileName: "first.csv", mode: "upsert" } });
    expect(res.status).toBe(201);
    const report = res.json.data;
    expect(report).toMatchObject({
      status: "COMPLETED",
      totalRows: 4,
      rows: { created: 3, updated: 0, unchanged: 0, skipped: 1 },
      accounts: { created: 2, updated: 0 },
      people: { created: 2, updated: 0 },
    });
    expect(report.skipped).toEqual([{ row: 5, reason: "A person needs an email or a company so they can be matched" }]);

    const acme = await prisma.targetAccount.findFirstOrThrow({ where: { eventId: event.id, domain: `acme-${t}.test` }, include: { people: true } });
    expect(acme).toMatchObject({ name: `Acme ${t} Inc.`, normalizedName: `acme ${t}`, employeeCount: 1200, revenue: 5_000_000n, headquarters: "Memphis, TN", source: "csv-import" });
    expect(acme.people.map((p) => p.name).sort()).toEqual(["Dana Lee", "Sam Ortiz"]);
    const dana = acme.people.find((p) => p.firstName === "Dana")!;
    expect(dana).toMatchObject({ isExecOps: true, seniority: "VP" });
    const beta = await prisma.targetAccount.findFirstOrThrow({ where: { eventId: event.id, normalizedName: `beta ${t}` } });
    expect(beta.domain).toBeNull();

    // Second file: same keys (domain, email, name within account, normalised name) → updates.
    const second = [
      "Account Name,Website,Employees,Title,First Name,Last Name,Email",
      `Acme ${t} Inc.,acme-${t}.test,1500,,Dana,Lee,DANA@acme-${t}.test`,
      `ACME ${t} LLC,acme-${t}.test,,Director of Yard Operations,Sam,Ortiz,`,
      `Beta ${t} Ltd.,,250,,,,`,
      `Gamma ${t},gamma-${t}.test,,,,,`,
    ].join("\n");
    const res2 = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: second, fileName: "second.csv", mode: "upsert" } });
    expect(res2.status).toBe(201);
    expect(res2.json.data).toMatchObject({
      rows: { created: 1, updated: 3, skipped: 0 },
      accounts: { created: 1, updated: 2 },
      people: { created: 0, updated: 1, unchanged: 1 },
    });
    const acme2 = await prisma.targetAccount.findUniqueOrThrow({ where: { id: acme.id } });
    expect(acme2).toMatchObject({ employeeCount: 1500, industry: "Retail", revenue: 5_000_000n });
    const sam = await prisma.person.findFirstOrThrow({ where: { accountId: acme.id, firstName: "Sam" } });
    expect(sam).toMatchObject({ title: "Director of Yard Operations", isOps: true, seniority: "Director" });
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: beta.id } })).employeeCount).toBe(250);
    expect(await prisma.person.count({ where: { eventId: event.id } })).toBe(2);

    const activity = await prisma.activity.findFirst({ where: { type: "import.completed", entityId: res2.json.data.jobId } });
    expect(activity?.description).toContain("second.csv");
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: res2.json.data.jobId } });
    expect(job).toMatchObject({ created: 1, updated: 3, skipped: 0, mode: "upsert", status: "COMPLETED" });
  });

  it("create-only leaves existing records alone and says so", async () => {
    const { cookie, event } = await setup();
    const t = tag();
    await prisma.targetAccount.create({ data: { eventId: event.id, name: `Delta ${t}`, normalizedName: `delta ${t}`, domain: `delta-${t}.test`, employeeCount: 10 } });
    const csv = [
      "Company name,Website,Employees,First Name,Email",
      `Delta ${t},delta-${t}.test,999,,`,
      `Delta ${t},delta-${t}.test,999,Kim,kim@delta-${t}.test`,
      `Echo ${t},echo-${t}.test,5,,`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, mode: "create_only" } });
    expect(res.status).toBe(201);
    expect(res.json.data.rows).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(res.json.data.skipped).toEqual([{ row: 2, reason: "Company already exists; create-only mode leaves it unchanged" }]);
    const delta = await prisma.targetAccount.findFirstOrThrow({ where: { eventId: event.id, domain: `delta-${t}.test` }, include: { people: true } });
    expect(delta.employeeCount).toBe(10);
    expect(delta.people.map((p) => p.email)).toEqual([`kim@delta-${t}.test`]);

    const again = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, mode: "create_only" } });
    expect(again.json.data.rows).toMatchObject({ created: 0, skipped: 3 });
    expect(again.json.data.skipped[1].reason).toBe("Person already exists; create-only mode leaves it unchanged");
  });

  it("rolls back a failing batch whole and keeps the batches before it", async () => {
    const { user, event } = await setup();
    const t = tag();
    const lines = ["Company name,Website"];
    for (let i = 0; i < 25; i++) lines.push(`Batch ${t} ${i},b${i}-${t}.test`);
    const report = await commitImport(
      { csv: lines.join("\n"), mode: "upsert", fileName: "batches.csv" },
      {
        actor: await actorFor(user, event.id),
        batchSize: 10,
        afterBatchWrite: async (index) => {
          if (index === 1) throw new AppError("conflict", "simulated failure");
        },
      },
    );
    expect(report.batches).toBe(3);
    expect(report.failedBatches).toEqual([{ batch: 2, fromRow: 12, toRow: 21, error: "simulated failure" }]);
    expect(report.rows).toMatchObject({ created: 15, skipped: 10 });
    expect(report.skipped[0]).toEqual({ row: 12, reason: "Batch 2 failed (simulated failure); nothing from it was saved" });
    const names = (await prisma.targetAccount.findMany({ where: { eventId: event.id }, select: { name: true } })).map((a) => a.name);
    expect(names).toHaveLength(15);
    expect(names).not.toContain(`Batch ${t} 10`);
    expect(names).toContain(`Batch ${t} 9`);
    expect(names).toContain(`Batch ${t} 20`);
    // Undo data is kept per committed batch: batches 1 and 3, not the one rolled back.
    const undo = await prisma.importUndoBatch.findMany({ where: { jobId: report.jobId }, orderBy: { batch: "asc" } });
    expect(undo.map((u) => [u.batch, (u.undo as { accounts: { created: string[] } }).accounts.created.length])).toEqual([[0, 10], [2, 5]]);
  });

  it("undo restores previous values and moves created rows to the Trash; only the latest import", async () => {
    const { cookie, event } = await setup();
    const t = tag();
    const existing = await prisma.targetAccount.create({
      data: { eventId: event.id, name: `Foxtrot ${t}`, normalizedName: `foxtrot ${t}`, domain: `fox-${t}.test`, industry: "Retail", employeeCount: 40, revenue: 7n },
    });
    const person = await prisma.person.create({
      data: { eventId: event.id, accountId: existing.id, firstName: "Ana", lastName: "Kay", name: "Ana Kay", email: `ana@fox-${t}.test`, title: "Buyer" },
    });
    const csv = [
      "Company name,Website,Industry,Employees,Annual Revenue,First Name,Last Name,Email,Title",
      `Foxtrot ${t},fox-${t}.test,Manufacturing,4000,$2B,Ana,Kay,ana@fox-${t}.test,COO`,
      `Golf ${t},golf-${t}.test,Retail,10,,Bo,Diaz,bo@golf-${t}.test,Analyst`,
    ].join("\n");
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, fileName: "undo.csv" } });
    expect(res.json.data.rows).toMatchObject({ created: 1, updated: 1 });
    expect(await prisma.targetAccount.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ industry: "Manufacturing", employeeCount: 4000, revenue: 2_000_000_000n });

    const history = await callRoute(importRoute.GET, "/api/import", { cookie });
    expect(history.status).toBe(200);
    expect(history.json.data.items[0]).toMatchObject({ id: res.json.data.jobId, fileName: "undo.csv", canUndo: true, created: 1, updated: 1 });

    const undo = await callRoute(undoRoute.POST, `/api/import/${res.json.data.jobId}/undo`, { method: "POST", cookie, params: { id: res.json.data.jobId } });
    expect(undo.status).toBe(200);
    expect(undo.json.data).toMatchObject({ deleted: { accounts: 1, people: 1 }, restored: { accounts: 1, people: 1 } });
    expect(await prisma.targetAccount.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ industry: "Retail", employeeCount: 40, revenue: 7n, name: `Foxtrot ${t}` });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ title: "Buyer", isExecOps: false, accountId: existing.id });
    // What the import created is in the Trash, under one Deletion the undo reports.
    expect(await prisma.targetAccount.count({ where: { eventId: event.id, domain: `golf-${t}.test`, deletedAt: null } })).toBe(0);
    expect(await prisma.person.count({ where: { eventId: event.id, email: `bo@golf-${t}.test`, deletedAt: null } })).toBe(0);
    expect(await prisma.targetAccount.count({ where: { eventId: event.id, domain: `golf-${t}.test`, deletionId: undo.json.data.deletionId } })).toBe(1);
    expect(await prisma.deletion.findUniqueOrThrow({ where: { id: undo.json.data.deletionId } })).toMatchObject({ label: "Import of undo.csv", accounts: 1, people: 1 });
    expect(await prisma.activity.count({ where: { type: "import.undone", entityId: res.json.data.jobId } })).toBe(1);

    const twice = await callRoute(undoRoute.POST, "/x", { method: "POST", cookie, params: { id: res.json.data.jobId } });
    expect(twice.status).toBe(409);

    // An older import cannot be undone once a newer one exists.
    const a = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: `Company name\nHotel ${t}` } });
    await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: `Company name\nIndia ${t}` } });
    const old = await callRoute(undoRoute.POST, "/x", { method: "POST", cookie, params: { id: a.json.data.jobId } });
    expect(old.status).toBe(409);
    expect(old.json.error).toMatch(/most recent/);
    const missing = await callRoute(undoRoute.POST, "/x", { method: "POST", cookie, params: { id: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("undo reverts every committed batch of a large import, each batch's updates and creates", async () => {
    const { user, event } = await setup();
    const t = tag();
    const actor = await actorFor(user, event.id);
    const seeded = [];
    for (let i = 0; i < 3; i++) {
      seeded.push(await prisma.targetAccount.create({
        data: { eventId: event.id, name: `Kilo ${t} ${i}`, normalizedName: `kilo ${t} ${i}`, domain: `kilo${i}-${t}.test`, industry: "Retail", employeeCount: 10 + i },
      }));
    }
    // Batches of two: [update 0, create 0], [update 1, create 1], [update 2, create 2].
    const lines = ["Company name,Website,Industry,Employees"];
    for (let i = 0; i < 3; i++) lines.push(`Kilo ${t} ${i},kilo${i}-${t}.test,Logistics,${500 + i}`, `Lima ${t} ${i},lima${i}-${t}.test,Logistics,7`);
    const report = await commitImport({ csv: lines.join("\n"), mode: "upsert", fileName: "batches.csv" }, { actor, batchSize: 2 });
    expect(report).toMatchObject({ batches: 3, rows: { created: 3, updated: 3 } });
    expect(await prisma.importUndoBatch.count({ where: { jobId: report.jobId } })).toBe(3);

    const undone = await undoImport(report.jobId, actor);
    expect(undone).toMatchObject({ deleted: { accounts: 3, people: 0 }, restored: { accounts: 3, people: 0 } });
    const after = await prisma.targetAccount.findMany({ where: { id: { in: seeded.map((a) => a.id) } }, orderBy: { name: "asc" }, select: { industry: true, employeeCount: true } });
    expect(after).toEqual([0, 1, 2].map((i) => ({ industry: "Retail", employeeCount: 10 + i })));
    expect(await prisma.targetAccount.count({ where: { eventId: event.id, name: { startsWith: `Lima ${t}` }, deletedAt: null } })).toBe(0);
  });

  it("streams progress lines and the report with ?stream=1", async () => {
    const { cookie } = await setup();
    const t = tag();
    const lines = ["Company name"];
    for (let i = 0; i < 30; i++) lines.push(`Stream ${t} ${i}`);
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, query: { stream: "1" }, body: { csv: lines.join("\n") } });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const events = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(events[0]).toEqual({ type: "progress", processed: 0, total: 30 });
    expect(events.at(-2)).toEqual({ type: "progress", processed: 30, total: 30 });
    expect(events.at(-1)).toMatchObject({ type: "done", data: { rows: { created: 30 } } });
  });

  it("refuses a bad file before anything is written", async () => {
    const { cookie, event } = await setup();
    const before = await prisma.importJob.count({ where: { eventId: event.id } });
    const bad = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: "Company name\n\"unterminated" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toMatch(/not valid CSV/);
    const mode = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv: "Company name\nX", mode: "merge" } });
    expect(mode.status).toBe(422);
    expect(await prisma.importJob.count({ where: { eventId: event.id } })).toBe(before);
  });

  it("imports 5,000 rows in a background job, in a few bulk batches (timing logged)", async () => {
    const { cookie, event } = await setup();
    const t = tag();
    const lines = ["Company name,Website,Industry,Employees,First Name,Last Name,Email,Title"];
    for (let i = 0; i < 2500; i++) {
      lines.push(`Bulk ${t} ${i},bulk${i}-${t}.test,Retail,${100 + i},Pat,One${i},pat${i}@bulk${i}-${t}.test,Ops Manager`);
      lines.push(`Bulk ${t} ${i},bulk${i}-${t}.test,Retail,${100 + i},Lou,Two${i},lou${i}@bulk${i}-${t}.test,IT Director`);
    }
    // Above BACKGROUND_IMPORT_ROWS the request only queues the work: 202 with the job to follow.
    const importInBackground = async (csv: string, fileName: string) => {
      const started = performance.now();
      const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, fileName } });
      expect(res.status).toBe(202);
      expect(res.json.data.job).toMatchObject({ kind: "import", status: "QUEUED", label: `Import of ${fileName} (5000 rows)` });
      await runJobs();
      const job = await jobRow(res.json.data.job.id);
      expect(job).toMatchObject({ status: "SUCCEEDED", done: 5000, total: 5000 });
      return { report: job.result, ms: performance.now() - started };
    };
    const created = await importInBackground(lines.join("\n"), "bulk.csv");
    expect(created.report).toMatchObject({ totalRows: 5000, rows: { created: 5000 }, accounts: { created: 2500 }, people: { created: 5000 }, batches: 5 });
    const createMs = created.ms;
    const updated = await importInBackground(lines.join("\n").replace(/,Retail,/g, ",Grocery retail,"), "bulk2.csv");
    const updateMs = updated.ms;
    // The company change counts once, on the first row of each company; the second row is unchanged.
    expect(updated.report).toMatchObject({ rows: { updated: 2500, unchanged: 2500 }, accounts: { updated: 2500 } });
    console.log(`[import] 5,000 rows: create ${Math.round(createMs)} ms, upsert-update ${Math.round(updateMs)} ms`);
    expect(await prisma.person.count({ where: { eventId: event.id } })).toBe(5000);
  });
});

describe("import scoring", () => {
  // The import scores each row in the statement that writes it (docs/PERFORMANCE.md round 12), not
  // with a second UPDATE afterwards: what it stores must be what a full rescore computes.
  it("stores the same ICP scores and breakdowns as rescoring the whole event, for new and updated rows", async () => {
    const { user, event } = await setup();
    const actor = await actorFor(user, event.id);
    const t = tag();
    // An account known before the import, with research facts the CSV does not carry and some
    // engagement: the update path must score it with both.
    const known = await prisma.targetAccount.create({
      data: { eventId: event.id, name: `Known ${t}`, normalizedName: `known ${t}`, domain: `known-${t}.test`, industry: "Retail", employeeCount: 40, facilityCount: 12, headquarters: "Chicago, IL" },
    });
    const insider = await prisma.person.create({ data: { eventId: event.id, accountId: known.id, firstName: "Ira", lastName: "Moss", name: "Ira Moss", email: `ira@known-${t}.test`, title: "Buyer" } });
    await prisma.outreach.create({ data: { eventId: event.id, personId: insider.id, accountId: known.id, message: "Hello", sentAt: new Date(), repliedAt: new Date(), status: "SENT" } });
    await prisma.meeting.create({ data: { eventId: event.id, personId: insider.id, accountId: known.id, scheduledAt: new Date(Date.now() + 86_400_000), icsUid: `${randomUUID()}@t` } });
    const csv = [
      "Company name,Website,Industry,Employees,Revenue,First name,Last name,Email,Job title",
      `Known ${t},known-${t}.test,3PL & Logistics,4200,900000000,Ira,Moss,ira@known-${t}.test,VP Supply Chain Operations`,
      `Known ${t},known-${t}.test,,,,Lee,Park,lee@known-${t}.test,Director of Procurement`,
      `New Co ${t},new-${t}.test,Food & Beverage,800,,Sam,Ortiz,sam@new-${t}.test,Warehouse Manager`,
      `Solo ${t},solo-${t}.test,,,,,,,`,
    ].join("\n");
    const report = await commitImport({ csv, mode: "upsert", fileName: "scores.csv" }, { actor, batchSize: 2 });
    expect(report.rows).toMatchObject({ created: 3, updated: 1, skipped: 0 });

    const read = async () => [
      ...(await prisma.targetAccount.findMany({ where: { eventId: event.id }, select: { id: true, icpScore: true, icpBreakdown: true }, orderBy: { id: "asc" } })),
      ...(await prisma.person.findMany({ where: { eventId: event.id }, select: { id: true, icpScore: true, icpBreakdown: true }, orderBy: { id: "asc" } })),
    ];
    const stored = await read();
    // Every row has a score: the import wrote all of them (the insider is in the CSV too).
    expect(stored).toHaveLength(6);
    expect(stored.every((r) => typeof r.icpScore === "number" && r.icpBreakdown !== null)).toBe(true);
    const { scoreRecords } = await import("@/server/scoring/service");
    await scoreRecords(event.id, null);
    expect(await read()).toEqual(stored);
  });
});
