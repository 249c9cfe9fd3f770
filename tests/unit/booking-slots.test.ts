import { describe, expect, it } from "vitest";
import { freeSlots, type BusyMeeting, type SlotRules } from "@/server/booking/slots";

const rules: SlotRules = {
  days: ["2026-12-14", "2026-12-15"],
  timeZone: "America/Los_Angeles",
  slotMinutes: 30,
  capacity: 2,
  now: new Date("2026-12-01T00:00:00Z"),
  leadMinutes: 60,
};

// 9:00 in Las Vegas on Dec 14 is 17:00 UTC.
const at = (hhmm: string, day = "2026-12-14") => new Date(`${day}T${String(Number(hhmm.slice(0, 2)) + 8).padStart(2, "0")}:${hhmm.slice(3)}:00Z`);
const booth = (ownerId: string | null, hhmm: string, status = "SCHEDULED", durationMinutes = 30): BusyMeeting => ({ ownerId, scheduledAt: at(hhmm), durationMinutes, locationType: "BOOTH", status });

describe("free booth slots", () => {
  it("cuts each window into slots in the event's zone and merges reps by start time", () => {
    const slots = freeSlots(rules, [
      { userId: "maya", day: "2026-12-14", startMinute: 9 * 60, endMinute: 10 * 60 },
      { userId: "jordan", day: "2026-12-14", startMinute: 9 * 60 + 30, endMinute: 10 * 60 + 45 },
      { userId: "maya", day: "2026-12-20", startMinute: 9 * 60, endMinute: 10 * 60 },
    ], []);
    expect(slots.map((s) => [s.start.toISOString(), s.reps])).toEqual([
      ["2026-12-14T17:00:00.000Z", ["maya"]],
      ["2026-12-14T17:30:00.000Z", ["jordan", "maya"]],
      ["2026-12-14T18:00:00.000Z", ["jordan"]],
    ]);
  });

  it("closes a slot when the booth is at capacity, whoever's meetings fill it", () => {
    const windows = [{ userId: "maya", day: "2026-12-14", startMinute: 9 * 60, endMinute: 10 * 60 }];
    expect(freeSlots(rules, windows, [booth("jordan", "09:00"), booth("sam", "09:15")]).map((s) => s.start.toISOString())).toEqual(["2026-12-14T17:30:00.000Z"]);
    // Cancelled and no-show meetings free their table; a meeting elsewhere never took one.
    expect(freeSlots(rules, windows, [booth("jordan", "09:00", "CANCELLED"), booth("sam", "09:00", "NO_SHOW"), { ...booth("sam", "09:00"), locationType: "OFFSITE" }])).toHaveLength(2);
  });

  it("leaves out a rep who is busy anywhere, and the slot when no rep is free", () => {
    const windows = [
      { userId: "maya", day: "2026-12-14", startMinute: 9 * 60, endMinute: 10 * 60 },
      { userId: "jordan", day: "2026-12-14", startMinute: 9 * 60, endMinute: 9 * 60 + 30 },
    ];
    const offsite: BusyMeeting = { ownerId: "maya", scheduledAt: at("09:00"), durationMinutes: 45, locationType: "OFFSITE", status: "SCHEDULED" };
    const slots = freeSlots(rules, windows, [offsite]);
    expect(slots.map((s) => [s.start.toISOString(), s.reps])).toEqual([["2026-12-14T17:00:00.000Z", ["jordan"]]]);
  });

  it("offers nothing sooner than the lead time", () => {
    const windows = [{ userId: "maya", day: "2026-12-14", startMinute: 9 * 60, endMinute: 11 * 60 }];
    const slots = freeSlots({ ...rules, now: new Date("2026-12-14T16:45:00Z") }, windows, []);
    expect(slots[0].start.toISOString()).toBe("2026-12-14T18:00:00.000Z");
  });
});
