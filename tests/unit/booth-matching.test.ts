import { describe, expect, it } from "vitest";
import { normalizeName as normalizeCompanyName } from "@/lib/normalize";
import { normalizeName as accountNormalizedName } from "@/server/accounts/service";
import { workDomain } from "@/server/booth/leads";
import { pickBoothDay } from "@/lib/booth/days";
import { normalizeName } from "../../prisma/seed/text";

describe("booth matching rules", () => {
  it("uses work domains only", () => {
    expect(workDomain("Dana@Harmon-Logistics.com")).toBe("harmon-logistics.com");
    expect(workDomain("someone@gmail.com")).toBeNull();
    expect(workDomain(undefined)).toBeNull();
  });

  it("normalises company names to one natural key", () => {
    const cases: [string, string][] = [
      ["Harmon Logistics, Inc.", "harmon logistics"],
      ["O'Neil Freight L.L.C.", "oneil freight"],
      ["Tri-State Cold Storage Group", "tri state cold storage"],
      ["Ünited Foods GmbH", "united foods"],
      ["Company", "company"],
      ["HARMON logistics inc", "harmon logistics"],
      ["Acme Group Logistics, Inc.", "acme group logistics"],
    ];
    for (const [name, key] of cases) expect(normalizeCompanyName(name)).toBe(key);
  });

  it("uses one normaliser for the seed, import, booth capture and accounts created by hand", () => {
    // The same function object, not merely equal output: a second copy could drift.
    expect(normalizeName).toBe(normalizeCompanyName);
    expect(accountNormalizedName).toBe(normalizeCompanyName);
  });

  it("shows today during the show, else the next show day, else the last one", () => {
    const days = ["2026-12-14", "2026-12-15", "2026-12-16"];
    expect(pickBoothDay(days, "2026-12-15")).toEqual({ day: "2026-12-15", phase: "during" });
    expect(pickBoothDay(days, "2026-11-27")).toEqual({ day: "2026-12-14", phase: "before" });
    expect(pickBoothDay(days, "2026-12-20")).toEqual({ day: "2026-12-16", phase: "after" });
  });
});
