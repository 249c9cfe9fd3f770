import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe.configure({ timeout: 150_000 });

test("at the booth on a phone: capture a walk-up and complete a meeting", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  // Chrome reports a refused eval as a securitypolicyviolation, not a console error: zod's probe
  // for `new Function` did that when the capture form first validated (docs/PERFORMANCE.md round 8).
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
  });
  await signIn(page, "maya@eventops.dev");

  // A meeting of Maya's on the show's first day, early, so it is first on her agenda.
  const ctx = await (await page.request.get("/api/meetings/context")).json();
  const day: string = ctx.data.event.startDate;
  const people = await (await page.request.get("/api/meetings/attendees?q=a")).json();
  const person = people.data[0] as { id: string; name: string };
  const booked = await page.request.post("/api/meetings", {
    data: { personId: person.id, scheduledAt: `${day}T07:30`, durationMinutes: 30, sendInvite: false, allowConflicts: true, agenda: "Breakfast walkthrough" },
  });
  expect(booked.status()).toBe(201);

  await page.goto("/dashboard/booth");
  await expect(page.getByRole("heading", { level: 1, name: "Booth" })).toBeVisible();
  // The demo show is ahead of "today": the page says so and shows its first day.
  await expect(page.getByTestId("not-event-day")).toBeVisible();
  const card = page.getByTestId("booth-meeting").filter({ hasText: person.name }).filter({ hasText: "Breakfast walkthrough" });
  await expect(card).toBeVisible();
  await screenshot(page, "booth-phone");

  // Walk-up capture: name field has focus straight away.
  const stamp = Date.now().toString(36);
  await page.getByTestId("capture-lead").click();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill("Robin Vega");
  await page.getByLabel("Company").fill(`Dockside Freight ${stamp}`);
  await page.getByLabel("Email").fill(`robin@dockside-${stamp}.test`);
  await page.getByLabel("Note").fill("Runs 30 docks in Reno; wants a yard walk");
  await page.getByRole("button", { name: "Hot" }).click();
  await screenshot(page, "booth-capture-phone");
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByTestId("capture-result")).toContainText(`Added Robin Vega at Dockside Freight ${stamp} — a new account.`);
  await expect(page.getByRole("list").filter({ hasText: "Robin Vega" }).first()).toBeVisible();

  // The same visitor again (same email): matched, not duplicated.
  await page.getByTestId("capture-lead").click();
  await page.getByLabel("Name").fill("Robin Vega");
  await page.getByLabel("Email").fill(`robin@dockside-${stamp}.test`);
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByTestId("capture-result")).toContainText("Updated Robin Vega (already in the list)");

  // Check in, then complete with an outcome and the account's next status. On the booth phone the
  // visitor standing there is the confirmation the meetings list asks for before a meeting's day.
  await card.getByRole("button", { name: "Check in" }).click();
  await expect(card.getByText("Here")).toBeVisible();
  await card.getByRole("button", { name: "Complete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Outcome")).toBeFocused();
  await dialog.getByLabel("Outcome").fill("Wants a pilot at two DCs");
  await dialog.getByLabel("Next step").fill("Send pilot proposal Friday");
  const hasAccount = await dialog.getByText("Engaged", { exact: true }).count();
  if (hasAccount) await dialog.getByText("Engaged", { exact: true }).click();
  await dialog.getByRole("button", { name: "Save outcome" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("booth-done").filter({ hasText: person.name }).filter({ hasText: "Completed" }).first()).toBeVisible();
  await screenshot(page, "booth-done-phone");

  // Nothing on the page is wider than the phone.
  await expectNoHorizontalScroll(page);

  // The booth's own frame (a Pages Router page, docs/ARCHITECTURE.md): its menu opens and leads to
  // the rest of the app, and the app's menu leads back to the booth (a full page load each way).
  const menuButton = page.locator('summary[aria-label="Open navigation"]');
  const menu = page.getByRole("navigation", { name: "Main" });
  await menuButton.click();
  await screenshot(page, "booth-menu-phone");
  // Escape closes it, and so does a tap outside it (here, on the event's name in the header).
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await menuButton.click();
  await expect(menu).toBeVisible();
  await page.locator("header span").last().click();
  await expect(menu).toBeHidden();
  await menuButton.click();
  await menu.getByRole("link", { name: "Meetings" }).click();
  await expect(page).toHaveURL(/\/dashboard\/meetings$/);
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog", { name: "Navigation" }).getByRole("link", { name: "Booth" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booth" })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/booth$/);
  expect(consoleErrors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
