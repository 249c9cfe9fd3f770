import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvChunk, neutralizeCell, toCsvCell } from "@/server/exports/csv";

describe("CSV formula neutralisation", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTabbed", "'\tTabbed"],
    ["\rReturn", "'\rReturn"],
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
  ])("prefixes %j", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each(["Acme Foods", "a=b", "100", "", " =not-first", "O'Brien"])("leaves %j alone", (input) => {
    expect(neutralizeCell(input)).toBe(input);
  });

  it("only touches text: numbers, booleans, dates and nulls are written as values", () => {
    expect(toCsvCell(-5)).toBe("-5");
    expect(toCsvCell(true)).toBe("true");
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(new Date("2026-02-09T17:00:00Z"))).toBe("2026-02-09T17:00:00.000Z");
  });

  it("writes rows that csv-parse reads back, with quotes, commas and newlines intact", () => {
    const text = csvChunk(["id", "name", "notes"], [
      { id: "1", name: "Acme, Inc.", notes: "line one\nline \"two\"" },
      { id: "2", name: "=1+1", notes: null },
    ], true);
    expect(parse(text, { columns: true })).toEqual([
      { id: "1", name: "Acme, Inc.", notes: "line one\nline \"two\"" },
      { id: "2", name: "'=1+1", notes: "" },
    ]);
    expect(csvChunk(["id"], [{ id: "3" }], false)).toBe("3\r\n");
  });
});
