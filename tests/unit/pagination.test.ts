import { describe, expect, it } from "vitest";
import { cappedCountLimit, paginatedUpTo, rowsOfPage } from "@/server/http/pagination";

describe("rowsOfPage", () => {
  it("returns the rows in the page's order, whatever order they are read in, and skips a row gone meanwhile", async () => {
    const read: string[][] = [];
    const rows = await rowsOfPage(Promise.resolve([{ id: "c" }, { id: "a" }, { id: "gone" }, { id: "b" }]), async (ids) => {
      read.push(ids);
      return [{ id: "a", n: 1 }, { id: "b", n: 2 }, { id: "c", n: 3 }];
    });
    expect(rows.map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(read).toEqual([["c", "a", "gone", "b"]]);
  });

  it("does not read rows for an empty page", async () => {
    let reads = 0;
    expect(await rowsOfPage(Promise.resolve([]), async () => { reads++; return []; })).toEqual([]);
    expect(reads).toBe(0);
  });
});

describe("paginatedUpTo", () => {
  it("reports the cap and moreThanTotal past it, exact below it", () => {
    const q = { page: 1, pageSize: 25 };
    expect(cappedCountLimit(q)).toBe(1001);
    expect(paginatedUpTo([], 1001, q)).toMatchObject({ total: 1000, moreThanTotal: true, hasMore: true });
    expect(paginatedUpTo([], 1000, q)).toMatchObject({ total: 1000, moreThanTotal: false });
  });
});
