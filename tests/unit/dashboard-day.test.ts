import { describe, expect, it } from "vitest";
import { eventDayBounds } from "@/server/dashboard/my-day";
import { hourLabel } from "@/server/analytics/heatmap";
import { toMetricFilters } from "@/server/reports/config";

describe("the event's day", () => {
  it("runs from local midnight to local midnight in the event's time zone", () => {
    // 07:30 UTC on 9 Feb is still 8 Feb, 23:30 in Las Vegas (UTC-8).
    expect(eventDayBounds("America/Los_Angeles", new Date("2026-02-09T07:30:00Z"))).toEqual({
      start: new Date("2026-02-08T08:00:00Z"),
      end: new Date("2026-02-09T08:00:00Z"),
    });
    // Tokyo is already on the 10th.
    expect(eventDayBounds("Asia/Tokyo", new Date("2026-02-09T23:30:00Z"))).toEqual({
      start: new Date("2026-02-09T15:00:00Z"),
      end: new Date("2026-02-10T15:00:00Z"),
    });
  });

  it("handles the short day of a daylight-saving change", () => {
    const { start, end } = eventDayBounds("America/New_York", new Date("2026-03-08T12:00:00Z"));
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });
});

describe("report date filters", () => {
  it("turn local calendar dates into UTC bounds with an inclusive end day", () => {
    expect(toMetricFilters({ from: "2026-01-01", to: "2026-01-20", tiers: [] }, "America/Los_Angeles")).toEqual({
      tiers: undefined,
      ownerId: undefined,
      from: new Date("2026-01-01T08:00:00Z"),
      to: new Date("2026-01-21T08:00:00Z"),
    });
  });
});

describe("hour labels", () => {
  it.each([[0, "12 am"], [9, "9 am"], [12, "12 pm"], [23, "11 pm"]])("%i → %s", (h, label) => {
    expect(hourLabel(h)).toBe(label);
  });
});
