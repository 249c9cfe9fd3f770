import { describe, expect, it } from "vitest";
import { unreadableUrlReason } from "@/lib/storable-text";

// src/proxy.ts answers 400 for these before a page renders (issue 13 item 6).
describe("page addresses that cannot be read as text", () => {
  const reason = (path: string) => unreadableUrlReason(new URL(path, "http://127.0.0.1:3000"));

  it("finds NUL in a path segment, a query name or a query value, and undecodable path segments", () => {
    expect(reason("/dashboard/accounts/%00")).toBe("nul");
    expect(reason("/dashboard/accounts?q=a%00b")).toBe("nul");
    expect(reason("/dashboard/accounts?%00=1")).toBe("nul");
    expect(reason("/dashboard/accounts/%E0")).toBe("undecodable_path");
    expect(reason("/unsubscribe/%ED%A0%80")).toBe("undecodable_path");
  });

  it("lets every ordinary address through, including emoji, RTL text and broken query encoding (read as U+FFFD)", () => {
    for (const path of ["/", "/dashboard", "/dashboard/accounts?q=caf%C3%A9&tier=A", "/dashboard/people?q=%F0%9F%9A%9A", "/dashboard/people?q=%E2%80%8F%D7%A9%D7%9C%D7%95%D7%9D", "/dashboard?x=%E0", "/book/expo-2026/dana%20lee"]) {
      expect(reason(path), path).toBeNull();
    }
  });
});
