import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldIssues, summarise } from "@/lib/validation";
import { createPersonBody } from "@/server/people/service";
import { createAccountBody } from "@/server/accounts/service";

// Issue 16 item 4: "Invalid body — firstName: Invalid input: expected nonoptional, received undefined".
function issuesOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a failure");
  return fieldIssues(parsed.error, schema);
}

describe("validation messages a rep understands", () => {
  it("a missing first name reads 'Enter a first name', with the path and code kept for machines", () => {
    expect(issuesOf(createPersonBody, {})).toEqual([{ path: "firstName", message: "Enter a first name", code: "custom" }]);
  });

  it("a number out of a two-sided range says both ends", () => {
    const schema = z.object({ facilityCount: z.number().int().min(0).max(5000) });
    expect(issuesOf(schema, { facilityCount: 9000 })[0].message).toBe("Between 0 and 5,000");
    expect(issuesOf(schema, { facilityCount: -1 })[0].message).toBe("Between 0 and 5,000");
    expect(issuesOf(schema, { facilityCount: 1.5 })[0].message).toBe("Facility count must be a whole number");
    expect(issuesOf(schema, { facilityCount: "lots" })[0].message).toBe("Facility count must be a number");
  });

  it("formats, choices and unknown fields read as sentences; a schema's own message wins", () => {
    const schema = z.strictObject({ email: z.email(), tier: z.enum(["A", "B"]), website: z.url(), domain: z.string().regex(/\./, "Enter a domain like acme.com") });
    const messages = issuesOf(schema, { email: "x", tier: "Z", website: "nope", domain: "acme", extra: 1 }).map((i) => i.message);
    expect(messages).toEqual(["Enter a valid email address", "Choose one of: A, B", "Enter a full URL starting with https://", "Enter a domain like acme.com", "Unknown field: extra"]);
  });

  it("choices say 'Choose', empty text says 'Enter', lists say how many", () => {
    const schema = z.object({ assignedToId: z.string(), name: z.string().trim().min(1), personIds: z.array(z.string()).min(1) });
    expect(issuesOf(schema, { name: "  ", personIds: [] }).map((i) => i.message)).toEqual(["Choose a rep", "Enter a name", "Choose at least one person"]);
    expect(issuesOf(createAccountBody, { name: "" })[0].message).toBe("Name is required");
  });

  it("summarises a failed parse in one sentence", () => {
    expect(summarise(issuesOf(createPersonBody, {}))).toBe("Enter a first name.");
    const two = issuesOf(z.object({ a: z.string(), b: z.number().max(3) }), { b: 9 });
    expect(summarise(two)).toBe("Enter an a; 1 more field needs a fix.");
  });
});
