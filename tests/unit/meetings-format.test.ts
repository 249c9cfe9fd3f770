import { describe, expect, it } from "vitest";
import { formatDay } from "@/components/meetings/format";

describe("formatDay", () => {
  it("names every day of three years exactly as Intl's en-US short format does", () => {
    const intl = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 3 * 366; i++) {
      const ymd = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      expect(formatDay(ymd), ymd).toBe(intl.format(new Date(`${ymd}T12:00:00Z`)));
    }
  });
});
