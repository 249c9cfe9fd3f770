import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS, icpWeightsSchema, NO_ENGAGEMENT, readBreakdown, scoreAccount, scorePerson, seniorityFromTitle, tierForScore, withAiAdjustment,
} from "@/server/scoring/icp";

const bigLogistics = {
  industry: "Third-Party Logistics",
  employeeCount: 25_000,
  revenue: 6_000_000_000,
  facilityCount: 40,
  headquarters: "Memphis, TN",
  location: null,
  engagement: { sent: 3, opened: 2, replied: 1, meetings: 1 },
};

describe("account ICP score", () => {
  it("gives a perfect-fit account 100 and each factor its full weight", () => {
    const b = scoreAccount(bigLogistics);
    expect(b.total).toBe(100);
    expect(b.factors.map((f) => [f.key, f.points])).toEqual([
      ["industry", 30], ["employees", 15], ["revenue", 15], ["footprint", 25], ["engagement", 15],
    ]);
    expect(b.suggestedTier).toBe("A");
  });

  it("gives an account we know nothing about 0, with reasons that say so", () => {
    const b = scoreAccount({ industry: null, employeeCount: null, revenue: null, facilityCount: null, headquarters: null, location: null, engagement: NO_ENGAGEMENT });
    expect(b.total).toBe(0);
    expect(b.factors.find((f) => f.key === "industry")?.reason).toBe("Industry unknown");
    expect(b.factors.find((f) => f.key === "engagement")?.reason).toBe("No outreach yet");
    expect(b.suggestedTier).toBe("D");
  });

  it("always adds the factor points up to the total", () => {
    const b = scoreAccount({ industry: "Manufacturing", employeeCount: 1200, revenue: 300_000_000n, facilityCount: 3, headquarters: null, location: "Ohio", engagement: { sent: 1, opened: 1, replied: 0, meetings: 0 } });
    expect(b.factors.reduce((s, f) => s + f.points, 0)).toBe(b.total);
    // 30×.75 → 23, 15×.75 → 11, 15×.75 → 11, 25×(.85×.45+.15) → 13, 15×.35 → 5
    expect(b.total).toBe(23 + 11 + 11 + 13 + 5);
  });

  it("ranks industry fit: logistics above manufacturing above an unrelated industry", () => {
    const base = { employeeCount: null, revenue: null, facilityCount: null, headquarters: null, location: null, engagement: NO_ENGAGEMENT };
    const s = (industry: string) => scoreAccount({ ...base, industry }).total;
    expect(s("Third-Party Logistics")).toBeGreaterThan(s("Manufacturing"));
    expect(s("Manufacturing")).toBeGreaterThan(s("Software"));
  });

  it("uses custom weights", () => {
    const weights = { industry: 100, employees: 0, revenue: 0, footprint: 0, engagement: 0 };
    expect(scoreAccount({ ...bigLogistics, industry: "Retail" }, weights).total).toBe(85);
  });

  it("engagement counts a meeting over a reply over an open over a send", () => {
    const e = (engagement: typeof NO_ENGAGEMENT) => scoreAccount({ ...bigLogistics, engagement }).factors.find((f) => f.key === "engagement")!.points;
    expect(e({ sent: 1, opened: 1, replied: 1, meetings: 1 })).toBe(15);
    expect(e({ sent: 1, opened: 1, replied: 1, meetings: 0 })).toBe(11);
    expect(e({ sent: 1, opened: 1, replied: 0, meetings: 0 })).toBe(5);
    expect(e({ sent: 1, opened: 0, replied: 0, meetings: 0 })).toBe(2);
  });
});

describe("AI adjustment", () => {
  it("is capped at ±15 and recorded with its reason", () => {
    const base = scoreAccount({ ...bigLogistics, engagement: NO_ENGAGEMENT });
    const up = withAiAdjustment(base, { adjustment: 40, reason: "Just opened three new DCs", provider: "test" });
    expect(up.ai).toEqual({ adjustment: 15, reason: "Just opened three new DCs", provider: "test" });
    expect(up.total).toBe(Math.min(100, base.base + 15));
    const down = withAiAdjustment(base, { adjustment: -99, reason: "Outsources all yards", provider: "test" });
    expect(down.total).toBe(base.base - 15);
    expect(down.base).toBe(base.base);
  });

  it("never leaves 0–100", () => {
    const zero = scoreAccount({ industry: null, employeeCount: null, revenue: null, facilityCount: null, headquarters: null, location: null, engagement: NO_ENGAGEMENT });
    expect(withAiAdjustment(zero, { adjustment: -10, reason: "x", provider: "t" }).total).toBe(0);
  });
});

describe("person ICP score", () => {
  const persona = { isExecOps: false, isOps: false, isProc: false, isSales: false, isTech: false, isNonOps: false };

  it("reads seniority from the title", () => {
    expect(seniorityFromTitle("Chief Operating Officer").level).toBe("C-Suite");
    expect(seniorityFromTitle("SVP, Supply Chain").level).toBe("VP");
    expect(seniorityFromTitle("Vice President of Distribution").level).toBe("VP");
    expect(seniorityFromTitle("Director, Transportation").level).toBe("Director");
    expect(seniorityFromTitle("Head of Logistics").level).toBe("Director");
    expect(seniorityFromTitle("Yard Manager").level).toBe("Manager");
    expect(seniorityFromTitle("Dock Associate").level).toBe("Individual Contributor");
    expect(seniorityFromTitle(null).level).toBeNull();
  });

  it("scores an ops VP at a top account far above a sales rep at a weak one", () => {
    const vp = scorePerson({ ...persona, isExecOps: true, title: "VP Operations", accountScore: 90, accountName: "Acme" });
    const rep = scorePerson({ ...persona, isSales: true, title: "Account Executive", accountScore: 30, accountName: "Beta" });
    expect(vp.total).toBe(40 + 17 + 36);
    expect(rep.total).toBe(4 + 4 + 12);
    expect(vp.factors.find((f) => f.key === "account")?.reason).toBe("Acme scores 90");
  });

  it("handles a person with no account", () => {
    const b = scorePerson({ ...persona, isOps: true, title: "Manager", accountScore: null });
    expect(b.factors.find((f) => f.key === "account")).toMatchObject({ points: 0, reason: "No account" });
  });
});

describe("weights and tiers", () => {
  it("accepts the defaults and refuses groups that do not add up to 100", () => {
    expect(icpWeightsSchema.safeParse(DEFAULT_WEIGHTS).success).toBe(true);
    const bad = icpWeightsSchema.safeParse({ ...DEFAULT_WEIGHTS, account: { ...DEFAULT_WEIGHTS.account, industry: 31 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Account weights must add up to 100");
    expect(icpWeightsSchema.safeParse({ ...DEFAULT_WEIGHTS, person: { persona: -10, seniority: 70, account: 40 } }).success).toBe(false);
    expect(icpWeightsSchema.safeParse({ ...DEFAULT_WEIGHTS, extra: 1 }).success).toBe(false);
  });

  it("maps scores to tiers at 80/60/40", () => {
    expect([100, 80, 79, 60, 59, 40, 39, 0].map(tierForScore)).toEqual(["A", "A", "B", "B", "C", "C", "D", "D"]);
  });

  it("reads only breakdowns of the current shape", () => {
    expect(readBreakdown({ industry: 20 })).toBeNull();
    expect(readBreakdown(null)).toBeNull();
    expect(readBreakdown(scoreAccount(bigLogistics))?.total).toBe(100);
  });
});
