import { describe, expect, it } from "vitest";
import { appendSignature } from "@/server/email/compose";

// Issue 16 item 9: drafts carried the signature twice ("Best,\nMaya Chen\n\nMaya Chen\nAccount Executive").
describe("the signature under an email", () => {
  const signature = "Maya Chen\nAccount Executive, YardFlow";
  it("is added once under the sign-off", () => {
    expect(appendSignature("Hi Dana,\n\nSee you there?\n\nBest,", signature)).toBe("Hi Dana,\n\nSee you there?\n\nBest,\n\nMaya Chen\nAccount Executive, YardFlow");
  });
  it("replaces a trailing name line rather than repeating the name", () => {
    expect(appendSignature("Hi Dana,\n\nBest,\nMaya Chen\n", signature)).toBe("Hi Dana,\n\nBest,\nMaya Chen\nAccount Executive, YardFlow");
  });
  it("leaves a message that already ends with the signature alone, and one without a signature as written", () => {
    expect(appendSignature(`Hi,\n\n${signature}`, signature)).toBe(`Hi,\n\n${signature}`);
    expect(appendSignature("Hi,\n\nBest,\nMaya  ", null)).toBe("Hi,\n\nBest,\nMaya");
  });
});
