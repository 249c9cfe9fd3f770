import { expect, test } from "@playwright/test";
import { shotAt as shot, signIn } from "./helpers";

test("a rep sees a teammate's account read-only, moves her own to the Trash and restores it in one click", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "maya@eventops.dev");

  // A teammate's account: shown, not editable, and the page says who may.
  const list = await page.request.get("/api/accounts?pageSize=200&sort=name&dir=asc");
  const accounts = ((await list.json()) as { data: { items: { id: string; name: string; assignedTo: { email: string; name: string | null } | null }[] } }).data.items;
  const theirs = accounts.find((a) => a.assignedTo && a.assignedTo.email !== "maya@eventops.dev")!;
  await page.goto(`/dashboard/accounts/${theirs.id}`);
  await expect(page.getByTestId("edit-refusal")).toHaveText(`Only ${theirs.assignedTo!.name} or an admin can edit this account.`);
  await expect(page.getByRole("button", { name: "Edit Name" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete: Only/ })).toBeDisabled();
  await shot(page, "account-read-only", 1280);
  await shot(page, "account-read-only", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Her own account goes to the Trash …
  const mine = accounts.find((a) => a.assignedTo?.email === "maya@eventops.dev")!;
  await page.goto(`/dashboard/accounts/${mine.id}`);
  await page.getByTestId("account-actions").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText(`Move ${mine.name} to the Trash?`);
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/\/dashboard\/accounts$/);
  expect((await page.request.get(`/api/accounts/${mine.id}`)).status()).toBe(404);

  // … is listed in Settings → Trash with when it goes for good (event time zone) …
  await page.goto("/dashboard/settings");
  await page.getByTestId("trash-card").getByRole("link", { name: "Open the Trash" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  const item = page.getByTestId("trash-item").filter({ hasText: mine.name });
  await expect(item).toContainText("1 account · deleted by Maya");
  await expect(item).toContainText(/Deleted for good in 30 days \(.+ [A-Z]{2,5}\)/);
  await expect(item.getByRole("button", { name: /Delete .* for good/ })).toHaveCount(0);
  await shot(page, "settings-trash", 1280);
  await shot(page, "settings-trash", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // … and comes back with one click.
  await item.getByRole("button", { name: `Restore ${mine.name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Restored ${mine.name}: 1 account back in the event.`);
  expect((await page.request.get(`/api/accounts/${mine.id}`)).status()).toBe(200);
});
