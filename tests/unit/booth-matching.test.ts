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

  it("normalises company names exactly like the seed and import", () => {
    for (const name of ["Harmon Logistics, Inc.", "O'Neil Freight L.L.C.", "Tri-State Cold Storage Group", "Ünited Foods GmbH", "Company"]) {
      expect(normalizeCompanyName(name)).toBe(normalizeName(name));
    }
    expect(normalizeCompanyName("HARMON logistics inc")).toBe("harmon logistics");
    // Accounts created by hand get the same natural key as imported and captured ones.
    expect(accountNormalizedName("Acme Group Logistics, Inc.")).toBe(normalizeCompanyName("Acme Group Logistics, Inc."));
  });

  it("shows today during the show, else the next show day, else the last one", () => {
    const days = ["2026-12-14", "2026-12-15", "2026-12-16"];
    expect(pickBoothDay(days, "2026-12-15")).toEqual({ day: "2026-12-15", phase: "during" });
    expect(pickBoothDay(days, "2026-11-27")).toEqual({ day: "2026-12-14", phase: "before" });
    expect(pickBoothDay(days, "2026-12-20")).toEqual({ day: "2026-12-16", phase: "after" });
  });
});
