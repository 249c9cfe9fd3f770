import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// Screenshots for docs/USER_GUIDE.md that no other spec takes, plus the public API reference.
// Each step asserts the page really rendered its main content before the picture is taken.

test.describe("user guide screenshots", () => {
  test("people list, activity, settings and reports as an admin", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin@eventops.dev");

    await page.goto("/dashboard/people");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshot(page, "guide-people");

    await page.goto("/dashboard/reports");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshot(page, "guide-reports");

    await page.goto("/dashboard/activity");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshot(page, "guide-activity");

    await page.goto("/dashboard/settings");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshot(page, "guide-settings");
  });

  test("API reference renders without sign-in, on a phone too", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "EventOps API reference" })).toBeVisible();
    await expect(page.getByText("/api/accounts/{id}").first()).toBeVisible();
    await screenshot(page, "api-reference");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText("/api/accounts", { exact: true }).first().click();
    await screenshot(page, "api-reference-phone");
    const doc = await page.request.get("/api/openapi.json");
    expect(doc.status()).toBe(200);
    expect((await doc.json()).openapi).toBe("3.1.0");
  });
});
