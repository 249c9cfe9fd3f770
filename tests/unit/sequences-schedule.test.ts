import { describe, expect, it } from "vitest";
import { addStepDelay, failureBackoffMs } from "@/server/sequences/schedule";

describe("addStepDelay", () => {
  it("adds calendar days from the previous step", () => {
    expect(addStepDelay(new Date("2026-03-02T15:00:00Z"), 3, false).toISOString()).toBe("2026-03-05T15:00:00.000Z");
    expect(addStepDelay(new Date("2026-03-02T15:00:00Z"), 0, false).toISOString()).toBe("2026-03-02T15:00:00.000Z");
  });
  it("skips weekends for business days, keeping local time across DST", () => {
    // Friday 10:00 EST + 1 business day = Monday 10:00 EDT.
    expect(addStepDelay(new Date("2026-03-06T15:00:00Z"), 1, true, "America/New_York").toISOString()).toBe("2026-03-09T14:00:00.000Z");
    // Thursday + 3 business days = Tuesday.
    expect(addStepDelay(new Date("2026-03-05T15:00:00Z"), 3, true, "UTC").toISOString()).toBe("2026-03-10T15:00:00.000Z");
    // A zero business-day delay from a Saturday moves to Monday.
    expect(addStepDelay(new Date("2026-03-07T12:00:00Z"), 0, true, "UTC").toISOString()).toBe("2026-03-09T12:00:00.000Z");
  });
  it("backs off exponentially with a ceiling", () => {
    expect([1, 2, 3].map(failureBackoffMs)).toEqual([300_000, 600_000, 1_200_000]);
    expect(failureBackoffMs(20)).toBe(6 * 3_600_000);
  });
});
