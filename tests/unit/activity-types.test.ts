import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES } from "@/lib/vocabulary";

// The writers are held to the list by the typechecker (recordActivity takes ActivityType); this
// keeps the list itself readable: "<domain>.<what happened>", each once.
describe("activity types", () => {
  it("are domain.event in snake case, each declared once", () => {
    for (const type of ACTIVITY_TYPES) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(new Set(ACTIVITY_TYPES).size).toBe(ACTIVITY_TYPES.length);
  });
});
