import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

test("the dashboard shows the event's numbers as cards, charts and the activity feed", async ({ page }) => {
  test.setTimeout(150_000); // several pages on a shared, busy machine
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /Welcome back, Maya/ })).toBeVisible();
  // The charts are server-rendered bars: one per stage/rate/tier/status, with its number.
  for (const [chart, bars] of [["chart-funnel", 5], ["chart-rates", 3], ["chart-tier", 4], ["chart-status", 5]] as const) {
    await expect(page.getByTestId(chart).getByTestId("chart-bar")).toHaveCount(bars);
  }
  const won = await page.getByTestId("stat-Won accounts").innerText();
  await expect(page.getByTestId("chart-funnel").getByTestId("chart-bar").last()).toContainText(won);
  await expect(page.getByTestId("chart-funnel").getByTestId("chart-bar").first()).toContainText("Target accounts");
  const sent = await page.getByTestId("stat-Emails sent").innerText();
  expect(Number(sent.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("activity-feed").getByTestId("activity-item").first()).toBeVisible();
  await expect(page.getByTestId("my-meetings")).toBeVisible();
  await expect(page.getByTestId("my-tasks")).toBeVisible();
  await screenshot(page, "insights-dashboard");

  // The feed's page filters the audit log.
  await page.getByRole("link", { name: "View all" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  // A filter applies as soon as it is chosen (one list screen: the URL is the filter's state).
  await page.getByLabel("Type").selectOption("meeting.");
  await expect(page).toHaveURL(/type=meeting\./);
  // The URL changes before the filtered list has rendered: wait for the list itself.
  await expect
    .poll(async () => {
      const types = await page.getByTestId("activity-item").locator("span.font-mono").allInnerTexts();
      return types.length > 0 && types.every((t) => t.toLowerCase().startsWith("meeting."));
    })
    .toBe(true);
  await expect(page.getByTestId("team-online")).toContainText("Maya");

  // The analytics heatmaps and the best times to send.
  await page.goto("/dashboard/analytics");
  await expect(page.getByTestId("best-times").locator("li")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Engagement by weekday and hour" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Engagement by account and week" })).toBeVisible();
  await screenshot(page, "insights-analytics");

  // On a phone nothing spills sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/dashboard", "/dashboard/analytics", "/dashboard/activity"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    if (url === "/dashboard") {
      await expect(page.getByTestId("chart-funnel").getByTestId("chart-bar").first()).toBeVisible();
      await screenshot(page, "insights-dashboard-phone");
    }
  }
  expect(consoleErrors).toEqual([]);
});

test("a rep builds, previews, saves and re-runs a report as a PDF", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jordan@eventops.dev");
  await page.goto("/dashboard/reports");
  await page.getByRole("link", { name: "New report" }).first().click();
  await expect(page.getByTestId("report-preview")).toBeVisible();
  await page.getByLabel("Name (for saving)").fill("Tier A pipeline");
  await page.getByRole("checkbox", { name: "Tier A", exact: true }).check();
  await page.getByRole("checkbox", { name: "By rep", exact: true }).uncheck();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.frameLocator("[data-testid=report-preview]").getByText("Filters: Tier A")).toBeVisible();
  await page.getByRole("button", { name: "Save report" }).click();
  await expect(page.getByText('Saved "Tier A pipeline".')).toBeVisible();
  await expect(page).toHaveURL(/builder\?id=/);
  await screenshot(page, "insights-report-builder");

  await page.goto("/dashboard/reports");
  await expect(page.getByTestId("report-list")).toContainText("Tier A pipeline");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download Tier A pipeline as PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe("%PDF-");
});

test("an admin downloads a CSV export from settings; a rep does not see it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/settings");
  await expect(page.getByTestId("export-card")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByTestId("export-people").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-people-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(50);
  expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["accountName", "isExecOps", "isOps", "isProc", "isSales", "isTech", "isNonOps", "icpScore"]));
  await screenshot(page, "insights-settings-export");

  await page.context().clearCookies();
  await signIn(page, "sam@eventops.dev");
  await page.goto("/dashboard/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("export-card")).toHaveCount(0);
  const res = await page.request.get("/api/export/full?format=csv&entity=people");
  expect(res.status()).toBe(403);
});

test("the cached dashboard numbers change as soon as a rep changes something", async ({ page }) => {
  // The aggregates live in Next's data cache (src/server/cache/event-metrics.ts), keyed by the
  // event's data version: a write moves it, so the rep's next page load already counts their change.
  await signIn(page, "jordan@eventops.dev");
  const wonCard = page.getByTestId("stat-Won accounts");
  const readWon = async () => Number((await wonCard.innerText()).replace(/,/g, ""));
  await page.goto("/dashboard");
  const before = await readWon();
  await page.reload(); // a second load is served from the cache
  expect(await readWon()).toBe(before);

  const list = await (await page.request.get("/api/accounts?status=PROSPECTING&pageSize=1")).json();
  const account = list.data.items[0] as { id: string };
  const changed = await page.request.post("/api/accounts/bulk", { data: { action: "setStatus", ids: [account.id], status: "WON" } });
  expect(changed.status()).toBe(200);
  await page.reload();
  expect(await readWon()).toBe(before + 1);

  const undone = await page.request.post("/api/accounts/bulk", { data: { action: "setStatus", ids: [account.id], status: "PROSPECTING" } });
  expect(undone.status()).toBe(200);
  await page.reload();
  expect(await readWon()).toBe(before);
});
