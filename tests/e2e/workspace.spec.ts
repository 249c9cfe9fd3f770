import { expect, test, type Page } from "@playwright/test";
import { apiData, expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

// Each test signs in and walks several pages; on a shared, busy machine that can pass a minute.
test.describe.configure({ timeout: 120_000 });

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `${name}-390`);
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("global search: Ctrl-K, a typo finds the account once similar names are asked for, arrows and Enter open it; recent items next time; a button on phones", async ({ page }) => {
  await signIn(page, "maya@eventops.dev");
  const accounts = await apiData<{ items: { name: string; id: string }[] }>(page.request.get("/api/accounts?pageSize=1&sort=icpScore&dir=desc"));
  const { name, id } = accounts.items[0];
  const typo = name.slice(0, 3) + name.slice(4, 9); // one letter dropped
  await page.goto("/dashboard");
  await page.keyboard.press("Control+k");
  await page.getByTestId("search-input").fill(typo);
  // Exact matches first; similar names (the costly typo search) on request.
  await expect(page.getByText(`No exact matches for “${typo.trim()}”.`)).toBeVisible();
  await page.getByTestId("search-similar").click();
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await expect(page.getByRole("group", { name: "Accounts" }).getByTestId("search-hit").filter({ hasText: name })).toBeVisible();
  await screenshot(page, "search-1280");
  const accountHits = page.getByRole("group", { name: "Accounts" }).getByTestId("search-hit");
  const position = await accountHits.evaluateAll((els, n) => els.findIndex((e) => e.textContent?.includes(n)), name);
  for (let i = 0; i < position; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/dashboard/accounts/${id}`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("search-open").click();
  await expect(page.getByRole("group", { name: "Recent" }).getByTestId("search-hit").filter({ hasText: name })).toBeVisible();
  await page.getByTestId("search-input").fill("zzqx");
  await expect(page.getByText("No exact matches for “zzqx”.")).toBeVisible();
  await page.getByTestId("search-input").press("Enter");
  await expect(page.getByText("Nothing matches “zzqx”, not even a similar name.", { exact: false })).toBeVisible();
  await page.getByTestId("search-input").fill(typo);
  await page.getByTestId("search-similar").click();
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await screenshot(page, "search-390");
  await page.setViewportSize({ width: 1280, height: 720 });
});

test("notifications: a reply to Maya's email shows on her bell within seconds and opens the message; preferences in My settings", async ({ page, browser }) => {
  await signIn(page, "maya@eventops.dev");
  const { user: me } = await apiData<{ user: { id: string } }>(page.request.get("/api/me"));
  // A sent message nobody has answered yet: earlier specs (outreach, replies) leave answered ones on top.
  const { items } = await apiData<{ items: { id: string; repliedAt: string | null; person: { name: string } }[] }>(
    page.request.get(`/api/outreach?ownerId=${me.id}&status=SENT&pageSize=50`),
  );
  const message = items.find((m) => m.repliedAt === null)!;
  expect(message).toBeDefined();
  await page.goto("/dashboard");
  // The bell's menu code loads on the first press: wait for the menu before closing it.
  await page.getByTestId("notification-bell").click();
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-expanded", "false");

  // A teammate records the prospect's reply (as the inbound mail would).
  const admin = await browser.newPage();
  await signIn(admin, "admin@eventops.dev");
  const replied = await admin.request.post(`/api/outreach/${message.id}/reply`, { data: { note: "Sounds good, see you at the booth" } });
  expect(replied.ok()).toBe(true);
  await admin.close();
  // Headless Chromium backgrounds a page while another is open; the bell polls only a visible page.
  await page.bringToFront();

  // Live: the open page polls; no reload.
  await expect(page.getByTestId("notification-count")).toBeVisible({ timeout: 20_000 });
  await page.getByTestId("notification-bell").click();
  // Earlier specs leave other replies on Maya's bell: this one names the person who answered.
  const item = page.getByTestId("notification-item").filter({ hasText: "replied" }).filter({ hasText: message.person.name }).first();
  await expect(item).toBeVisible();
  await screenshot(page, "notifications-1280");
  await item.click();
  await page.waitForURL(`**/dashboard/outreach/${message.id}`);

  await page.goto("/dashboard/settings/me");
  await page.getByLabel("Once a day").check();
  await page.getByLabel("Daily send cap (emails per 24 hours)").fill("0");
  await page.getByTestId("my-settings-save").click();
  await expect(page.getByText("At least 1 a day")).toBeVisible();
  await page.getByLabel("Daily send cap (emails per 24 hours)").fill("150");
  await page.getByLabel("Signature (added under every email you send)").fill("Maya Chen\nAccount Executive");
  await page.getByTestId("my-settings-save").click();
  await expect(page.getByTestId("my-settings-message")).toHaveText("Saved.");
  await screenshot(page, "my-settings-1280");
  await phone(page, "my-settings");
  await page.getByTestId("notification-bell").click();
  await screenshot(page, "notifications-390");
});

test("was the show worth it: admin adds a cost, the report and the dashboard compare with Manifest 2025; an opportunity on the account page", async ({ page }) => {
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/reports/show");
  await expect(page.getByRole("heading", { name: "Was the show worth it?" })).toBeVisible();
  const before = await page.getByTestId("pnl-cost").textContent();
  await page.getByLabel("Category").selectOption("OTHER");
  await page.getByLabel("Amount (USD)").fill("abc");
  await page.getByRole("button", { name: "Add cost" }).click();
  await expect(page.getByText("Enter an amount in whole dollars")).toBeVisible();
  await page.getByLabel("Amount (USD)").fill("1,000");
  await page.getByLabel("Note (optional)").fill("Late-night shipping");
  await page.getByRole("button", { name: "Add cost" }).click();
  await expect(page.getByTestId("event-costs")).toContainText("Late-night shipping");
  await expect(page.getByTestId("pnl-cost")).not.toHaveText(before ?? "");
  await expect(page.getByTestId("pnl-roi").locator("..")).toContainText("Manifest 2025");
  await expect(page.getByTestId("pnl-by-rep")).toContainText("Maya");
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "show-pnl-1280");
  await phone(page, "show-pnl");

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-show-pnl")).toContainText("Manifest 2025");

  const account = (await apiData<{ items: { id: string }[] }>(page.request.get("/api/accounts?pageSize=1&status=PROSPECTING"))).items[0];
  await page.goto(`/dashboard/accounts/${account.id}`);
  const card = page.getByTestId("opportunity-card");
  await card.getByRole("button", { name: /Amount/ }).click();
  await card.getByRole("textbox").fill("75000");
  await card.getByRole("textbox").press("Enter");
  await expect(card).toContainText("$75K");
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "opportunity-1280");
});

test("our product: an admin changes the pitch and the next draft uses it", async ({ page }) => {
  await signIn(page, "admin@eventops.dev");
  await page.goto("/dashboard/settings/product");
  await expect(page.getByLabel("Product name")).toHaveValue("YardPilot");
  await screenshot(page, "product-profile-1280");
  await phone(page, "product-profile");
  const pitch = "YardPilot shows every trailer in the yard live, from gate to dock.";
  await page.getByLabel("One-line pitch").fill(pitch);
  await page.getByTestId("product-save").click();
  await expect(page.getByTestId("product-message")).toContainText("Saved.");

  const person = (await apiData<{ items: { id: string }[] }>(page.request.get("/api/people?pageSize=1"))).items[0];
  await page.goto(`/dashboard/people/${person.id}`);
  await page.getByTestId("compose-open").first().click();
  await page.getByTestId("compose-generate").click();
  await expect(page.locator("#compose-message")).toHaveValue(new RegExp(pitch.replace(/\./g, "\\.")));
  // The e2e server's model (a loopback fake) writes from the seller profile it is given.
  await expect(page.getByTestId("compose-how")).toContainText("Written by the AI model");
  await screenshot(page, "composer-template-draft-1280");

  // Put the shipped profile back for the other specs.
  await page.goto("/dashboard/settings/product");
  await page.getByRole("button", { name: "Use the default profile" }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Use the default profile" }).click();
  await expect(page.getByTestId("product-message")).toContainText("Back to the default");
});
