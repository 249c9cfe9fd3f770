import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as productRoute from "@/app/api/settings/product/route";
import * as generateRoute from "@/app/api/outreach/generate/route";
import * as streamRoute from "@/app/api/outreach/generate/stream/route";
import * as scoreRoute from "@/app/api/ai/score-icp/route";
import * as roiRoute from "@/app/api/roi/calculate/route";
import { DEFAULT_SELLER_PROFILE, type SellerProfile } from "@/server/seller/profile";
import { callRoute } from "../helpers/request";
import { createSession, createUser } from "../helpers/factories";
import { startFakeOpenAI, type ChatRequest } from "../helpers/fake-openai";
import { outreachSetup } from "../helpers/outreach-fixtures";

const FINANCE: SellerProfile = {
  productName: "LedgerLoop",
  pitch: "LedgerLoop closes the books in three days by reconciling every account automatically.",
  meetingAsk: "a 15-minute coffee",
  valueProps: ["Automated bank reconciliations"],
  painPoints: [{ pain: "Month-end close takes two weeks", solution: "Reconciliations run every night", proof: "Close in 3 days at Acme" }],
  industries: [{ name: "Financial services", keywords: ["bank", "insurance", "finance"], fit: 100, why: "heavy reconciliation load", pains: ["Auditors wait for reconciliations that live in spreadsheets"] }],
  otherIndustryFit: 10,
  roiTemplate: "time_savings",
  roiDefaults: { loadedHourlyCost: 90 },
};

async function setup() {
  const base = await outreachSetup();
  await prisma.user.update({ where: { id: base.rep.id }, data: { lastEventId: base.event.id } });
  const admin = await createUser({ role: "ADMIN" });
  await prisma.user.update({ where: { id: admin.id }, data: { lastEventId: base.event.id } });
  return { ...base, rep: (await createSession(base.rep.id)).cookie, admin: (await createSession(admin.id)).cookie };
}

describe("seller profile: every word for the rep comes from Settings → Our product", () => {
  it("changing the profile changes the next template draft, the next rescore and the ROI model — no code change", async () => {
    const s = await setup();
    // No dossier pain, so the built-in template falls back to the profile's first pain.
    await prisma.companyDossier.deleteMany({ where: { accountId: s.account.id } });
    const draft = async () => (await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie: s.rep, body: { personIds: [s.person.id], save: false } })).json.data[0];
    const score = async () => (await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie: s.rep, body: { accountId: s.account.id } })).json.data;

    const before = await draft();
    expect(before.generatedBy).toBe("template");
    expect(before.message).toContain(DEFAULT_SELLER_PROFILE.pitch);
    expect(before.message).toContain("trailers wait too long between the gate and the dock");
    const yardScore = await score();
    const yardIndustry = yardScore.breakdown.factors.find((f: { key: string }) => f.key === "industry");
    expect(yardIndustry.points).toBe(30); // 3PL is the core buyer of yard management

    const saved = await callRoute(productRoute.PUT, "/api/settings/product", { method: "PUT", cookie: s.admin, body: FINANCE });
    expect(saved.status).toBe(200);
    expect(await prisma.activity.count({ where: { type: "settings.seller_profile_updated" } })).toBe(1);

    const after = await draft();
    expect(after.message).toContain("LedgerLoop closes the books");
    expect(after.message).toContain("month-end close takes two weeks");
    expect(after.message).not.toContain("trailer");
    expect(after.subject).toContain("a 15-minute coffee");
    const financeIndustry = (await score()).breakdown.factors.find((f: { key: string }) => f.key === "industry");
    expect(financeIndustry.points).toBe(3); // 3PL is now outside the target industries: 10% of 30
    expect(financeIndustry.reason).toContain("not one of our target industries");

    const roi = await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: s.rep, query: { accountId: s.account.id, users: "10" } });
    expect(roi.status).toBe(200);
    expect(roi.json.data.model.id).toBe("time_savings");
    expect(roi.json.data.assumptions.find((a: { key: string }) => a.key === "loadedHourlyCost").value).toBe(90);
    expect(roi.json.data.result.lines.map((l: { key: string }) => l.key)).toEqual(["time", "rework"]);
    const yardInput = await callRoute(roiRoute.GET, "/api/roi/calculate", { cookie: s.rep, query: { facilities: "3" } });
    expect(yardInput.status).toBe(422);

    const reset = await callRoute(productRoute.DELETE, "/api/settings/product", { method: "DELETE", cookie: s.admin });
    expect(reset.json.data.isDefault).toBe(true);
    expect((await draft()).message).toContain(DEFAULT_SELLER_PROFILE.pitch);
  });

  it("only admins change it, and a bad profile gets field errors and changes nothing", async () => {
    const s = await setup();
    const asRep = await callRoute(productRoute.PUT, "/api/settings/product", { method: "PUT", cookie: s.rep, body: FINANCE });
    expect(asRep.status).toBe(403);
    const bad = await callRoute(productRoute.PUT, "/api/settings/product", { method: "PUT", cookie: s.admin, body: { ...FINANCE, productName: "", painPoints: [], roiTemplate: "magic" } });
    expect(bad.status).toBe(422);
    expect(bad.json.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["productName", "painPoints", "roiTemplate"]));
    expect(await prisma.setting.count({ where: { key: "seller.profile" } })).toBe(0);
    const read = await callRoute(productRoute.GET, "/api/settings/product", { cookie: s.rep });
    expect(read.json.data).toMatchObject({ isDefault: true, profile: { productName: DEFAULT_SELLER_PROFILE.productName } });
  });
});

describe("drafts streamed into the composer", () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let restore: () => void;
  let reply: (r: ChatRequest) => string | { status: number } = () => "";
  beforeAll(async () => {
    fake = await startFakeOpenAI((r) => reply(r), { chunkSize: 9 });
  });
  afterAll(async () => fake.close());

  async function readLines(res: Awaited<ReturnType<typeof callRoute>>) {
    return res.text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; text?: string; draft?: Record<string, unknown>; generatedBy?: string });
  }

  it("streams the model's text in pieces over SSE and ends with the validated draft; the prompt carries the seller profile", async () => {
    const s = await setup();
    restore = fake.configure();
    try {
      reply = () => "Subject: Dana, quick question\n\nHi Dana, we help 3PL teams see every trailer. Would you have 20 minutes at our booth next week?\n\nMaya";
      const res = await callRoute(streamRoute.POST, "/api/outreach/generate/stream", { method: "POST", cookie: s.rep, body: { personId: s.person.id } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/x-ndjson");
      const lines = await readLines(res);
      expect(lines[0]).toEqual({ type: "start", generatedBy: "ai" });
      const deltas = lines.filter((l) => l.type === "delta");
      expect(deltas.length).toBeGreaterThan(5);
      const done = lines.at(-1)!;
      expect(done.type).toBe("done");
      expect(done.draft).toMatchObject({ generatedBy: "ai", subject: "Dana, quick question" });
      expect(String(done.draft!.message)).toMatch(/^Hi Dana, we help 3PL teams/);
      const request = fake.requests.at(-1)!;
      expect(request.stream).toBe(true);
      expect(request.messages[0].content).toContain(DEFAULT_SELLER_PROFILE.productName);
    } finally {
      restore();
    }
  });

  it("falls back to the template draft and says so when the model fails", async () => {
    const s = await setup();
    restore = fake.configure();
    try {
      reply = () => ({ status: 400 });
      const lines = await readLines(await callRoute(streamRoute.POST, "/api/outreach/generate/stream", { method: "POST", cookie: s.rep, body: { personId: s.person.id } }));
      const done = lines.at(-1)!;
      expect(done.draft).toMatchObject({ generatedBy: "template" });
      expect(done.draft!.how).toMatch(/^The AI model did not answer, so this draft is the template/);
    } finally {
      restore();
    }
  });

  it("without an endpoint says it is a template draft right away", async () => {
    const s = await setup();
    const lines = await readLines(await callRoute(streamRoute.POST, "/api/outreach/generate/stream", { method: "POST", cookie: s.rep, body: { personId: s.person.id } }));
    expect(lines.map((l) => l.type)).toEqual(["start", "done"]);
    expect(lines[0].generatedBy).toBe("template");
    expect(lines[1].draft).toMatchObject({ generatedBy: "template" });
  });
});
