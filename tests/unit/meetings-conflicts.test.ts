import { describe, expect, it } from "vitest";
import { findConflicts, overlaps, roomKey, type SlotMeeting } from "@/server/meetings/conflicts";

const at = (hhmm: string) => new Date(`2026-12-14T${hhmm}:00Z`);
let n = 0;
function meeting(over: Partial<SlotMeeting>): SlotMeeting {
  return {
    id: `m${n++}`, eventId: "e1", ownerId: "rep-a", personId: "p-other", scheduledAt: at("10:00"), durationMinutes: 30,
    locationType: "BOOTH", location: null, status: "SCHEDULED", ...over,
  };
}
const candidate = { eventId: "e1", ownerId: "rep-a", personId: "p1", scheduledAt: at("10:15"), durationMinutes: 30, locationType: "BOOTH", location: null };

describe("overlap", () => {
  it("treats back-to-back meetings as free and any shared minute as a clash", () => {
    const a = { scheduledAt: at("10:00"), durationMinutes: 30 };
    expect(overlaps(a, { scheduledAt: at("10:30"), durationMinutes: 30 })).toBe(false);
    expect(overlaps(a, { scheduledAt: at("09:30"), durationMinutes: 30 })).toBe(false);
    expect(overlaps(a, { scheduledAt: at("10:29"), durationMinutes: 30 })).toBe(true);
    expect(overlaps(a, { scheduledAt: at("09:00"), durationMinutes: 120 })).toBe(true);
  });
});

describe("findConflicts", () => {
  it("flags the same rep overlapping", () => {
    const other = meeting({});
    expect(findConflicts(candidate, [other])).toEqual([{ meeting: other, reasons: ["rep"] }]);
  });

  it("ignores another rep at the booth (the booth holds several tables)", () => {
    expect(findConflicts(candidate, [meeting({ ownerId: "rep-b" })])).toEqual([]);
  });

  it("flags the same meeting room, ignoring case and spacing, only within the event", () => {
    const inRoom = { ...candidate, ownerId: "rep-b", locationType: "MEETING_ROOM", location: "Room  3" };
    const sameRoom = meeting({ locationType: "MEETING_ROOM", location: "room 3" });
    const otherEvent = meeting({ eventId: "e2", locationType: "MEETING_ROOM", location: "Room 3" });
    const otherRoom = meeting({ locationType: "MEETING_ROOM", location: "Room 4" });
    expect(findConflicts(inRoom, [sameRoom, otherEvent, otherRoom]).map((c) => [c.meeting.id, c.reasons])).toEqual([[sameRoom.id, ["room"]]]);
  });

  it("flags the same person with two reps at once", () => {
    const other = meeting({ ownerId: "rep-b", personId: "p1" });
    expect(findConflicts(candidate, [other])[0]?.reasons).toEqual(["person"]);
  });

  it("does not count cancelled or no-show meetings, nor the meeting being rescheduled", () => {
    const self = meeting({ id: "self" });
    expect(findConflicts({ ...candidate, id: "self" }, [self, meeting({ status: "CANCELLED" }), meeting({ status: "NO_SHOW" })])).toEqual([]);
  });

  it("lists several reasons and sorts by start time", () => {
    const later = meeting({ scheduledAt: at("10:30"), personId: "p1" });
    const earlier = meeting({ scheduledAt: at("09:50") });
    const result = findConflicts(candidate, [later, earlier]);
    expect(result.map((c) => c.meeting.id)).toEqual([earlier.id, later.id]);
    expect(result[1]?.reasons).toEqual(["rep", "person"]);
  });

  it("normalises room keys", () => {
    expect(roomKey("MEETING_ROOM", "  Room   A ")).toBe("room a");
    expect(roomKey("BOOTH", "Room A")).toBeNull();
    expect(roomKey("MEETING_ROOM", "   ")).toBeNull();
  });
});
