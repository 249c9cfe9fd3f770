import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildMeetingIcs, foldLine, zoneTransitions, type MeetingIcsInput } from "@/server/calendar/ics";
import { parseStartTime } from "@/server/calendar/time";

const TZ = "America/Los_Angeles";

function input(over: Partial<MeetingIcsInput> = {}): MeetingIcsInput {
  return {
    method: "REQUEST",
    uid: "abc-123@eventops",
    sequence: 0,
    start: parseStartTime("2026-11-02T09:00", TZ),
    durationMinutes: 30,
    timeZone: TZ,
    summary: "Manifest 2026: Maya Chen × Dana Whitfield (Harmon Logistics, Inc.)",
    description: "Agenda: gate automation; yard visibility\nBring the ROI model",
    location: "Booth 1427, Venetian Expo",
    organizer: { name: "Maya Chen", email: "maya@eventops.dev" },
    attendee: { name: "Dana Whitfield", email: "dana@harmon.test" },
    stamp: new Date("2026-11-01T12:00:00Z"),
    ...over,
  };
}

function onlyEvent(text: string) {
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c) => c && c.type === "VEVENT");
  expect(events).toHaveLength(1);
  return events[0] as ical.VEvent;
}

describe("meeting .ics", () => {
  it("carries UID, SEQUENCE, METHOD, TZID and a VTIMEZONE", () => {
    const text = buildMeetingIcs(input({ sequence: 3 }));
    expect(text).toContain("METHOD:REQUEST\r\n");
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n");
    expect(text).toContain("DTSTART;TZID=America/Los_Angeles:20261102T090000\r\n");
    expect(text).toContain("DTEND;TZID=America/Los_Angeles:20261102T093000\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const event = onlyEvent(text);
    expect(event.uid).toBe("abc-123@eventops");
    expect(Number(event.sequence)).toBe(3);
    expect(String(event.summary)).toBe("Manifest 2026: Maya Chen × Dana Whitfield (Harmon Logistics, Inc.)");
    expect(String(event.description)).toBe("Agenda: gate automation; yard visibility\nBring the ROI model");
  });

  it("places meetings either side of the November DST change at the right instants", () => {
    // PDT (UTC-7) on Friday 30 Oct, PST (UTC-8) on Monday 2 Nov 2026: 9:00 local both days.
    const before = onlyEvent(buildMeetingIcs(input({ start: parseStartTime("2026-10-30T09:00", TZ) })));
    const after = onlyEvent(buildMeetingIcs(input({ start: parseStartTime("2026-11-02T09:00", TZ) })));
    expect(before.start.toISOString()).toBe("2026-10-30T16:00:00.000Z");
    expect(after.start.toISOString()).toBe("2026-11-02T17:00:00.000Z");
    expect(after.end?.toISOString()).toBe("2026-11-02T17:30:00.000Z");
    expect((after.start as Date & { tz?: string }).tz).toBe(TZ);
  });

  it("describes the real transitions in the VTIMEZONE", () => {
    const text = buildMeetingIcs(input());
    expect(text).toContain("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nEND:STANDARD");
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nEND:DAYLIGHT");
    const transitions = zoneTransitions(TZ, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    expect(transitions.map((t) => t.at.toISOString())).toEqual(["2026-03-08T10:00:00.000Z", "2026-11-01T09:00:00.000Z"]);
  });

  it("handles a zone without DST and a southern-hemisphere zone", () => {
    const tokyo = buildMeetingIcs(input({ timeZone: "Asia/Tokyo", start: new Date("2026-06-01T01:00:00Z") }));
    expect(tokyo).toContain("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900");
    expect(onlyEvent(tokyo).start.toISOString()).toBe("2026-06-01T01:00:00.000Z");
    const sydney = onlyEvent(buildMeetingIcs(input({ timeZone: "Australia/Sydney", start: parseStartTime("2026-04-06T10:00", "Australia/Sydney") })));
    expect(sydney.start.toISOString()).toBe("2026-04-06T00:00:00.000Z"); // AEST, the day after DST ends
  });

  it("writes a cancellation with the same UID and STATUS:CANCELLED", () => {
    const text = buildMeetingIcs(input({ method: "CANCEL", sequence: 2 }));
    expect(text).toContain("METHOD:CANCEL\r\n");
    const event = onlyEvent(text);
    expect(event.uid).toBe("abc-123@eventops");
    expect(Number(event.sequence)).toBe(2);
    expect(event.status).toBe("CANCELLED");
  });

  it("folds long lines at 75 octets without splitting characters", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    expect(folded.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});
