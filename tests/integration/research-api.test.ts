import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { listResearchCandidates, researchAccount } from "@/server/research/service";
import * as candidatesRoute from "@/app/api/research/candidates/route";
import * as runRoute from "@/app/api/research/run/route";
import * as accountRoute from "@/app/api/research/accounts/[id]/route";
import { callRoute } from "../helpers/request";
import { jobRow, runJobs } from "../helpers/jobs";
import { actorFor, createEvent, signedInUser } from "../helpers/factories";
import { startFakeOpenAI } from "../helpers/fake-openai";
import { allowLoopbackOnly, startFakeSite } from "../helpers/fake-site";

let site: Awaited<ReturnType<typeof startFakeSite>>;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

async function accountWithPeople(eventId: string, website: string | null) {
  const account = await prisma.targetAccount.create({
    data: {
      eventId, name: "Harbor Cold Chain", normalizedName: "harbor cold chain", website, industry: "Food & Beverage",
      headquarters: "Memphis, TN", employeeCount: 2400, revenue: 410_000_000n, facilityCount: 7,
    },
  });
  const coo = await prisma.person.create({
    data: { eventId, accountId: account.id, firstName: "Dana", lastName: "Lee", name: "Dana Lee", title: "COO", isExecOps: true, icpScore: 90 },
  });
  const it = await prisma.person.create({
    data: { eventId, accountId: account.id, firstName: "Raj", lastName: "Iyer", name: "Raj Iyer", title: "Director of IT Systems", icpScore: 60 },
  });
  return { account, coo, it };
}

describe("research with the built-in researcher", () => {
  it("reads the public website (a local stand-in), writes the dossier, talking points and an activity", async () => {
    const event = await createEvent();
    const { user } = await signedInUser();
    const { account, coo, it: tech } = await accountWithPeople(event.id, site.url("/"));
    await prisma.insight.createMany({
      data: [
        { accountId: account.id, personId: coo.id, content: "old generated point", source: "dossier" },
        { accountId: account.id, personId: coo.id, content: "met Dana at ProMat", source: "rep", category: "note" },
      ],
    });
    const result = await researchAccount(account.id, { actor: await actorFor(user, event.id), fetch: allowLoopbackOnly });
    expect(result).toMatchObject({ provider: "built-in", websiteFetched: true, insights: 4, warnings: [] });

    const dossier = await prisma.companyDossier.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(dossier.summary).toContain("Temperature-controlled warehousing and distribution for food brands");
    expect(dossier.summary).toContain("food and beverage company with about 2,400 employees and $410M");
    expect(dossier.footprint).toContain("7 facilities");
    expect(dossier.facilities).toEqual(
      expect.arrayContaining([expect.objectContaining({ city: "Dallas", state: "TX" }), expect.objectContaining({ city: "Atlanta", state: "GA" })]),
    );
    // Every claim carries its source: likely pains follow from the account's data, technologies from the page they were seen on.
    expect(dossier.painPoints).toEqual(expect.arrayContaining([
      { text: expect.stringMatching(/Reefer trailers/), source: "account data" },
      { text: expect.stringMatching(/dwell/i), source: "account data" },
    ]));
    expect(dossier.techStack).toEqual(expect.arrayContaining([{ text: "Website: Google Analytics", source: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) }]));
    expect(dossier.recentNews).toEqual([expect.objectContaining({ title: "Harbor opens new Dallas cold storage center", url: site.url("/news/harbor-opens-new-dallas-cold-storage-center") })]);
    expect((dossier.sources as { url: string }[]).map((s) => s.url)).toEqual([site.url("/"), site.url("/locations"), site.url("/contact-us")]);
    expect(dossier.keyContacts).toEqual([
      expect.objectContaining({ name: "Dana Lee", personId: coo.id }),
      expect.objectContaining({ name: "Raj Iyer", personId: tech.id }),
    ]);
    // Never followed the off-site link.
    expect(site.requests.some((r) => r.path.includes("elsewhere"))).toBe(false);

    const insights = await prisma.insight.findMany({ where: { accountId: account.id }, orderBy: { content: "asc" } });
    expect(insights.map((i) => i.content)).not.toContain("old generated point");
    expect(insights.find((i) => i.source === "rep")?.content).toBe("met Dana at ProMat");
    const danaPoints = insights.filter((i) => i.personId === coo.id && i.source === "research").map((i) => i.content);
    expect(danaPoints).toEqual(expect.arrayContaining([expect.stringMatching(/as a lever across 7 sites for Dana/)]));
    const generated = insights.filter((i) => i.source === "research");
    // No made-up confidence; each point says where its claim came from.
    expect(generated.every((i) => i.confidence === null && (i.citation === "account data" || i.citation?.startsWith("http")))).toBe(true);
    expect(generated.some((i) => i.citation?.startsWith("http"))).toBe(true);
    expect(danaPoints).toEqual(expect.arrayContaining([expect.stringMatching(/Open with the news/)]));
    const rajPoints = insights.filter((i) => i.personId === tech.id).map((i) => i.content);
    expect(rajPoints).toEqual(expect.arrayContaining([expect.stringMatching(/Raj will care about integration/)]));

    // Research again: generated points are replaced, not piled up.
    await researchAccount(account.id, { actor: await actorFor(user, event.id), fetch: allowLoopbackOnly });
    expect(await prisma.insight.count({ where: { accountId: account.id, source: "research" } })).toBe(4);
    expect(await prisma.activity.count({ where: { accountId: account.id, type: "research.completed" } })).toBe(2);
  });

  it("through the API the guard stays on: a loopback website is refused, the dossier still uses the account's data", async () => {
    const event = await createEvent();
    const { cookie } = await signedInUser("REP", { eventId: event.id });
    const { account } = await accountWithPeople(event.id, site.url("/"));
    const before = site.requests.length;
    const res = await callRoute(accountRoute.POST, `/api/research/accounts/${account.id}`, { method: "POST", cookie, params: { id: account.id } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ provider: "built-in", websiteFetched: false });
    // The stand-in listens on a high port, which the guard refuses first (then the loopback address).
    expect(res.json.data.warnings[0]).toBe(`Could not read the website ${site.url("/")}: Only the web ports 80 and 443 are allowed, not ${site.port}`);
    expect(site.requests.length).toBe(before);
    const dossier = await prisma.companyDossier.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(dossier.painPoints).toEqual(expect.arrayContaining([{ text: expect.stringMatching(/Perishable loads/), source: "account data" }]));
    expect(dossier.sources).toEqual([]);

    const shown = await callRoute(accountRoute.GET, `/api/research/accounts/${account.id}`, { cookie, params: { id: account.id } });
    expect(shown.status).toBe(200);
    expect(shown.json.data.dossier).toMatchObject({ provider: "built-in", summary: expect.stringContaining("Harbor Cold Chain") });
    expect(shown.json.data.talkingPoints).toEqual(
      expect.arrayContaining([expect.objectContaining({ person: expect.objectContaining({ name: "Dana Lee" }), content: expect.stringMatching(/as a lever across/), citation: "account data" })]),
    );
    expect((await callRoute(accountRoute.GET, "/x", { cookie, params: { id: "nope" } })).status).toBe(404);

    const missing = await callRoute(accountRoute.POST, "/x", { method: "POST", cookie, params: { id: "nope" } });
    expect(missing.status).toBe(404);
    const anonymous = await callRoute(accountRoute.POST, "/x", { method: "POST", params: { id: account.id } });
    expect(anonymous.status).toBe(401);
  });
});

describe("research with an OpenAI-compatible endpoint (fake server on loopback)", () => {
  it("asks the model with the website facts, validates the answer and keeps contacts from our data", async () => {
    const fake = await startFakeOpenAI(() =>
      JSON.stringify({
        summary: "Harbor runs cold-chain warehouses for food brands across the South.",
        footprint: "7 cold storage DCs in TN, TX and GA",
        facilities: [{ name: "Dallas DC", city: "Dallas", state: "TX", type: "Cold storage" }],
        painPoints: [{ text: "Reefer dwell is invisible", source: "account data" }, { text: "Gate queues at 6 am", source: "https://made-up.example/page" }],
        techStack: [{ text: "WMS: Manhattan", source: "account data" }],
        recentNews: [{ title: "New Dallas site", date: "2026-09-01", url: "javascript:alert(1)" }],
        sources: [{ title: "Press", url: "https://news.example/harbor" }, { title: "bad", url: "file:///etc/passwd" }],
      }),
    );
    const restore = fake.configure();
    try {
      const event = await createEvent();
      const { user } = await signedInUser();
      const { account, coo } = await accountWithPeople(event.id, site.url("/"));
      const result = await researchAccount(account.id, { actor: await actorFor(user, event.id), fetch: allowLoopbackOnly });
      expect(result.provider).toMatch(/^openai-compatible:/);
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.messages[1]!.content).toContain("Temperature-controlled warehousing");
      expect(fake.requests[0]!.messages[0]!.content).toContain("YardPilot");
      const dossier = await prisma.companyDossier.findUniqueOrThrow({ where: { accountId: account.id } });
      expect(dossier).toMatchObject({ summary: "Harbor runs cold-chain warehouses for food brands across the South.", painPoints: [
        { text: "Reefer dwell is invisible", source: "account data" },
        // A page the researcher never read is not a source.
        { text: "Gate queues at 6 am", source: "account data" },
      ] });
      expect(dossier.recentNews).toEqual([{ title: "New Dallas site", date: "2026-09-01", url: null, source: null }]);
      const urls = (dossier.sources as { url: string }[]).map((s) => s.url);
      expect(urls).toContain("https://news.example/harbor");
      expect(urls).not.toContain("file:///etc/passwd");
      expect(dossier.keyContacts).toEqual(expect.arrayContaining([expect.objectContaining({ personId: coo.id })]));
      const points = await prisma.insight.findMany({ where: { personId: coo.id, source: "research" } });
      expect(points.map((p) => p.content).join(" ")).toContain("Reefer dwell is invisible");
    } finally {
      restore();
      await fake.close();
    }
  });

  it("falls back to the built-in researcher when the model answers with the wrong shape", async () => {
    const fake = await startFakeOpenAI(() => JSON.stringify({ summary: 42 }));
    const restore = fake.configure();
    try {
      const event = await createEvent();
      const { user } = await signedInUser();
      const { account } = await accountWithPeople(event.id, null);
      const result = await researchAccount(account.id, { actor: await actorFor(user, event.id) });
      expect(result.provider).toBe("built-in");
      expect(result.warnings.join(" ")).toMatch(/AI provider failed/);
      expect(await prisma.companyDossier.count({ where: { accountId: account.id } })).toBe(1);
    } finally {
      restore();
      await fake.close();
    }
  });
});

describe("GET /api/research/candidates and POST /api/research/run", () => {
  it("lists accounts with no dossier or a stale one, best tier and ICP first, paginated", async () => {
    const event = await createEvent();
    const { user, cookie } = await signedInUser();
    const make = (name: string, tier: "A" | "B" | "C", icpScore: number | null) =>
      prisma.targetAccount.create({ data: { eventId: event.id, name, normalizedName: name.toLowerCase(), tier, icpScore } });
    const a90 = await make("A Ninety", "A", 90);
    const a70 = await make("A Seventy", "A", 70);
    const b95 = await make("B NinetyFive", "B", 95);
    const cNull = await make("C Unscored", "C", null);
    const c50 = await make("C Fifty", "C", 50);
    const fresh = await make("A Fresh", "A", 99);
    await prisma.companyDossier.create({ data: { accountId: a70.id, summary: "old", researchedAt: new Date(Date.now() - 40 * 86_400_000) } });
    await prisma.companyDossier.create({ data: { accountId: fresh.id, summary: "new", researchedAt: new Date(Date.now() - 2 * 86_400_000) } });

    const res = await callRoute(candidatesRoute.GET, "/api/research/candidates", { cookie, query: { eventId: event.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.items.map((i: { id: string }) => i.id)).toEqual([a90.id, a70.id, b95.id, c50.id, cNull.id]);
    expect(res.json.data).toMatchObject({ total: 5, page: 1, hasMore: false, staleDays: 30 });
    expect(res.json.data.items[1].researchedAt).not.toBeNull();

    const longer = await callRoute(candidatesRoute.GET, "/x", { cookie, query: { eventId: event.id, staleDays: "60", pageSize: "2" } });
    expect(longer.json.data).toMatchObject({ total: 4, pageSize: 2, hasMore: true });
    expect(longer.json.data.items.map((i: { id: string }) => i.id)).toEqual([a90.id, b95.id]);

    const found = await callRoute(candidatesRoute.GET, "/x", { cookie, query: { eventId: event.id, q: "ninety" } });
    expect(found.json.data.items.map((i: { id: string }) => i.id)).toEqual([a90.id, b95.id]);

    const bad = await callRoute(candidatesRoute.GET, "/x", { cookie, query: { staleDays: "-1" } });
    expect(bad.status).toBe(422);

    // The caller's current event is the default.
    await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
    const byDefault = await callRoute(candidatesRoute.GET, "/x", { cookie });
    expect(byDefault.json.data.total).toBe(5);

    // Unknown ids are refused up front; known ones are researched by a background job.
    const unknown = await callRoute(runRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: [a90.id, "missing-id"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({ error: `Some accounts are not in ${event.name}`, details: [{ path: "accountIds", message: "Unknown account missing-id" }] });
    const run = await callRoute(runRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: [a90.id] } });
    expect(run.status).toBe(202);
    expect(run.json.data).toMatchObject({ kind: "research", status: "QUEUED", total: 1, label: "Research of 1 account" });
    await runJobs();
    expect(await jobRow(run.json.data.id)).toMatchObject({ status: "SUCCEEDED", done: 1, failed: 0 });
    const after = await listResearchCandidates({ staleDays: 30, page: 1, pageSize: 50 }, await actorFor(user, event.id));
    expect(after.items.map((i) => i.id)).not.toContain(a90.id);

    const tooMany = await callRoute(runRoute.POST, "/x", { method: "POST", cookie, body: { accountIds: Array.from({ length: 501 }, (_, i) => `id${i}`) } });
    expect(tooMany.status).toBe(422);
  });
});
