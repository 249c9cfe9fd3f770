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

// The proxy's matcher, compiled the way `next build` compiles it and tested the way the server
// tests it (raw path, then decoded): every page, and only the API addresses with a "%" in the path.
describe("which addresses run the proxy", async () => {
  const { config } = await import("@/proxy");

  const { getMiddlewareRouteMatcher } = await import("next/dist/shared/lib/router/utils/middleware-route-matcher");
  // Exported by the module but not declared in its types.
  const { getMiddlewareMatchers } = (await import("next/dist/build/analysis/get-page-static-info")) as unknown as {
    getMiddlewareMatchers: (matchers: string[], nextConfig: object) => Parameters<typeof getMiddlewareRouteMatcher>[0];
  };
  const matches = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
  const runs = (path: string) => matches(path, {} as never, {});

  it("runs on pages (for the CSP nonce) and on API paths that carry percent-encoding", () => {
    for (const path of ["/", "/dashboard", "/dashboard/accounts/%E0", "/book/expo-2026", "/api/accounts/%E0", "/api/people/%F0%9F", "/api/t/o/%E0%A4"]) {
      expect(runs(path), path).toBe(true);
    }
  });

  it("does not run on plain API calls or static files", () => {
    for (const path of ["/api/accounts", "/api/people/cm1abc", "/api/health/live", "/_next/static/chunks/app.js", "/favicon.ico"]) {
      expect(runs(path), path).toBe(false);
    }
  });
});
