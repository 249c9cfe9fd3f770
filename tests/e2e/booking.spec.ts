import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot } from "./helpers";

test.describe.configure({ timeout: 90_000 });

/** The scripts the page asks for: the booking page must load public/booking.js and nothing of the framework's. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test.describe("on a phone at the show", () => {
  // In the show's own zone: times say it once, with no "your time" beside them.
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "America/Los_Angeles" });

  test("a prospect books a booth slot on the public page, signed out, and can move it", async ({ page }) => {
    const scripts = recordScripts(page);
    await page.goto("/book/manifest-2026");
    await expect(page.getByRole("heading", { level: 1, name: "Book a meeting at our booth" })).toBeVisible();
    await page.getByLabel("Your name").fill("Jamie Rivera");
    await page.getByLabel("Company").fill("Lakeside Cold Storage");
    await page.getByLabel("Work email").fill(`jamie-${Date.now().toString(36)}@lakeside.test`);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByRole("alert")).toHaveText("Pick one of the free times first.");
    await screenshot(page, "booking-error-phone");
    const slot = page.getByTestId("slot").first();
    await expect(slot).toBeVisible();
    await slot.click();
    await expect(slot.getByRole("radio")).toBeChecked();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByText(/^Booking \w{3}, \w{3} \d{1,2}, \d{1,2}:\d\d [AP]M P[SD]T\.$/)).toBeVisible();
    await expect(slot).toHaveText(/^\d{1,2}:\d\d [AP]M P[SD]T$/);
    await screenshot(page, "booking-page-phone");
    // The booking page runs no framework JavaScript: one small script of our own.
    expect(scripts).toEqual(["/booking.js"]);
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
    await expectNoHorizontalScroll(page);
  });
});

test.describe("on a laptop in another time zone", () => {
  test.use({ viewport: { width: 1280, height: 900 }, timezoneId: "America/Denver" });

  test("a prospect books with the keyboard alone; each time also says the visitor's own time", async ({ page }) => {
    const scripts = recordScripts(page);
    await page.goto("/book/manifest-2026");
    await expect(page.getByRole("heading", { level: 1, name: "Book a meeting at our booth" })).toBeVisible();
    expect(scripts).toEqual(["/booking.js"]);
    await expect(page.getByText("Times in the show's time zone (America/Los Angeles); yours, America/Denver, is under each time.")).toBeVisible();
    // "9:00 AM PST" over "10:00 AM MST" (and " your time" for screen readers).
    await expect(page.getByTestId("slot").first()).toHaveText(/^(\d{1,2}):\d\d [AP]M P[SD]T\d{1,2}:\d\d [AP]M M[SD]T your time$/);
    await expect(page.getByRole("radio").first()).toHaveAccessibleName(/^\d{1,2}:\d\d [AP]M P[SD]T ?\d{1,2}:\d\d [AP]M M[SD]T your time$/);

    // Sending without a time says so once, next to the button.
    await page.getByLabel("Your name").fill("Robin Keys");
    await page.getByLabel("Company").fill("Keyboard Freight");
    await page.getByLabel("Work email").fill(`robin-${Date.now().toString(36)}@keyboard.test`);
    await page.getByLabel("Work email").press("Enter");
    await expect(page.getByRole("alert")).toHaveText("Pick one of the free times first.");
    await expect(page.getByRole("alert")).toHaveCount(1);
    await page.getByRole("button", { name: "Book this time" }).scrollIntoViewIfNeeded();
    await screenshot(page, "booking-error-desktop");

    // Tab into the times (past the day links), Space picks the first, an arrow key the next
    // (real radio inputs), Tab on to the form, Enter sends it.
    await page.getByRole("heading", { level: 1 }).click();
    for (let presses = 0; presses < 20 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "radio")); presses++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Space");
    await expect(page.getByRole("radio").first()).toBeChecked();
    await page.keyboard.press("ArrowRight");
    const second = page.getByRole("radio").nth(1);
    await expect(second).toBeChecked();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByText(/^Booking .+ P[SD]T \(.+ M[SD]T your time\)\.$/)).toBeVisible();
    await screenshot(page, "booking-picked-desktop");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Your name")).toBeFocused();
    await page.waitForTimeout(3_200);
    await page.keyboard.press("Enter");
    const confirmed = page.getByTestId("booking-confirmed");
    await expect(confirmed).toContainText("You're booked");
    await expect(confirmed).toContainText("your time");
    await screenshot(page, "booking-confirmed-desktop");
  });
});
