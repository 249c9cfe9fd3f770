import { describe, expect, it } from "vitest";
import { isoFromPgTimestamp } from "@/server/exports/entities";

describe("isoFromPgTimestamp", () => {
  it("writes PostgreSQL's text for a UTC timestamp(3) exactly as Date.toISOString() does", () => {
    for (const iso of ["2026-03-02T15:00:00.000Z", "2026-03-02T15:00:00.100Z", "2026-03-02T15:00:00.120Z", "2026-03-02T15:00:00.123Z", "1999-12-31T23:59:59.999Z"]) {
      // PostgreSQL drops the fraction's trailing zeros and separates date and time with a space.
      const pgText = iso.slice(0, -1).replace("T", " ").replace(/\.?0+$/, "");
      expect(isoFromPgTimestamp(pgText)).toBe(new Date(iso).toISOString());
    }
  });
});
