import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as statsRoute from "@/app/api/dashboards/stats/route";
import * as outreachStatsRoute from "@/app/api/outreach/stats/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[id]/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

/**
 * Issue 21 item 5, one vocabulary: every rate in every API response is a fraction of 0..1
 * (0.6667, not 66.7); the screens format it (src/lib/rates.ts). Three of four messages opened
 * make 0.75 — a percentage would be 75 and fail.
 */
let eventId = "";
let cookie = "";
let campaignId = "";

beforeAll(async () => {
  const event = await createEvent({ name: "Rates Expo" });
  eventId = event.id;
  const admin = await signedInUser("ADMIN", { eventId });
  cookie = admin.cookie;
  const account = await prisma.targetAccount.create({ data: { eventId, name: "Rates Logistics", normalizedName: "rates logistics" } });
  const campaign = await prisma.campaign.create({ data: { eventId, name: "Rates campaign" } });
  campaignId = campaign.id;
  const sentAt = new Date(Date.now() - 86_400_000);
  for (let i = 0; i < 4; i++) {
    const person = await prisma.person.create({ data: { eventId, accountId: account.id, firstName: `R${i}`, lastName: "Rate", name: `R${i} Rate`, email: `r${i}-${eventId}@rates.test` } });
    await prisma.outreach.create({
      data: {
        eventId, personId: person.id, accountId: account.id, ownerId: admin.user.id, campaignId, message: "Hello", status: "SENT", sentAt,
        openedAt: i < 3 ? sentAt : null, clickedAt: i < 2 ? sentAt : null, repliedAt: i < 1 ? sentAt : null, bouncedAt: i === 3 ? sentAt : null,
      },
    });
  }
});

/** Every `…Rate` field anywhere in the body, with its path. */
function rateFields(value: unknown, path = "data"): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => rateFields(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(/rate$/i.test(key) ? [[`${path}.${key}`, v] as [string, unknown]] : []),
    ...rateFields(v, `${path}.${key}`),
  ]);
}

describe("rates in API responses", () => {
  it("are fractions between 0 and 1 on every endpoint that reports them", async () => {
    const reads = [
      ["/api/dashboards/stats", await callRoute(statsRoute.GET, "/api/dashboards/stats", { cookie }), 3],
      ["/api/outreach/stats", await callRoute(outreachStatsRoute.GET, "/api/outreach/stats", { cookie }), 8],
      ["/api/campaigns", await callRoute(campaignsRoute.GET, "/api/campaigns", { cookie }), 4],
      ["/api/campaigns/{id}", await callRoute(campaignRoute.GET, `/api/campaigns/${campaignId}`, { cookie, params: { id: campaignId } }), 4],
    ] as const;
    for (const [path, res, atLeast] of reads) {
      expect(res.status, path).toBe(200);
      const fields = rateFields(res.json.data);
      expect(fields.length, `${path} reports its rates`).toBe(atLeast);
      for (const [where, value] of fields) {
        expect(typeof value, where).toBe("number");
        expect(value as number, `${path} ${where}`).toBeGreaterThanOrEqual(0);
        expect(value as number, `${path} ${where}`).toBeLessThanOrEqual(1);
      }
    }
    const stats = reads[1][1].json.data.rates;
    expect(stats).toMatchObject({ sent: 4, openRate: 0.75, clickRate: 0.5, replyRate: 0.25, bounceRate: 0.25 });
    expect(reads[0][1].json.data.metrics.outreach).toMatchObject({ openRate: 0.75, clickRate: 0.5, replyRate: 0.25 });
    expect(reads[3][1].json.data.rates).toMatchObject({ openRate: 0.75, bounceRate: 0.25 });
  });
});
