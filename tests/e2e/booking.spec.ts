import { expect, test } from "@playwright/test";
import { screenshot } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 90_000 });

test("a prospect books a booth slot on the public page, signed out, and can move it", async ({ page }) => {
  await page.goto("/book/manifest-2026");
  await expect(page.getByRole("heading", { level: 1, name: "Book a meeting at our booth" })).toBeVisible();
  const slot = page.getByTestId("slot").first();
  await expect(slot).toBeVisible();
  await slot.click();
  await page.getByLabel("Your name").fill("Jamie Rivera");
  await page.getByLabel("Company").fill("Lakeside Cold Storage");
  await page.getByLabel("Work email").fill(`jamie-${Date.now().toString(36)}@lakeside.test`);
  await screenshot(page, "booking-page-phone");
  // A person takes a few seconds to fill the form; the server refuses faster submissions.
  await page.waitForTimeout(3_200);
  await page.getByRole("button", { name: "Book this time" }).click();
  const confirmed = page.getByTestId("booking-confirmed");
  await expect(confirmed).toContainText("You're booked");
  await expect(confirmed).toContainText("The calendar invite is on its way");
  await expect(confirmed.getByRole("link", { name: "Add to calendar (.ics)" })).toHaveAttribute("href", /\/api\/booking\/manage\/.+\/ics$/);
  await screenshot(page, "booking-confirmed-phone");

  const ics = await page.request.get((await confirmed.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href"))!);
  expect(await ics.text()).toContain("METHOD:REQUEST");

  await confirmed.getByRole("link", { name: "Reschedule or cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your meeting, Jamie Rivera" })).toBeVisible();
  await page.getByTestId("slot").nth(1).click();
  await page.getByRole("button", { name: "Move my meeting" }).click();
  await expect(page.getByTestId("booking-confirmed")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
