import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("a teammate signs in with a magic link, switches event and signs out", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(`${msg.text()} ${msg.location().url}`);
  });

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "login");

  await signIn(page, "admin@eventops.dev", { fresh: true });
  await expect(page.getByRole("heading", { name: /Welcome back, Alex/ })).toBeVisible();
  await expect(page.getByTestId("event-switcher")).toContainText("Manifest 2026");
  await expect(page.getByTestId("activity-feed")).toBeVisible();
  await screenshot(page, "dashboard");

  // Switch event; the choice is remembered across a reload.
  await page.getByTestId("event-switcher").click();
  await page.getByRole("menuitemradio", { name: /Manifest 2025/ }).click();
  await expect(page.getByTestId("event-switcher")).toContainText("Manifest 2025");
  await page.reload();
  await expect(page.getByTestId("event-switcher")).toContainText("Manifest 2025");
  await page.getByTestId("event-switcher").click();
  await page.getByRole("menuitemradio", { name: /Manifest 2026/ }).click();
  await expect(page.getByTestId("event-switcher")).toContainText("Manifest 2026");

  // Every navigation entry opens a page (no dead links).
  for (const label of ["Accounts", "People", "Settings"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  }

  // Sign out ends the session.
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  expect(consoleErrors).toEqual([]);
});

test("an address that is not on the team gets the same answer as a teammate, and no email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("stranger@unknown-company.test");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("If this address may sign in, a link is on its way. It works once and expires in 15 minutes.")).toBeVisible();
  await page.goto("/dev/mailbox");
  await expect(page.getByTestId("mailbox-message").filter({ hasText: "To stranger@unknown-company.test" })).toHaveCount(0);
  // Not an address we accept (the browser lets a one-label domain through; we do not).
  await page.goto("/login");
  await page.getByLabel("Work email").fill("dana@localhost");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter one email address, like you@company.com.")).toBeVisible();
});

test("the shell works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /Welcome back, Maya/ })).toBeVisible();
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(page.getByRole("dialog", { name: "Navigation" })).toBeVisible();
  await screenshot(page, "dashboard-phone-nav");
  await page.getByRole("dialog", { name: "Navigation" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Navigation" })).toHaveCount(0);
});

test.describe("the header's menus on a touch phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  // Their code loads on the first press (src/components/ui/deferred-menu.tsx): that press must
  // still open the menu, whether it is a tap or a key.
  test("open on the first tap or key press", async ({ page }) => {
    await signIn(page, "maya@eventops.dev");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: /Welcome back, Maya/ })).toBeVisible();
    await page.getByTestId("notification-bell").tap();
    await expect(page.getByTestId("notification-list")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("notification-list")).toHaveCount(0);

    await page.getByTestId("event-switcher").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitemradio", { name: /Manifest 2026/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("event-switcher")).toBeFocused();

    await page.getByTestId("user-menu").tap();
    await expect(page.getByTestId("sign-out")).toBeVisible();
  });
});
