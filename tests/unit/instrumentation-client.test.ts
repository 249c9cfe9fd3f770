// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";

const classMergePrepared = vi.hoisted(() => ({ times: 0 }));
vi.mock("@/lib/utils", async (original) => ({ ...(await original<typeof import("@/lib/utils")>()), prepareClassMerge: () => classMergePrepared.times++ }));

// src/instrumentation-client.ts runs in the browser before the app's modules and before
// hydration: what it must leave behind.
describe("the browser's first script", () => {
  it("builds tailwind-merge's class map in a task of its own, not inside a hydration slice", async () => {
    await import("@/instrumentation-client");
    // Posted, not run while the module loads (that task is the page's module evaluation).
    expect(classMergePrepared.times).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(classMergePrepared.times).toBe(1);
  });

  it("turns zod's compiler off before any schema is built (no 'unsafe-eval' under our CSP)", async () => {
    await import("@/instrumentation-client");
    expect((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless).toBe(true);
  });
});
