import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

test("the do-not-email list: anyone adds and finds an address, only an admin takes it off", async ({ page }) => {
  const email = `no-mail-${Date.now()}@example.com`;
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard/settings");
  const card = page.getByRole("heading", { name: "Do-not-email list" });
  await expect(card).toBeVisible();
  await page.locator("#suppress-email").fill(email);
  await page.getByLabel("Reason (optional)").fill("Asked at the booth");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} will not be emailed.` })).toBeVisible();
  const row = page.getByTestId("suppression-row").filter({ hasText: email });
  await expect(row).toContainText("Asked at the booth");
  await expect(row).toContainText("Added by hand");
  await expect(row.getByRole("button", { name: /Allow email/ })).toHaveCount(0); // reps cannot remove

  // Adding it twice is refused with a clear message.
  await page.locator("#suppress-email").fill(email);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already on the suppression list" })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/settings");
  await page.getByLabel("Search the do-not-email list").fill(email.slice(0, 18));
  await expect(page.getByTestId("suppression-row")).toHaveCount(1);
  await page.getByRole("heading", { name: "Do-not-email list" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, "settings-suppressions");
  // Long addresses are truncated, never pushing the page wider than a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/settings");
  await expect(page.getByTestId("suppression-row").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel("Search the do-not-email list").fill(email.slice(0, 18));
  await expect(page.getByTestId("suppression-row")).toHaveCount(1);
  await page.getByRole("button", { name: `Allow email to ${email} again` }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Allow email again" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} can be emailed again.` })).toBeVisible();
  await expect(page.getByTestId("suppression-row").filter({ hasText: email })).toHaveCount(0);
});
