import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatInZone, safeZone, zoneAbbreviation } from "@/lib/time";
import { flattenParams, listCountSentence, parseListParams } from "@/lib/list-params";
import { placeApiError } from "@/lib/form-errors";
import { escapeHtml } from "@/lib/escape-html";
import { isUrlSource, readClaims, sourceLabel } from "@/lib/claims";

describe("times always say their zone", () => {
  const at = "2026-03-04T15:15:00.000Z";
  it("formats in the zone asked for, naming it", () => {
    expect(formatInZone(at, "America/Los_Angeles")).toBe("Mar 4, 2026, 7:15 AM PST");
    expect(formatInZone(new Date(at), "Europe/Berlin", "time")).toBe("4:15 PM GMT+1");
    expect(formatInZone(at, "UTC", "date")).toBe("Mar 4, 2026");
    expect(formatInZone(at, "America/New_York", "weekdayTime")).toBe("Wed, Mar 4, 10:15 AM EST");
  });
  it("falls back to UTC (named) for an unknown zone and shows a dash for no time", () => {
    expect(safeZone("Mars/Olympus")).toBe("UTC");
    expect(safeZone(null)).toBe("UTC");
    expect(formatInZone(at, "Mars/Olympus")).toBe("Mar 4, 2026, 3:15 PM UTC");
    expect(formatInZone(null, "UTC")).toBe("—");
    expect(formatInZone("not a date", "UTC")).toBe("—");
  });
  it("names the zone at an instant (summer time included)", () => {
    expect(zoneAbbreviation("America/Chicago", "2026-07-01T12:00:00Z")).toBe("CDT");
    expect(zoneAbbreviation("America/Chicago", "2026-01-01T12:00:00Z")).toBe("CST");
  });
});

describe("list URLs", () => {
  const schema = z.object({ q: z.string().max(5).optional(), page: z.coerce.number().int().min(1).default(1), tier: z.string().optional() });
  it("flattens repeated and empty parameters", () => {
    expect(flattenParams({ tier: ["A", "", "B"], q: "", page: "2", none: undefined })).toEqual({ tier: "A,B", page: "2" });
  });
  it("parses a good URL and explains a bad one in sentences naming the field", () => {
    expect(parseListParams({ page: "2" }, schema)).toEqual({ ok: true, query: { page: 2 }, raw: { page: "2" } });
    const bad = parseListParams({ q: "far too long", page: "0" }, schema);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(2);
      expect(bad.problems.join(" ")).toMatch(/Search|Q|Page/);
    }
  });
  it("says a list's count as a sentence, capped searches as more than the cap", () => {
    const noun = { one: "target account", many: "target accounts" };
    expect(listCountSentence({ total: 5000, moreThanTotal: false }, noun, "ProMat")).toBe("5,000 target accounts at ProMat");
    expect(listCountSentence({ total: 1000, moreThanTotal: true }, noun, "ProMat", "log")).toBe("More than 1,000 target accounts at ProMat match “log”");
    expect(listCountSentence({ total: 1, moreThanTotal: false }, noun, "ProMat", "acme")).toBe("1 target account at ProMat matches “acme”");
    expect(listCountSentence({ total: 0, moreThanTotal: false }, { one: "person", many: "people" }, "ProMat", "zz")).toBe("0 people at ProMat match “zz”");
  });
});

describe("form errors", () => {
  it("puts each field's problem next to it and the rest above the buttons, once", () => {
    const failure = { error: "Check the highlighted fields", details: [{ path: "email", message: "Enter a valid email address" }, { path: "email", message: "second" }, { path: "other", message: "Not on screen" }] };
    expect(placeApiError(failure, ["email", "name"])).toEqual({ fieldErrors: { email: "Enter a valid email address" }, formError: "Check the highlighted fields" });
    expect(placeApiError({ error: "Saved elsewhere", details: [{ path: "name.first", message: "Too long" }] }, ["name"])).toEqual({ fieldErrors: { name: "Too long" }, formError: null });
    expect(placeApiError({ error: "Server trouble" }, ["name"])).toEqual({ fieldErrors: {}, formError: "Server trouble" });
  });
});

describe("small helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).not.toMatch(/[<>"]/);
    expect(escapeHtml("Tom & Jerry")).toBe("Tom &amp; Jerry");
  });
  it("reads claims old and new and labels their sources", () => {
    const claims = readClaims([{ text: "Runs 6 sites", source: "https://example.com/about" }, "An old plain claim", { text: "From the record", source: "account data" }, 42]);
    expect(claims.map((c) => c.text)).toEqual(["Runs 6 sites", "An old plain claim", "From the record"]);
    expect(claims[1].source).toBeNull();
    expect(isUrlSource(claims[0].source)).toBe(true);
    expect(isUrlSource(claims[2].source)).toBe(false);
    expect(sourceLabel(claims[0].source)).toContain("example.com");
    expect(readClaims(null)).toEqual([]);
  });
});
