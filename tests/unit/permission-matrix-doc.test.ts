import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSION_MATRIX, type Caller } from "@/server/access/permissions";

/** docs/SECURITY.md shows the permission matrix as a table; it must say what the code enforces. */
function matrixTable(): string {
  const mark = (allowed: boolean) => (allowed ? "yes" : "—");
  const callers: Caller[] = ["owner", "otherRep", "admin", "unowned"];
  const rows = Object.values(PERMISSION_MATRIX).flatMap((resource) =>
    Object.values(resource.actions).map((a) => `| ${resource.noun} | ${a.verb} | ${callers.map((c) => mark(a.rule[c])).join(" | ")} |`),
  );
  return ["| Record | Action | Owner rep | Other rep | Admin | Any rep, no owner |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

function ownersTable(): string {
  return ["| Record | Its owners |", "| --- | --- |", ...Object.values(PERMISSION_MATRIX).map((r) => `| ${r.noun} | ${r.owners} |`)].join("\n");
}

describe("docs/SECURITY.md permission matrix", () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/SECURITY.md"), "utf8");
  it("shows the matrix the services enforce", () => {
    expect(doc).toContain(matrixTable());
  });
  it("says who owns each record", () => {
    expect(doc).toContain(ownersTable());
  });
});
