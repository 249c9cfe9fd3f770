import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as scoreRoute from "@/app/api/ai/score-icp/route";
import * as weightsRoute from "@/app/api/ai/score-icp/weights/route";
import * as roiRoute from "@/app/api/roi/calculate/route";
import { DEFAULT_WEIGHTS } from "@/server/scoring/icp";
import { callRoute } from "../helpers/request";
import { jobRow, runJobs } from "../helpers/jobs";
import { createEvent, signedInUser } from "../helpers/factories";
import { startFakeOpenAI } from "../helpers/fake-openai";

let rep: string;
let admin: string;
let eventId: string;
let accountId: string;
let personId: string;

beforeAll(async () => {
  eventId = (await createEvent()).id;
  rep = (await signedInUser("REP", { eventId })).cookie;
  admin = (await signedInUser("ADMIN", { eventId })).cookie;
  accountId = (await prisma.targetAccount.create({
    data: { eventId, name: "Harbor 3PL", normalizedName: "harbor 3pl", industry: "Third-Party Logistics", employeeCount: 25000, revenue: 6_000_000_000n, facilityCount: 40, headquarters: "Memphis, TN", tier: "C" },
  })).id;
  personId = (await prisma.person.create({ data: { eventId, accountId, firstName: "Olga", lastName: "Ops", name: "Olga Ops", title: "Chief Operating Officer", isExecOps: true } })).id;
  // Engagement: a reply and a meeting.
  await prisma.outreach.create({ data: { eventId, personId, accountId, message: "hi", status: "SENT", sentAt: new Date(), openedAt: new Date(), repliedAt: new Date() } });
  await prisma.meeting.create({ data: { eventId, personId, accountId, scheduledAt: new Date(), icsUid: `m-${accountId}@test` } });
});

afterAll(async () => {
  await prisma.setting.deleteMany({ where: { key: "icp.weights" } });
});

describe("POST /api/ai/score-icp", () => {
  it("scores one account, persists score, breakdown and time, keeps the rep's tier, and logs it", async () => {
    const res = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ kind: "account", score: 100, tier: "C", suggestedTier: "A" });
    const row = await prisma.targetAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row.icpScore).toBe(100);
    expect(row.tier).toBe("C");
    expect(row.icpScoredAt).not.toBeNull();
    expect((row.icpBreakdown as { factors: { key: string; points: number }[] }).factors.find((f) => f.key === "engagement")?.points).toBe(15);
    expect(await prisma.activity.count({ where: { type: "account.scored", accountId } })).toBe(1);
  });

  it("scores one person from persona, seniority and the account's score", async () => {
    const res = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { personId } });
    expect(res.status).toBe(200);
    expect(res.json.data.score).toBe(100);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: personId } })).icpScore).toBe(100);
  });

  it("scores a whole event in batch", async () => {
    const extra = await prisma.targetAccount.createManyAndReturn({
      data: Array.from({ length: 30 }, (_, i) => ({ eventId, name: `Batch ${i}`, normalizedName: `batch ${i}`, industry: i % 2 ? "Retail" : null, employeeCount: i * 100 })),
    });
    await prisma.person.createMany({ data: extra.map((a, i) => ({ eventId, accountId: a.id, firstName: `P${i}`, name: `P${i}`, title: "Yard Manager", isOps: true })) });
    // A whole event is rescored by a background job: the request answers with the job at once.
    const res = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { eventId } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ kind: "event", id: eventId, job: { kind: "rescore", status: "QUEUED" } });
    await runJobs();
    expect(await jobRow(res.json.data.job.id)).toMatchObject({ status: "SUCCEEDED", done: 62, total: 62, result: { accounts: 31, people: 31 } });
    expect(await prisma.targetAccount.count({ where: { eventId, icpScoredAt: null } })).toBe(0);
    expect(await prisma.person.count({ where: { eventId, icpScore: null } })).toBe(0);
    const retail = await prisma.targetAccount.findFirstOrThrow({ where: { eventId, name: "Batch 1" } });
    // Retail 30×.85=26 (rounded 26), 100 employees → 15×.3=5 (rounded 5), no revenue, no facilities, no engagement.
    expect(retail.icpScore).toBe(26 + 5);
    const person = await prisma.person.findFirstOrThrow({ where: { eventId, accountId: retail.id } });
    // Ops 40×.9=36, manager 20×.45=9, account 40×.31=12.4→12.
    expect(person.icpScore).toBe(36 + 9 + 12);
    expect(await prisma.activity.count({ where: { type: "scoring.event_scored", eventId } })).toBe(1);
  });

  it("refuses a body with none or two targets (422) and unknown ids (404)", async () => {
    expect((await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: {} })).status).toBe(422);
    expect((await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId, personId } })).status).toBe(422);
    expect((await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId: "missing" } })).status).toBe(404);
    expect((await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { eventId: "missing" } })).status).toBe(404);
    expect((await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", body: { accountId } })).status).toBe(401);
  });

  describe("with an AI endpoint", () => {
    let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
    let restore: () => void;
    let answer: string | { status: number } = "{}";
    beforeAll(async () => {
      fake = await startFakeOpenAI(() => answer);
      restore = fake.configure();
    });
    afterAll(async () => {
      restore();
      await fake.close();
    });

    it("lets the model move the score by at most 15, with its reason stored and shown", async () => {
      const small = await prisma.targetAccount.create({ data: { eventId, name: "Tiny Co", normalizedName: "tiny co", industry: "Retail" } });
      answer = JSON.stringify({ adjustment: 40, reason: "Announced a 12-site DC expansion" });
      const res = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId: small.id } });
      expect(res.status).toBe(200);
      const breakdown = res.json.data.breakdown;
      expect(breakdown.ai).toMatchObject({ adjustment: 15, reason: "Announced a 12-site DC expansion" });
      expect(breakdown.total).toBe(breakdown.base + 15);
      const row = await prisma.targetAccount.findUniqueOrThrow({ where: { id: small.id } });
      expect(row.icpScore).toBe(breakdown.base + 15);
      expect(fake.requests.at(-1)?.messages[1].content).toContain("Tiny Co");
    });

    it("keeps the rule-based score, with a note, when the model fails", async () => {
      answer = { status: 500 };
      const res = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId } });
      expect(res.status).toBe(200);
      expect(res.json.data.breakdown.ai).toBeNull();
      expect(res.json.data.breakdown.aiNote).toContain("unavailable");
      expect(res.json.data.score).toBe(100);
    });
  });
});

describe("ICP weights", () => {
  it("anyone reads them; only admins change them, and they must add up", async () => {
    const read = await callRoute(weightsRoute.GET, "/api/ai/score-icp/weights", { cookie: rep });
    expect(read.status).toBe(200);
    expect(read.json.data.weights).toEqual(DEFAULT_WEIGHTS);

    const weights = { account: { industry: 50, employees: 10, revenue: 10, footprint: 20, engagement: 10 }, person: { persona: 50, seniority: 10, account: 40 } };
    expect((await callRoute(weightsRoute.PUT, "/api/ai/score-icp/weights", { method: "PUT", cookie: rep, body: weights })).status).toBe(403);
    const bad = await callRoute(weightsRoute.PUT, "/api/ai/score-icp/weights", { method: "PUT", cookie: admin, body: { ...weights, account: { ...weights.account, industry: 60 } } });
    expect(bad.status).toBe(422);
    expect(bad.json.details[0]).toMatchObject({ path: "account", message: "Account weights must add up to 100" });
    expect(await prisma.setting.count({ where: { key: "icp.weights" } })).toBe(0);

    const ok = await callRoute(weightsRoute.PUT, "/api/ai/score-icp/weights", { method: "PUT", cookie: admin, body: weights });
    expect(ok.status).toBe(200);
    expect((await prisma.setting.findUniqueOrThrow({ where: { key: "icp.weights" } })).value).toEqual(weights);
    expect(await prisma.activity.count({ where: { type: "settings.icp_weights_updated" } })).toBeGreaterThan(0);

    // New weights drive new scores: Retail with nothing else known = 50 × .85.
    const a = await prisma.targetAccount.create({ data: { eventId, name: "Weighted", normalizedName: "weighted", industry: "Retail" } });
    const scored = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: rep, body: { accountId: a.id } });
    expect(scored.json.data.score).toBe(43);
  });
});

describe("GET /api/roi/calculate", () => {
  it("models the account from its data, every assumption listed with its source", async () => {
    const res = await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: rep, query: { accountId } });
    expect(res.status).toBe(200);
    const d = res.json.data;
    expect(d.account.name).toBe("Harbor 3PL");
    const facilities = d.assumptions.find((a: { key: string }) => a.key === "facilities");
    expect(facilities).toMatchObject({ value: 40, source: "account" });
    expect(d.assumptions.find((a: { key: string }) => a.key === "trucksPerDayPerSite").value).toBe(120);
    expect(d.result.annualSavings).toBe(d.result.lines.reduce((s: number, l: { annual: number }) => s + l.annual, 0));
    expect(d.result.annualSavings).toBeGreaterThan(0);
    expect(d.explanation).toContain("detention");
  });

  it("applies overrides and marks them", async () => {
    const base = (await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: rep, query: { accountId } })).json.data.result;
    const res = await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: rep, query: { accountId, facilities: "20" } });
    const d = res.json.data;
    expect(d.assumptions.find((a: { key: string }) => a.key === "facilities")).toMatchObject({ value: 20, default: 40, source: "override" });
    // Implementation cost default stays the account's; savings scale with sites.
    expect(d.result.annualSavings).toBeCloseTo(base.annualSavings / 2, -1);
  });

  it("refuses bad overrides (422) and unknown accounts (404)", async () => {
    const bad = await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: rep, query: { accountId, detentionReductionPct: "150", trucks: "1" } });
    expect(bad.status).toBe(422);
    expect((await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: rep, query: { accountId: "missing" } })).status).toBe(404);
    expect((await callRoute(roiRoute.GET, "/api/roi/calculate", { query: { accountId } })).status).toBe(401);
  });
});
