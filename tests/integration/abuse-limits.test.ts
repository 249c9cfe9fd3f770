import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import * as pixelRoute from "@/app/api/t/o/[token]/route";
import * as clickRoute from "@/app/api/t/c/[token]/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import * as generateRoute from "@/app/api/outreach/generate/route";
import * as researchRunRoute from "@/app/api/research/run/route";
import * as researchAccountRoute from "@/app/api/research/accounts/[id]/route";
import * as scoreRoute from "@/app/api/ai/score-icp/route";
import { installPeerAddressStamp, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { consumeRateLimit, RATE_LIMITS } from "@/server/http/rate-limit";
import { signToken } from "@/server/tracking/tokens";
import { callRoute } from "../helpers/request";
import { createSession } from "../helpers/factories";
import { createDraft, createPerson, outreachSetup } from "../helpers/outreach-fixtures";
import { startFakeOpenAI } from "../helpers/fake-openai";

/**
 * Issue 13 item 7 through the real route handlers: tracking links and unsubscribe cost no
 * write for a forged token and are limited for genuine ones; the AI limit counts model calls
 * and website visits, all or nothing.
 */
const invalidations = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/server/cache/event-metrics", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/cache/event-metrics")>();
  return {
    ...real,
    invalidateEventMetrics: () => {
      invalidations.count++;
      real.invalidateEventMetrics();
    },
  };
});

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
  invalidations.count = 0;
});
afterEach(() => vi.useRealTimers());

describe("tracking links and unsubscribe", () => {
  it("a forged, tampered or foreign token writes nothing and expires no cache", async () => {
    const { outreachId } = await sentMessage();
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
    expect(invalidations.count).toBe(0);
  });

  it("one pixel records at most 20 opens an hour; the image is always served", async () => {
    const { outreachId } = await sentMessage();
    const token = signToken({ k: "o", id: outreachId });
    for (let i = 0; i < 25; i++) {
      const res = await callRoute(pixelRoute.GET, `/api/t/o/${token}`, { params: { token }, headers: fromIp() });
      expect(res.status).toBe(200);
    }
    expect(await prisma.emailEvent.count({ where: { outreachId, type: "open" } })).toBe(20);
    expect(invalidations.count).toBe(20);
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
    const { outreachId, person } = await sentMessage();
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
    const invalidatedBefore = invalidations.count;
    for (let i = 0; i < 5; i++) {
      const again = await callRoute(unsubscribeRoute.POST, `/api/unsubscribe/${unsubscribe}`, { method: "POST", params: { token: unsubscribe }, headers: fromIp() });
      expect(again.json).toEqual({ success: true, data: { unsubscribed: true } });
    }
    expect(await tableCounts()).toEqual(before);
    expect(invalidations.count).toBe(invalidatedBefore);
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

  it("50 AI drafts in one request are refused with what is allowed; nothing is drafted or used up", async () => {
    const { event, rep, account } = await outreachSetup();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const { cookie } = await createSession(rep.id);
    const people = await Promise.all(Array.from({ length: 50 }, () => createPerson(event.id, account.id)));
    const callsBefore = ai.requests.length;

    const tooMany = await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie, body: { personIds: people.map((p) => p.id) } });
    expect(tooMany.status).toBe(429);
    expect(tooMany.json.error).toBe("Drafting 50 messages with AI needs 50 AI calls or website visits, and each person can start 30 AI calls or website visits a minute. Pick 30 or fewer.");
    expect(Number(tooMany.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await prisma.outreach.count({ where: { personId: { in: people.map((p) => p.id) } } })).toBe(0);
    expect(ai.requests.length).toBe(callsBefore);

    const twenty = await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie, body: { personIds: people.slice(0, 20).map((p) => p.id) } });
    expect(twenty.status).toBe(200);
    expect(ai.requests.length).toBe(callsBefore + 20);

    const fifteen = await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie, body: { personIds: people.slice(20, 35).map((p) => p.id) } });
    expect(fifteen.status).toBe(429);
    expect(fifteen.json.error).toMatch(/^Drafting 15 messages with AI needs 15 AI calls or website visits, but only 10 of your 30 AI calls or website visits a minute are left\. Try again in \d+ seconds, or pick fewer\.$/);
    expect(fifteen.json.details).toEqual({ needed: 15, remaining: 10, perMinute: 30 });

    const ten = await callRoute(generateRoute.POST, "/api/outreach/generate", { method: "POST", cookie, body: { personIds: people.slice(20, 30).map((p) => p.id) } });
    expect(ten.status).toBe(200);
    expect(ai.requests.length).toBe(callsBefore + 30);
  });

  it("research counts one unit per account and the AI score review one, on the same budget", async () => {
    const { event, rep, account } = await outreachSetup();
    await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
    const { cookie } = await createSession(rep.id);
    const accounts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => prisma.targetAccount.create({ data: { eventId: event.id, name: `Yard Co ${i}`, normalizedName: `yard co ${i} ${event.id}` } })),
    );
    const ids = accounts.map((a) => a.id);
    for (const slice of [ids.slice(0, 10), ids.slice(0, 10)]) {
      const res = await callRoute(researchRunRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: slice } });
      expect(res.status).toBe(200);
      expect(res.json.data.results.filter((r: { ok: boolean }) => r.ok)).toHaveLength(10);
    }
    const scored = await callRoute(scoreRoute.POST, "/api/ai/score-icp", { method: "POST", cookie, body: { accountId: account.id } });
    expect(scored.status).toBe(200);
    expect(scored.json.data.breakdown.ai).toMatchObject({ adjustment: 2 });

    // 21 of 30 used: 10 more accounts do not fit, one does.
    const refused = await callRoute(researchRunRoute.POST, "/api/research/run", { method: "POST", cookie, body: { accountIds: ids } });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(/^Researching 10 accounts needs 10 AI calls or website visits, but only 9 of your 30/);
    const one = await callRoute(researchAccountRoute.POST, `/api/research/accounts/${ids[0]}`, { method: "POST", cookie, params: { id: ids[0]! } });
    expect(one.status).toBe(200);
  });
});
