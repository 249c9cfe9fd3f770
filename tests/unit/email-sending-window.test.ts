import { describe, expect, it } from "vitest";
import { isInsideWindow, nextCapSlot, nextSendSlot, nextWindowStart, recipientTimeZone } from "@/server/email/sending-window";

describe("sending window (weekdays 09:00–17:00 in the recipient's zone)", () => {
  it("sends now inside business hours", () => {
    const now = new Date("2026-03-04T15:00:00Z"); // Wed 10:00 New York
    expect(nextWindowStart(now, "America/New_York")).toEqual(now);
    expect(isInsideWindow(now, "America/New_York")).toBe(true);
  });

  it("the same instant is outside the window in another zone", () => {
    const now = new Date("2026-03-04T15:00:00Z"); // 07:00 in Los Angeles, 00:00 Thu in Tokyo
    expect(nextWindowStart(now, "America/Los_Angeles")).toEqual(new Date("2026-03-04T17:00:00Z"));
    expect(nextWindowStart(now, "Asia/Tokyo")).toEqual(new Date("2026-03-05T00:00:00Z")); // Thu 09:00 JST
  });

  it("after 17:00 waits for the next morning; Friday evening waits for Monday", () => {
    expect(nextWindowStart(new Date("2026-03-04T22:30:00Z"), "America/New_York")).toEqual(new Date("2026-03-05T14:00:00Z"));
    expect(nextWindowStart(new Date("2026-03-06T22:00:00Z"), "America/New_York")).toEqual(new Date("2026-03-09T13:00:00Z"));
  });

  it("follows local time across the US spring-forward DST change (8 March 2026)", () => {
    // Saturday 7 March 12:00 EST (UTC-5). Monday 9 March 09:00 is EDT (UTC-4) → 13:00 UTC, not 14:00.
    const saturday = new Date("2026-03-07T17:00:00Z");
    expect(nextWindowStart(saturday, "America/New_York")).toEqual(new Date("2026-03-09T13:00:00Z"));
    // In Europe the clocks have not changed yet: Monday 09:00 CET = 08:00 UTC.
    expect(nextWindowStart(saturday, "Europe/Berlin")).toEqual(new Date("2026-03-09T08:00:00Z"));
  });

  it("follows local time across the EU fall-back DST change (25 October 2026)", () => {
    // Friday 23 Oct 18:00 CEST (UTC+2) → Monday 26 Oct 09:00 CET (UTC+1) = 08:00 UTC.
    expect(nextWindowStart(new Date("2026-10-23T16:00:00Z"), "Europe/Berlin")).toEqual(new Date("2026-10-26T08:00:00Z"));
  });

  it("17:00 sharp is outside, 16:59 inside", () => {
    expect(isInsideWindow(new Date("2026-03-04T21:59:00Z"), "America/New_York")).toBe(true);
    expect(isInsideWindow(new Date("2026-03-04T22:00:00Z"), "America/New_York")).toBe(false);
  });

  it("prefers the person's zone, then the event's, ignoring invalid names", () => {
    expect(recipientTimeZone("Europe/Paris", "America/Chicago")).toBe("Europe/Paris");
    expect(recipientTimeZone(null, "America/Chicago")).toBe("America/Chicago");
    expect(recipientTimeZone("Mars/Olympus", "America/Chicago")).toBe("America/Chicago");
    expect(recipientTimeZone(undefined, "nope")).toBe("UTC");
  });
});

describe("rolling 24-hour cap", () => {
  const now = new Date("2026-03-04T15:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it("allows sending below the cap and ignores sends older than 24 h", () => {
    expect(nextCapSlot(now, [hoursAgo(1), hoursAgo(25), hoursAgo(30)], 2)).toEqual(now);
  });

  it("at the cap waits until the oldest counted send is 24 h old", () => {
    expect(nextCapSlot(now, [hoursAgo(1), hoursAgo(5), hoursAgo(20)], 3)).toEqual(new Date(hoursAgo(20).getTime() + 86_400_000));
  });

  it("combines the cap with the window and says which rule held the message", () => {
    // Cap frees up at 23:00 New York (04:00Z next day) → next window Thursday 09:00 New York.
    const decision = nextSendSlot({ now, timeZone: "America/New_York", recentSends: [hoursAgo(16)], cap: 1 });
    expect(decision).toEqual({ at: new Date("2026-03-05T14:00:00Z"), reason: "cap" });
    expect(nextSendSlot({ now, timeZone: "America/New_York", recentSends: [], cap: 1 })).toEqual({ at: now, reason: "now" });
    expect(nextSendSlot({ now, timeZone: "Asia/Tokyo", recentSends: [], cap: 1 }).reason).toBe("window");
  });
});
