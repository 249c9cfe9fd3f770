import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the real magic-link flow: ask for a link on /login, then read it from the
 * development mailbox the way a developer would, and follow it.
 */
export async function signIn(page: Page, email = "admin@eventops.dev") {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto("/dev/mailbox");
  const message = page.getByTestId("mailbox-message").filter({ hasText: `To ${email}` }).first();
  const link = message.getByRole("link", { name: /api\/auth\/callback/ });
  const href = await link.getAttribute("href");
  expect(href).toContain("/api/auth/callback/nodemailer");
  await page.goto(href!);
  await page.waitForURL(/\/dashboard/);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}
