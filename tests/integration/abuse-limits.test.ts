import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import * as pixelRoute from "@/app/api/t/o/[token]/route";
import * as clickRoute from "@/app/api/t/c/[token]/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import * as generateRoute from "@/app/api/outreach/generate/route";
import * as bulkDraftsRoute from "@/app/api/outreach/generate/bulk/route";
import * as researchRunRoute from "@/app/api/research/run/route";
import * as researchAccountRoute from "@/app/api/research/accounts/[id]/route";
import * as scoreRoute from "@/app/api/ai/score-icp/route";
import { installPeerAddressStamp, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { consumeRateLimit, RATE_LIMITS } from "@/server/http/rate-limit";
import { signToken } from "@/server/tracking/tokens";
import { eventHeatmapVersion } from "@/server/cache/event-metrics";
import { callRoute } from "../helpers/request";
import { createSession } from "../helpers/factories";
import { createDraft, createPerson, outreachSetup } from "../helpers/outreach-fixtures";
import { startFakeOpenAI } from "../helpers/fake-openai";
import { jobRow, runJobs } from "../helpers/jobs";
import { runBackgroundSlice } from "@/server/jobs/background";
import { JOB_DEFINITIONS } from "@/server/jobs/tasks";

/**
 * Issue 13 item 7 through the real route handlers: tracking links and unsubscribe cost no
 * write for a forged token and are limited for genuine ones; the AI limit counts model calls
 * and website visits, all or nothing.
 */

let ipCounter = 0;
const fromIp = (address = `192.0.2.${++ipCounter}`) => ({ [PEER_HEADER]: address, [PEER_FORWARDED_HEADER]: "0", "user-agent": "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15" });

async function tableCounts() {
  const [events, limits, activities, suppressions] = await Promise.all([prisma.emailEvent.count(), prisma.rateLimit.count(), prisma.activity.count(), prisma.suppression.count()]);
  return { events, limits, activities, suppressions };
}

async function sentMessage() {
  const setup = await outreachSetup();
  const draft = await createDraft({ eventId: setup.event.id, personId: setup.person.id, ownerId: setup.rep.id });
  await prisma.outreach.update({ where: { id: draft.id }, data: { status: "SENT", sentAt: new Date(Date.now() - 3_600_000), toEmail: setup.person.email } });
  return { ...setup, outreachId: draft.id };
}

beforeAll(() => installPeerAddressStamp());
// Rate-limit windows are aligned to the clock: freeze it so a test never straddles two windows.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => vi.useRealTimers());

describe("tracking links and unsubscribe", () => {
  it("a forged, tampered or foreign token writes nothing and expires no cache", async () => {
    const { outreachId, event } = await sentMessage();
    const version = await eventHeatmapVersion(event.id);
    const genuine = signToken({ k: "o", id: outreachId });
    const forged = [
      signToken({ k: "o", id: outreachId }, "not-our-secret"),
      genuine.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      "x".repeat(40),
      `${Buffer.from(JSON.stringify({ k: "o", id: "someone-else" })).toString("base64url")}.${genuine.split(".")[1]}`,
    ];
    const before = await tableCounts();
    for (let round = 0; round < 5; round++) {
      for (const token of forged) {
        const pixel = await callRoute(pixelRoute.GET, `/api/t/o/${token}`, { params: { token }, headers: fromIp() });
        expect(pixel.status).toBe(200);
        expect(pixel.headers.get("content-type")).toBe("image/gif");
        const click = await callRoute(clickRoute.GET, `/api/t/c/${token}`, { params: { token }, headers: fromIp() });
        expect(click.status).toBe(404);
        const unsubscribe = await callRoute(unsubscribeRoute.POST, `/api/unsubscribe/${token}`, { method: "POST", params: { token }, headers: fromIp() });
        expect(unsubscribe.status).toBe(404);
      }
    }
    expect(await tableCounts()).toEqual(before);
    // The cached dashboard and heatmap are keyed by the event's data version: unchanged, still served.
    expect(await eventHeatmapVersion(event.id)).toBe(version);
  });

  it("one pixel records at most 20 opens an hour; the image is always served", async () => {
    const { outreachId, event } = await sentMessage();
    const token = signToken({ k: "o", id: outreachId });
    const before = await eventHeatmapVersion(event.id);
    const hit = async () => {
      const res = await callRoute(pixelRoute.GET, `/api/t/o/${token}`, { params: { token }, headers: fromIp() });
      expect(res.status).toBe(200);
    };
    for (let i = 0; i < 20; i++) await hit();
    const recorded = await eventHeatmapVersion(event.id);
    for (let i = 0; i < 5; i++) await hit();
    expect(await prisma.emailEvent.count({ where: { outreachId, type: "open" } })).toBe(20);
    // Recorded opens are a new data version (the cached dashboard and heatmap are recomputed); the 5 past the limit are not.
    expect(recorded).not.toBe(before);
    expect(await eventHeatmapVersion(event.id)).toBe(recorded);
  });

  it("one client address records at most 120 hits a minute, whatever X-Forwarded-For says", async () => {
    const messages = await Promise.all(Array.from({ length: 3 }, () => sentMessage()));
    const ip = "203.0.113.9";
    // The address has already made 118 genuine hits this minute (as the route counts them).
    for (let i = 0; i < 118; i++) await consumeRateLimit(RATE_LIMITS.trackingPerIp, ip);
    for (const [i, { outreachId }] of messages.entries()) {
      const token = signToken({ k: "o", id: outreachId });
      const res = await callRoute(pixelRoute.GET, `/api/t/o/${token}`, { params: { token }, headers: { ...fromIp(ip), "x-forwarded-for": `10.0.${i}.1` } });
      expect(res.status).toBe(200);
    }
    expect(await prisma.emailEvent.count({ where: { outreachId: { in: messages.map((m) => m.outreachId) } } })).toBe(2);
  });

  it("a click still redirects past the limit, and a repeated unsubscribe writes nothing", async () => {
    const { outreachId, person, event } = await sentMessage();
    const click = signToken({ k: "c", id: outreachId, u: "https://vendor.example/demo?utm=mail" });
    for (let i = 0; i < 22; i++) {
      const res = await callRoute(clickRoute.GET, `/api/t/c/${click}`, { params: { token: click }, headers: fromIp() });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("https://vendor.example/demo?utm=mail");
    }
    expect(await prisma.emailEvent.count({ where: { outreachId, type: "click" } })).toBe(20);

    const unsubscribe = signToken({ k: "u", id: outreachId });
    const first = await callRoute(unsubscribeRoute.POST, `/api/unsubscribe/${unsubscribe}`, { method: "POST", params: { token: unsubscribe }, headers: fromIp() });
    expect(first.json).toEqual({ success: true, data: { unsubscribed: true } });
    expect(await prisma.suppression.count({ where: { email: person.email!.toLowerCase() } })).toBe(1);
    const before = await tableCounts();
    const version = await eventHeatmapVersion(event.id);
    for (let i = 0; i < 5; i++) {
      const again = await callRoute(unsubscribeRoute.POST, `/api/unsubscribe/${unsubscribe}`, { method: "POST", params: { token: unsubscribe }, headers: fromIp() });
      expect(again.json).toEqual({ success: true, data: { unsubscribed: true } });
    }
    expect(await tableCounts()).toEqual(before);
    expect(await eventHeatmapVersion(event.id)).toBe(version);
  });
});

describe("the AI limit: 30 model calls or website visits a minute per user", () => {
  let ai: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let restoreAi: () => void;
  beforeAll(async () => {
    ai = await startFakeOpenAI((request) =>
      request.messages.some((m) => m.content.includes("adjustment"))
        ? JSON.stringify({ adjustment: 2, reason: "Runs many yards." })
        : JSON.stringify({ subject: "Yard visit at the show?", body: "Hi Dana, a short note about your yards. Maya" }),
    );
    restoreAi = ai.configure();
  });
  afterAll(() => restoreAi());
  /** The limit counts in fixed minutes: this one and the next two are full, so a minute turning over mid-test frees nothing. */
  async function useUpAiLimit(userId: string) {
    const start = Math.floor(Date.now() / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) {
      const windowStart = start + i * 60_000;
      await prisma.rateLimit.upsert({
        where: { key: `ai:user:${userId}:${windowStart}` },
        create: { key: `ai:user:${userId}:${windowStart}`, points: 30, expire: BigInt(windowStart + 60_000) },
        update: { points: 30 },
      });
    }
  }
  async function aiUnitsUsed(userId: string) {
    const rows = await prisma.rateLimit.findMany({ where: { key: { startsWith: `ai:user:${userId}:` } }, select: { points: true } });
    return rows.reduce((sum, r) => sum + r.points, 0);
  }

  it("a bulk drafts job waits for the next minute when the limit is used up, then finishes; a request that does not fit is refused", async () => {
    const { event, rep, account } = await outreachSetup();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const { cookie } = await createSession(rep.id);
    const people = await Promise.all(Array.from({ length: 6 }, () => createPerson(event.id, account.id)));
    const ids = people.map((p) => p.id);
    const callsBefore = ai.requests.length;
    await useUpAiLimit(rep.id);

    const started = await callRoute(bulkDraftsRoute.POST, "/api/outreach/generate/bulk", { method: "POST", cookie, body: { personIds: ids } });
    expect(started.status).toBe(202);
    await runJobs();
    // Nothing drafted, nothing failed: the items wait in line, and the job says why.
    expect(ai.requests.length).toBe(callsBefore);
    const paused = await jobRow(started.json.data.id);
    expect(paused).toMatchObject({ status: "RUNNING", done: 0, failed: 0, runnerId: null });
    expect(paused.currentItem).toMatch(/^Paused for about \d+ s: your AI calls for this minute are used up; the job goes on by itself$/);

    // Meanwhile a request that needs the model is refused with what is left, using nothing.
    const now = await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie, body: { personIds: ids.slice(0, 2) } });
    expect(now.status).toBe(429);
    expect(now.json.error).toMatch(/^Drafting 2 messages with AI needs 2 AI calls or website visits, but only 0 of your 30 AI calls or website visits a minute are left\. Try again in \d+ seconds, or pick fewer\.$/);
    expect(Number(now.headers.get("retry-after"))).toBeGreaterThan(0);

    // The next minute: the job drafts everyone, once each, with the model.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: `ai:user:${rep.id}:` } } });
    await runBackgroundSlice(started.json.data.id, "test-runner", JOB_DEFINITIONS);
    expect(await jobRow(started.json.data.id)).toMatchObject({ status: "SUCCEEDED", done: 6, failed: 0 });
    expect(ai.requests.length).toBe(callsBefore + 6);
    expect(await prisma.outreach.count({ where: { personId: { in: ids }, generatedBy: "ai" } })).toBe(6);
  });

  it("research counts one unit per account and the AI score review one, on the same budget", async () => {
    const { event, rep, account } = await outreachSetup();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const { cookie } = await createSession(rep.id);
    const accounts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => prisma.targetAccount.create({ data: { eventId: event.id, name: `Yard Co ${i}`, normalizedName: `yard co ${i} ${event.id}` } })),
    );
    const ids = accounts.map((a) => a.id);
    const res = await callRoute(researchRunRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: ids } });
    expect(res.status).toBe(202);
    await runJobs();
    expect(await jobRow(res.json.data.id)).toMatchObject({ status: "SUCCEEDED", done: 10 });
    const scored = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie, body: { accountId: account.id } });
    expect(scored.status).toBe(200);
    expect(scored.json.data.breakdown.ai).toMatchObject({ adjustment: 2 });
    const one = await callRoute(researchAccountRoute.POST, `/api/research/accounts/${ids[0]}`, { method: "POST", cookie, params: { id: ids[0]! } });
    expect(one.status).toBe(200);
    expect(await aiUnitsUsed(rep.id)).toBe(12);

    // Used up: a research job waits instead of failing, and a single account is refused.
    await useUpAiLimit(rep.id);
    const job = await callRoute(researchRunRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: ids } });
    await runJobs();
    expect(await jobRow(job.json.data.id)).toMatchObject({ status: "RUNNING", done: 0, failed: 0 });
    const refused = await callRoute(researchAccountRoute.POST, `/api/research/accounts/${ids[1]}`, { method: "POST", cookie, params: { id: ids[1]! } });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(/^Researching this account needs 1 AI calls or website visits, but only 0 of your 30/);
  });
});
