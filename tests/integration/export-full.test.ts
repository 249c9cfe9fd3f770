import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { prisma } from "@/server/db";
import * as exportRoute from "@/app/api/export/full/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

let eventId = "";
let adminCookie = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  const event = await createEvent({ name: "Export Fixture Expo" });
  eventId = event.id;
  adminCookie = (await signedInUser("ADMIN")).cookie;
  const account = await prisma.targetAccount.create({
    data: { eventId, name: "=HYPERLINK(\"http://evil.test\")", normalizedName: "evil", domain: "evil.test", tier: "A", status: "ENGAGED", icpScore: 88, revenue: 12_000_000_000n, notes: "Line one,\n\"quoted\"" },
  });
  ids.account = account.id;
  const person = await prisma.person.create({
    data: { eventId, accountId: account.id, firstName: "Dana", lastName: "Ruiz", name: "Dana Ruiz", title: "+VP Ops", email: `dana-${eventId}@evil.test`, isExecOps: true, isOps: true, isTech: false, icpScore: 91 },
  });
  ids.person = person.id;
  const outreach = await prisma.outreach.create({ data: { eventId, personId: person.id, accountId: account.id, subject: "@booth 42", message: "-hello", status: "SENT", sentAt: new Date("2026-01-05T17:00:00Z"), openCount: 2 } });
  ids.outreach = outreach.id;
  const meeting = await prisma.meeting.create({ data: { eventId, personId: person.id, accountId: account.id, scheduledAt: new Date("2026-02-09T18:00:00Z"), location: "Booth 42", icsUid: `export-${eventId}@eventops.test` } });
  ids.meeting = meeting.id;
});

async function get(query: Record<string, string>, cookie = adminCookie) {
  const url = new URL("http://127.0.0.1:3000/api/export/full");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const req = new NextRequest(url, { headers: { host: "127.0.0.1:3000", cookie } });
  return exportRoute.GET(req, { params: Promise.resolve({}) });
}

describe("full export", () => {
  it("round-trips each entity through CSV with names, persona flags and neutralised formulas", async () => {
    const accounts = parseSync(await (await get({ eventId, format: "csv", entity: "accounts" })).text(), { columns: true }) as Record<string, string>[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      id: ids.account, name: "'=HYPERLINK(\"http://evil.test\")", domain: "evil.test", tier: "A", status: "ENGAGED", icpScore: "88",
      revenue: "12000000000", notes: "Line one,\n\"quoted\"",
    });

    const peopleRes = await get({ eventId, format: "csv", entity: "people" });
    expect(peopleRes.status).toBe(200);
    expect(peopleRes.headers.get("content-type")).toContain("text/csv");
    expect(peopleRes.headers.get("content-disposition")).toMatch(/attachment; filename=".+-people-\d{4}-\d{2}-\d{2}\.csv"/);
    const people = parseSync(await peopleRes.text(), { columns: true }) as Record<string, string>[];
    expect(people).toEqual([expect.objectContaining({
      id: ids.person, accountName: "'=HYPERLINK(\"http://evil.test\")", name: "Dana Ruiz", title: "'+VP Ops",
      isExecOps: "true", isOps: "true", isProc: "false", isSales: "false", isTech: "false", isNonOps: "false", icpScore: "91",
    })]);

    const outreach = parseSync(await (await get({ eventId, format: "csv", entity: "outreach" })).text(), { columns: true }) as Record<string, string>[];
    expect(outreach).toEqual([expect.objectContaining({ id: ids.outreach, personName: "Dana Ruiz", subject: "'@booth 42", message: "'-hello", openCount: "2", sentAt: "2026-01-05T17:00:00.000Z" })]);
    const meetings = parseSync(await (await get({ eventId, format: "csv", entity: "meetings" })).text(), { columns: true }) as Record<string, string>[];
    expect(meetings).toEqual([expect.objectContaining({ id: ids.meeting, personName: "Dana Ruiz", location: "Booth 42", status: "SCHEDULED" })]);

    // Every download leaves an audit line.
    expect(await prisma.activity.count({ where: { eventId, type: "export.downloaded" } })).toBe(4);
  });

  it("serves one JSON document, NDJSON lines and a zip of all CSVs", async () => {
    const doc = JSON.parse(await (await get({ eventId, format: "json" })).text());
    expect(doc.event).toMatchObject({ id: eventId, name: "Export Fixture Expo" });
    expect(doc.accounts).toHaveLength(1);
    expect(doc.people[0]).toMatchObject({ id: ids.person, accountName: "=HYPERLINK(\"http://evil.test\")", isExecOps: true, icpScore: 91 });
    expect(doc.outreach[0]).toMatchObject({ personName: "Dana Ruiz" });
    expect(doc.meetings).toHaveLength(1);

    const ndRes = await get({ eventId, format: "ndjson", entity: "people" });
    expect(ndRes.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await ndRes.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([{ entity: "people", record: expect.objectContaining({ id: ids.person, isOps: true }) }]);

    const zipRes = await get({ eventId, format: "csv" });
    expect(zipRes.headers.get("content-type")).toBe("application/zip");
    const zip = Buffer.from(await zipRes.arrayBuffer());
    expect(zip.subarray(0, 2).toString()).toBe("PK");
    const listing = zip.toString("latin1");
    for (const name of ["accounts.csv", "people.csv", "outreach.csv", "meetings.csv", "activities.csv"]) expect(listing).toContain(name);
  });

  // Issue 16 item 10: "Export everything" left out sequences, enrollments, templates, campaigns, dossiers, reports and the do-not-email list.
  it("exports everything: dossiers, campaigns, templates, sequences with steps and enrollments, reports and the do-not-email list", async () => {
    // Its own admin: the export's strict rate limit is per user, and the other tests use theirs.
    const { user: admin, cookie } = await signedInUser("ADMIN");
    await prisma.companyDossier.create({ data: { accountId: ids.account, summary: "A dossier to keep", painPoints: ["Gate queues"] } });
    const campaign = await prisma.campaign.create({ data: { eventId, name: "Spring push", ownerId: admin.id } });
    const template = await prisma.emailTemplate.create({ data: { eventId, name: "Export invite", subject: "Hi {{person.firstName}}", body: "Booth?" } });
    const sequence = await prisma.sequence.create({ data: { eventId, name: "Export sequence", steps: { create: [{ order: 1, subject: "One", body: "First touch" }] } } });
    const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: ids.person, accountId: ids.account } });
    const report = await prisma.reportDefinition.create({ data: { eventId, name: "Weekly tier A", config: { sections: ["summary"] } } });
    const suppressed = await prisma.suppression.create({ data: { email: `gone-${eventId}@evil.test`, reason: "UNSUBSCRIBED" } });

    const res = await get({ eventId, format: "json" }, cookie);
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text());
    expect(doc.dossiers).toEqual([expect.objectContaining({ accountId: ids.account, summary: "A dossier to keep", painPoints: '["Gate queues"]' })]);
    expect(doc.campaigns).toEqual([expect.objectContaining({ id: campaign.id, name: "Spring push" })]);
    expect(doc.templates.map((t: { id: string }) => t.id)).toContain(template.id);
    expect(doc.sequences).toEqual([expect.objectContaining({ id: sequence.id, name: "Export sequence" })]);
    expect(doc.sequence_steps).toEqual([expect.objectContaining({ sequenceId: sequence.id, sequenceName: "Export sequence", order: 1, body: "First touch" })]);
    expect(doc.enrollments).toEqual([expect.objectContaining({ id: enrollment.id, personName: "Dana Ruiz", status: "ACTIVE" })]);
    expect(doc.reports).toEqual([expect.objectContaining({ id: report.id, name: "Weekly tier A" })]);
    expect(doc.do_not_email.map((x: { email: string }) => x.email)).toContain(suppressed.email);

    const zip = Buffer.from(await (await get({ eventId, format: "csv" }, cookie)).arrayBuffer()).toString("latin1");
    for (const name of ["dossiers.csv", "campaigns.csv", "templates.csv", "sequences.csv", "sequence_steps.csv", "enrollments.csv", "reports.csv", "do_not_email.csv"]) expect(zip).toContain(name);
  });

  it("refuses reps (403), anonymous callers (401) and bad parameters (422)", async () => {
    const rep = await signedInUser("REP");
    const before = await prisma.activity.count({ where: { eventId, type: "export.downloaded" } });
    const forbidden = await callRoute(exportRoute.GET, "/api/export/full", { cookie: rep.cookie, query: { eventId, format: "csv", entity: "people" } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ success: false, code: "forbidden" });
    expect((await callRoute(exportRoute.GET, "/api/export/full", { query: { eventId } })).status).toBe(401);
    expect((await callRoute(exportRoute.GET, "/api/export/full", { cookie: adminCookie, query: { eventId, format: "xlsx" } })).status).toBe(422);
    expect((await callRoute(exportRoute.GET, "/api/export/full", { cookie: adminCookie, query: { eventId, entity: "users" } })).status).toBe(422);
    expect(await prisma.activity.count({ where: { eventId, type: "export.downloaded" } })).toBe(before);
  });

  it("has its own stricter rate limit", async () => {
    const { cookie } = await signedInUser("ADMIN");
    for (let i = 0; i < 10; i++) {
      const ok = await callRoute(exportRoute.GET, "/api/export/full", { cookie, query: { eventId, format: "csv", entity: "meetings" } });
      expect(ok.status).toBe(200);
    }
    const limited = await callRoute(exportRoute.GET, "/api/export/full", { cookie, query: { eventId, format: "csv", entity: "meetings" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("streams 50,000 activities with bounded memory and every row intact", async () => {
    const big = await createEvent({ name: "Export Volume Expo" });
    const padding = "x".repeat(2000);
    // One statement: 50k rows of ~2 KB → ~100 MB of CSV, far more than a bounded stream may hold.
    await prisma.$executeRaw`
      INSERT INTO activities (id, "eventId", type, description, "createdAt")
      SELECT ${big.id} || '-' || lpad(g::text, 6, '0'), ${big.id}, 'note.added', '=note ' || g || ' ' || ${padding}, now() - g * interval '1 second'
      FROM generate_series(1, 50000) AS g`;
    const response = await get({ eventId: big.id, format: "csv", entity: "activities" });
    expect(response.status).toBe(200);

    const parser = parse({ columns: true });
    let rows = 0;
    let bytes = 0;
    let firstRow: Record<string, string> | null = null;
    let neutralised = 0;
    parser.on("readable", () => {
      let record: Record<string, string> | null;
      while ((record = parser.read()) !== null) {
        rows++;
        firstRow ??= record;
        if (record.description.startsWith("'=note ")) neutralised++;
      }
    });
    const done = new Promise<void>((resolve, reject) => { parser.on("end", resolve); parser.on("error", reject); });

    // Live memory, not garbage waiting for the collector: collect, then measure (every ~5 MB).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const live = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const baseline = live();
    const rssBaseline = process.memoryUsage().rss;
    let peak = baseline;
    let rssPeak = rssBaseline;
    let sinceSample = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      bytes += value.byteLength;
      sinceSample += value.byteLength;
      if (!parser.write(value)) await new Promise((r) => parser.once("drain", r));
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      if (sinceSample > 5_000_000) {
        sinceSample = 0;
        peak = Math.max(peak, live());
      }
    }
    parser.end();
    await done;
    const growthMb = (peak - baseline) / 1_048_576;
    console.info(`export of 50k activities: ${(bytes / 1_048_576).toFixed(1)} MB streamed, live heap growth ${growthMb.toFixed(1)} MB, RSS growth ${((rssPeak - rssBaseline) / 1_048_576).toFixed(1)} MB`);

    expect(rows).toBe(50_001); // 50k notes + the export's own audit line
    expect(neutralised).toBe(50_000);
    expect(bytes).toBeGreaterThan(100_000_000);
    expect(firstRow).toMatchObject({ type: expect.any(String), createdAt: expect.stringMatching(/^\d{4}-/) });
    // Buffering would keep the ~100 MB of text (or 50k row objects) alive; a stream keeps ~one batch.
    expect(growthMb).toBeLessThan(64);
  }, 180_000);
});
