import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

/**
 * Long work runs in the job engine, beside the web server (the e2e server starts a worker as
 * `npm run start` does), and the page that started it follows it live — across a reload.
 */
test("drafts for 50 people run in the background: a reload mid-way finds the progress going on, and ends with 50 drafts", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jordan@eventops.dev");
  await page.goto("/dashboard/people?hasEmail=true&pageSize=50");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await expect(page.getByTestId("bulk-bar")).toContainText("50 selected");
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Generate drafts" }).click();
  await expect(page.getByRole("dialog")).toContainText("50 people selected");
  await page.getByRole("dialog").getByRole("button", { name: "Generate 50 drafts" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Under way: some done, not all (each AI draft takes the fake model 400 ms, four at a time).
  const job = page.getByTestId("job-drafts");
  const status = job.getByTestId("job-status-line");
  await expect(status).toContainText(/[1-9]\d* of 50 done/, { timeout: 30_000 });
  const before = Number(/(\d+) of 50 done/.exec((await status.textContent()) ?? "")?.[1]);
  expect(before).toBeLessThan(50);
  await screenshot(page, "jobs-drafts-progress");

  // A reload does not lose it: the page finds the job again and it keeps going.
  await page.reload();
  await expect(job).toBeVisible();
  await expect(job).toHaveAttribute("data-status", /RUNNING|SUCCEEDED/);
  await expect(job).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(status).toContainText("50 drafts ready to review");
  await expect(page.getByTestId("bulk-results").getByRole("link")).toHaveCount(50);

  // They are real drafts, written by the model, waiting in the rep's outreach list.
  await page.getByTestId("bulk-results").getByRole("link").first().click();
  await expect(page.getByTestId("outreach-status")).toHaveText("Draft");
  await expect(page.getByTestId("outreach-message")).toContainText("Would you have 20 minutes at our booth");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/outreach");
  await expect(page.getByTestId("job-drafts")).toHaveAttribute("data-status", "SUCCEEDED");
  await screenshot(page, "jobs-drafts-done-phone");
});

test("an admin sees the job engine in Settings, with its worker, and runs the periodic work now", async ({ page }) => {
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/settings");
  const engine = page.getByTestId("job-engine");
  await expect(engine.getByTestId("engine-state")).toContainText("Running");
  await expect(engine.getByTestId("engine-state")).toContainText("beside the web server");
  await engine.getByTestId("engine-run-now").click();
  await expect(engine.getByRole("status")).toContainText("Queued");
  await expect(engine.getByTestId("engine-runs")).toContainText("Meeting reminders", { timeout: 20_000 });
  await expect(engine.getByTestId("engine-runs")).toContainText("Queued mail");
  await engine.scrollIntoViewIfNeeded();
  await screenshot(page, "settings-job-engine");
  await page.setViewportSize({ width: 390, height: 844 });
  await engine.scrollIntoViewIfNeeded();
  await screenshot(page, "settings-job-engine-phone");
  await expectNoHorizontalScroll(page);
});
