import { chromium } from "playwright-core";
const base = process.env.BASE ?? "http://localhost:3161";
const pages = (process.env.PAGES ?? "/dashboard").split(",");
const widths = (process.env.WIDTHS ?? "1440,390").split(",").map(Number);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "America/Los_Angeles" });
const page = await context.newPage();
const email = process.env.EMAIL ?? "maya@eventops.dev";
await page.goto(`${base}/login`);
await page.getByLabel("Work email").fill(email);
await page.getByRole("button", { name: "Email me a sign-in link" }).click();
await page.getByRole("heading", { name: "Check your email" }).waitFor();
await page.goto(`${base}/dev/mailbox`);
const href = await page.getByTestId("mailbox-message").filter({ hasText: `To ${email}` }).first().getByRole("link", { name: /api\/auth\/callback/ }).getAttribute("href");
await page.goto(href);
await page.waitForURL(/\/dashboard/);
for (const p of pages) {
  for (const w of widths) {
    await page.setViewportSize({ width: w, height: w < 500 ? 844 : 900 });
    await page.goto(`${base}${p}`);
    await page.waitForLoadState("networkidle");
    const name = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, "_")}_${w}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
    console.log(name);
  }
}
await browser.close();
