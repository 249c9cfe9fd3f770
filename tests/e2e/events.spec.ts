import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test.describe.configure({ timeout: 150_000 });

test("an admin starts a new event from last year's target list and switches to it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByTestId("event-card").filter({ hasText: "Manifest 2026" })).toBeVisible();

  const name = `Manifest 2027 ${Date.now().toString(36)}`;
  await page.getByTestId("new-event").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Starts").fill("2027-02-08");
  await dialog.getByLabel("Ends").fill("2027-02-10");
  await dialog.getByLabel("City").fill("Las Vegas");
  await dialog.getByLabel("Time zone").fill("Mars/Olympus");
  const source = await dialog.locator("#event-copy option", { hasText: "Manifest 2026" }).getAttribute("value");
  await dialog.getByLabel("Start from").selectOption(source!);
  await expect(dialog.getByText(/Copies [\d,]+ accounts/)).toBeVisible();
  await dialog.getByRole("button", { name: "Create event" }).click();
  await expect(dialog.getByRole("alert")).toContainText("IANA time zone");
  await dialog.getByLabel("Time zone").fill("America/Los_Angeles");
  await screenshot(page, "events-new");
  await dialog.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText(`${name} created with`, { exact: false })).toBeVisible();
  const card = page.getByTestId("event-card").filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card.getByText("Meetings")).toBeVisible();
  await card.getByRole("button", { name: "Switch to this event" }).click();
  await expect(page.getByTestId("event-switcher")).toContainText(name);
  await screenshot(page, "events");
  // Leave the admin in the demo event for the other specs.
  await page.getByTestId("event-card").filter({ hasText: "Manifest 2026" }).getByRole("button", { name: "Switch to this event" }).click();
  await expect(page.getByTestId("event-switcher")).toContainText("Manifest 2026");
});

test("a rep sees events but cannot create them", async ({ page }) => {
  await signIn(page, "sam@eventops.dev");
  await page.goto("/dashboard/events");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByTestId("new-event")).toHaveCount(0);
});
