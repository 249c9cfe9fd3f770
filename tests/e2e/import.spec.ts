import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

function csvFile() {
  const run = Date.now().toString(36);
  const lines = [
    "Company name;Website URL;Industry;Number of Employees;Annual Revenue;City;State/Region;First Name;Last Name;Email;Job Title",
    `Tidewater Foods ${run};tidewater-${run}.example;Food & Beverage;"1,200";$5M;Norfolk;VA;Dana;Reyes;dana@tidewater-${run}.example;VP Logistics`,
    `Tidewater Foods ${run};tidewater-${run}.example;Food & Beverage;"1,200";$5M;Norfolk;VA;Omar;Hill;omar@tidewater-${run}.example;"Yard Manager,\nNight shift"`,
    `Granite Freight ${run};granite-${run}.example;Trucking;lots;;Denver;CO;Ana;Park;ana@granite-${run}.example;COO`,
    `Pioneer Retail ${run};pioneer-${run}.example;Retail;n/a;$1.2B;Columbus;OH;;;;`,
    `Pioneer Retail ${run};pioneer-${run}.example;Retail;n/a;$1.2B;Columbus;OH;;;;`,
  ];
  return { run, buffer: Buffer.from(`\uFEFF${lines.join("\n")}\n`, "utf8") };
}

test("a rep imports a CSV, sees the report and undoes the import", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard/accounts/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import accounts" })).toBeVisible();
  await screenshot(page, "import-upload");

  const { run, buffer } = csvFile();
  await page.getByLabel("CSV file").setInputFiles({ name: `manifest-leads-${run}.csv`, mimeType: "text/csv", buffer });

  // Mapping detected from HubSpot-style headers, semicolons and the BOM notwithstanding.
  await expect(page.getByLabel("Import Company name as")).toHaveValue("accountName");
  await expect(page.getByLabel("Import Number of Employees as")).toHaveValue("employeeCount");
  await expect(page.getByLabel("Import Job Title as")).toHaveValue("title");
  const counts = page.getByTestId("preview-counts");
  await expect(counts).toContainText("To import3");
  await expect(counts).toContainText("With problems1");
  await expect(counts).toContainText("Duplicates1");
  await expect(page.getByText('Employees: "lots" is not a number').first()).toBeVisible();
  await screenshot(page, "import-preview");

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Import finished");
  await expect(report).toContainText("Rows created3");
  await expect(report).toContainText("Rows skipped2");
  await expect(report).toContainText("Companies: 2 created");
  await expect(report).toContainText("People: 2 created");
  await expect(report.getByRole("table", { name: "Skipped rows" })).toContainText("Duplicate of row 5");
  await screenshot(page, "import-report");
  await expect(page.getByTestId("import-history")).toContainText(`manifest-leads-${run}.csv`);

  await report.getByRole("button", { name: "Undo this import" }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Undo import" }).click();
  await expect(report.getByRole("status")).toContainText("removed 2 accounts and 2 people");
  await expect(page.getByTestId("import-history").getByText("Undone").first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("the import and research pages work on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "jordan@eventops.dev");
  await page.goto("/dashboard/accounts/import");
  const { buffer, run } = csvFile();
  await page.getByLabel("CSV file").setInputFiles({ name: `phone-${run}.csv`, mimeType: "text/csv", buffer });
  await expect(page.getByRole("button", { name: "Import 3 rows" })).toBeVisible();
  await screenshot(page, "import-preview-phone");

  await page.goto("/dashboard/research");
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Accounts to research" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Research all/ })).toBeVisible();
  await screenshot(page, "research-queue-phone");
});

test("the research queue lists accounts, best tier first", async ({ page }) => {
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/research");
  const table = page.getByRole("table", { name: "Accounts to research" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText(/Tier [A-D]/);
  const tiers = (await table.getByText(/^Tier [A-D]$/).allTextContents()).map((t) => t.slice(-1));
  expect(tiers.length).toBeGreaterThan(1);
  expect(tiers).toEqual([...tiers].sort());
  await page.getByLabel("Dossier older than").selectOption("7");
  await expect(page).toHaveURL(/staleDays=7/);
  await screenshot(page, "research-queue");
});

test("a rep researches an imported account from the queue and reads its dossier", async ({ page }) => {
  await signIn(page, "sam@eventops.dev");
  await page.goto("/dashboard/accounts/import");
  const run = Date.now().toString(36);
  // No website: research uses only the account's own data, so the test makes no outbound call.
  const csv = `Company name,Industry,Facilities,First Name,Last Name,Email,Job Title\nZephyr Cold ${run},Food & Beverage,6,Lena,Moss,lena@zephyr-${run}.example,VP Supply Chain\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "zephyr.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Rows created1");

  await page.goto("/dashboard/research");
  await page.getByLabel("Find an account").fill(`Zephyr Cold ${run}`);
  await page.getByLabel("Find an account").press("Enter");
  await expect(page).toHaveURL(/q=Zephyr/);
  await page.getByLabel(`Select Zephyr Cold ${run}`).check();
  await page.getByRole("button", { name: "Research selected (1)" }).click();
  // Research runs as a background job; its panel lists what was researched when it is done.
  await expect(page.getByTestId("job-research")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 45_000 });
  const results = page.getByTestId("research-results");
  await expect(results).toContainText(`Zephyr Cold ${run}`);
  await expect(results).toContainText("built-in researcher");
  await results.getByRole("button", { name: `Show the dossier for Zephyr Cold ${run}` }).click();
  const dossier = page.getByTestId("dossier");
  await expect(dossier).toContainText("Likely pain points");
  await expect(dossier).toContainText("Reefer trailers");
  await expect(dossier).toContainText("Lena Moss");
  await expect(dossier).toContainText("as a lever across 6 sites for Lena");
  await dossier.scrollIntoViewIfNeeded();
  await screenshot(page, "research-dossier");
  // Researched now, so it leaves the queue.
  await page.reload();
  await expect(page.getByText(/No account matching/)).toBeVisible();
});
