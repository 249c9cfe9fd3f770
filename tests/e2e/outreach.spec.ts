import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("a rep generates a draft for a person, edits it, sends it and finds it in the outbox and the history", async ({ page }) => {
  // A long flow (two sign-ins, compose, send, outbox, unsubscribe) on a shared, busy CI machine.
  test.setTimeout(180_000);
  // The admin opens the sending window around the clock so the test does not depend on the
  // time of day it runs (outside business hours the message would be queued, not sent).
  await signIn(page, "admin@eventops.dev");
  const setWindow = await page.request.put("/api/outreach/settings", { data: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } });
  expect(setWindow.ok()).toBe(true);
  await page.context().clearCookies();

  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard/outreach");
  await expect(page.getByRole("heading", { level: 1, name: "Outreach" })).toBeVisible();
  await expect(page.getByTestId("outreach-stats")).toBeVisible();
  await screenshot(page, "outreach-list");

  // Compose: pick a person who may be emailed, generate, edit, send.
  await page.getByTestId("compose-open").click();
  const results = page.getByTestId("recipient-results");
  await expect(results).toBeVisible();
  const candidate = results.getByRole("button").filter({ hasNotText: "suppressed" }).filter({ hasNotText: "no email" }).first();
  const personName = (await candidate.locator("span").first().textContent())!.trim();
  await candidate.click();
  await expect(page.getByRole("heading", { name: `Message to ${personName}` })).toBeVisible();
  await page.getByTestId("compose-generate").click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(new RegExp(`Hi ${personName.split(" ")[0]}`));
  await expect(page.getByRole("textbox", { name: "Subject", exact: true })).not.toHaveValue("");
  await screenshot(page, "outreach-compose");

  const subject = `Booth time at Manifest? (e2e ${Date.now()})`;
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill(subject);
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.fill(`${await message.inputValue()}\n\nP.S. Our demo: https://vendor.example/yard-demo`);
  const sendResponse = page.waitForResponse((r) => r.url().endsWith("/send") && r.request().method() === "POST", { timeout: 60_000 });
  const started = Date.now();
  await page.getByTestId("compose-send").click();
  const response = await sendResponse;
  console.log(`send request answered ${response.status()} in ${Date.now() - started} ms`);
  await expect(page.getByTestId("compose-outcome")).toContainText("Sent to the development outbox", { timeout: 45_000 });

  // The message detail: sent, with its history.
  await page.getByRole("link", { name: "Open message" }).click();
  await expect(page.getByTestId("outreach-subject")).toHaveText(subject);
  await expect(page.getByTestId("outreach-status")).toHaveText("Sent");
  await expect(page.getByTestId("tracking-history")).toContainText("Sent");
  await expect(page.getByTestId("outreach-message")).toContainText("P.S. Our demo");
  await screenshot(page, "outreach-detail");

  // On the person's page, in their outreach history.
  await page.getByTestId("outreach-person").click();
  await expect(page.getByTestId("outreach-history")).toContainText(subject);

  // In the rep's outreach list (the person's history of messages).
  await page.goto(`/dashboard/outreach?q=${encodeURIComponent(personName)}`);
  await expect(page.getByTestId("outreach-list")).toContainText(subject);

  // In the development outbox, with the unsubscribe link and a tracked link.
  await page.goto("/dev/mailbox");
  const mail = page.getByTestId("mailbox-message").filter({ hasText: subject }).first();
  await expect(mail).toBeVisible();
  await expect(mail).toContainText("/unsubscribe/");
  await expect(mail).toContainText("/api/t/c/");

  // Following the unsubscribe link asks first, then confirms.
  const unsubscribe = await mail.getByRole("link", { name: /\/unsubscribe\// }).first().getAttribute("href");
  await page.goto(unsubscribe!);
  await expect(page.getByRole("heading", { name: "Unsubscribe?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("unsubscribe-done")).toBeVisible();

  // Restore the default window for other tests.
  await page.context().clearCookies();
  await signIn(page, "admin@eventops.dev");
  expect((await page.request.put("/api/outreach/settings", { data: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 } })).ok()).toBe(true);
});

test("templates preview against a real person and warn about empty fields", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jordan@eventops.dev");
  await page.goto("/dashboard/outreach/templates");
  await expect(page.getByTestId("template-list")).toBeVisible();
  await page.getByRole("button", { name: "New", exact: true }).click();
  await page.getByLabel("Name").fill("E2E template");
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill("Hello {{person.firstName}}");
  await page.getByLabel("Body").fill("Hi {{person.firstName}}, booth {{event.boothNumber}} at {{event.name}}. {{person.shoeSize}}");
  await expect(page.getByTestId("template-preview")).toContainText("Manifest 2026");
  await expect(page.getByTestId("preview-warnings")).toContainText("person.shoeSize");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByTestId("template-list")).toContainText("E2E template");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "outreach-templates-phone");

  // Drafts for a selection: two people at once, written in the background, saved as drafts to review.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/dashboard/outreach");
  await page.getByTestId("bulk-generate-open").click();
  const boxes = page.getByRole("dialog").getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "Generate 2 drafts" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const job = page.getByTestId("job-drafts");
  await expect(job).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 45_000 });
  await expect(job.getByTestId("job-status-line")).toContainText("2 drafts ready to review");
  await expect(page.getByTestId("bulk-results").getByRole("link")).toHaveCount(2);
});
