import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a rep adds an account and a person at it by hand", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jordan@eventops.dev");
  await page.goto("/dashboard/accounts");
  await page.getByRole("button", { name: "Add account" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Company name *").fill("Quayside Cold Chain");
  await dialog.getByLabel("Website").fill("not a url");
  await dialog.getByRole("button", { name: "Create" }).click();
  // The website problem is shown next to the Website field (a form-level alert only for problems of no field).
  await expect(dialog.getByTestId("field-error")).toBeVisible();
  await dialog.getByLabel("Website").fill("https://quayside-coldchain.example");
  await dialog.getByLabel("Employees").fill("1,250");
  await dialog.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/dashboard\/accounts\/(?!import)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Quayside Cold Chain");

  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByRole("dialog").getByLabel("First name *").fill("Rosa");
  await page.getByRole("dialog").getByLabel("Last name").fill("Lindqvist");
  await page.getByRole("dialog").getByLabel("Title").fill("VP Distribution");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/dashboard\/people\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rosa Lindqvist");
  await expect(page.getByRole("link", { name: "Quayside Cold Chain" }).first()).toBeVisible();
});
