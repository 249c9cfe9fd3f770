import { describe, expect, it } from "vitest";
import { calculateRoi, defaultAssumptions, roiAssumptionsSchema, type RoiAssumptions } from "@/server/roi/model";

const simple: RoiAssumptions = {
  facilities: 2,
  trucksPerDayPerSite: 100,
  operatingDaysPerYear: 300,
  detentionSharePct: 10,
  detentionHoursPerTruck: 2,
  detentionFeePerHour: 50,
  detentionReductionPct: 50,
  jockeysPerSite: 2,
  jockeyHoursPerDay: 10,
  jockeyWagePerHour: 25,
  jockeyProductivityPct: 20,
  gateCheckInMinutes: 12,
  gateReductionPct: 50,
  gateLabourPerHour: 20,
  dwellMinutes: 120,
  dwellReductionPct: 25,
  ownFleetSharePct: 20,
  fleetCostPerHour: 60,
  subscriptionPerSitePerYear: 10000,
  implementationCost: 20000,
};

describe("ROI model", () => {
  it("computes each line from its formula", () => {
    const r = calculateRoi(simple);
    const byKey = Object.fromEntries(r.lines.map((l) => [l.key, l.annual]));
    // 60,000 truck-days a year.
    expect(byKey.detention).toBe(60000 * 0.1 * 2 * 50 * 0.5); // 300,000
    expect(byKey.labour).toBe(2 * 2 * 10 * 25 * 300 * 0.2); // 60,000
    expect(byKey.gate).toBe(60000 * (6 / 60) * 20); // 120,000
    expect(byKey.dwell).toBe(60000 * (30 / 60) * 0.2 * 60); // 360,000
    expect(r.annualSavings).toBe(840000);
    expect(r.annualCost).toBe(20000);
    expect(r.netAnnual).toBe(820000);
    expect(r.paybackMonths).toBe(Math.round((20000 / (820000 / 12)) * 10) / 10);
    expect(r.threeYearValue).toBe(3 * 820000 - 20000);
  });

  it("has no payback when the savings do not cover the subscription", () => {
    const r = calculateRoi({ ...simple, detentionReductionPct: 0, jockeyProductivityPct: 0, gateReductionPct: 0, dwellReductionPct: 0 });
    expect(r.annualSavings).toBe(0);
    expect(r.paybackMonths).toBeNull();
    expect(r.threeYearValue).toBe(-3 * 20000 - 20000);
  });

  it("scales linearly with the number of facilities", () => {
    const one = calculateRoi({ ...simple, facilities: 1 }).annualSavings;
    expect(calculateRoi({ ...simple, facilities: 10 }).annualSavings).toBe(one * 10);
  });

  it("takes facilities from the account, else estimates from employees or revenue", () => {
    expect(defaultAssumptions({ facilityCount: 12, employeeCount: 100, revenue: null, industry: null }).values.facilities).toBe(12);
    const fromEmployees = defaultAssumptions({ facilityCount: null, employeeCount: 4000, revenue: null, industry: null });
    expect(fromEmployees.values.facilities).toBe(10);
    expect(fromEmployees.sources.facilities).toBe("estimate");
    expect(defaultAssumptions({ facilityCount: null, employeeCount: null, revenue: 1_500_000_000n, industry: null }).values.facilities).toBe(10);
    expect(defaultAssumptions({ facilityCount: null, employeeCount: null, revenue: null, industry: null }).sources.facilities).toBe("default");
  });

  it("sets truck volume by industry", () => {
    expect(defaultAssumptions({ facilityCount: 1, employeeCount: null, revenue: null, industry: "Transportation & Trucking" }).values.trucksPerDayPerSite).toBe(150);
    expect(defaultAssumptions({ facilityCount: 1, employeeCount: null, revenue: null, industry: "Third-Party Logistics" }).values.trucksPerDayPerSite).toBe(120);
    expect(defaultAssumptions({ facilityCount: 1, employeeCount: null, revenue: null, industry: "Banking" }).values.trucksPerDayPerSite).toBe(60);
  });

  it("refuses impossible assumptions", () => {
    expect(roiAssumptionsSchema.safeParse({ ...simple, detentionReductionPct: 150 }).success).toBe(false);
    expect(roiAssumptionsSchema.safeParse({ ...simple, facilities: 0 }).success).toBe(false);
    expect(roiAssumptionsSchema.safeParse({ ...simple, jockeyWagePerHour: -1 }).success).toBe(false);
  });
});
