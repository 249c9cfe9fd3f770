import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

/** POST from inside the page, as the app's own client does (same origin, session cookie). */
async function post(page: Page, url: string, body: unknown) {
  return page.evaluate(async ([u, b]) => {
    const res = await fetch(u as string, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) });
    return { status: res.status, json: await res.json() };
  }, [url, body] as const);
}

test("an admin sets the footer and retention, reads a person's data report and erases them for good", async ({ page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, "admin@eventops.dev");

  await page.goto("/dashboard/settings/privacy");
  await page.getByLabel("Organisation name").fill("Yardline Inc.");
  await page.getByLabel("Postal address").fill("100 Main Street, Suite 4, Chicago, IL 60601, USA");
  await page.getByLabel(/Erase never-engaged prospects after/).fill("12");
  await page.getByLabel(/Why recipients hear from us/).fill("You are receiving this because your company is attending Manifest 2026.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Every email from now on carries this footer." })).toBeVisible();
  await expect(page.getByTestId("retention-preview")).toContainText("12 months after their event ends");
  await screenshot(page, "privacy-settings-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "privacy-settings-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  const email = `erase-me-${tag}@privacy-demo.test`;
  const created = await post(page, "/api/people", { firstName: "Erin", lastName: `Demo${tag}`, email, title: "VP Operations" });
  expect(created.status).toBe(201);
  const id = created.json.data.id as string;

  await page.goto(`/dashboard/people/${id}`);
  const panel = page.getByTestId("privacy-card");
  await expect(panel).toContainText("Legitimate interest");
  await expect(panel).toContainText("Source: added by hand");
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, "person-privacy-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, "person-privacy-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  const report = await page.request.get(`/api/people/${id}/personal-data?format=html`);
  expect(report.status()).toBe(200);
  expect(await report.text()).toContain(email);

  await panel.getByRole("button", { name: "Erase permanently" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Erase", exact: true })).toBeDisabled();
  await dialog.getByLabel("Type ERASE to confirm").fill("ERASE");
  await screenshot(page, "person-erase-dialog");
  await dialog.getByRole("button", { name: "Erase", exact: true }).click();
  await expect(page.getByTestId("erased-person")).toContainText("This person was erased");

  const again = await post(page, "/api/people", { firstName: "Erin", lastName: `Demo${tag}`, email });
  expect(again.status).toBe(409);
  expect(again.json.error).toContain("asked us to erase their data");
});
