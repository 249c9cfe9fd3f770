import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, screenshot, signIn } from "./helpers";

test.describe.configure({ timeout: 150_000 });

test("book from the meetings page, get warned about a clash, go back and pick a free slot", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "jordan@eventops.dev");
  const ctx = await (await page.request.get("/api/meetings/context")).json();
  const day: string = ctx.data.event.startDate;
  const people = await (await page.request.get("/api/meetings/attendees?q=e")).json();
  const [first, second] = people.data as { id: string; name: string }[];
  // An existing meeting of Jordan's at 7:00 on the first day.
  expect((await page.request.post("/api/meetings", { data: { personId: first!.id, scheduledAt: `${day}T07:00`, sendInvite: false, allowConflicts: true } })).status()).toBe(201);

  await page.goto("/dashboard/meetings");
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await page.getByTestId("book-meeting").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Who").fill(second!.name);
  await dialog.getByRole("button", { name: new RegExp(second!.name) }).first().click();
  await dialog.getByLabel("Time").fill("07:15");
  await dialog.getByLabel("Email a calendar invite", { exact: false }).uncheck();
  await dialog.getByRole("button", { name: "Book meeting" }).click();
  await expect(dialog.getByTestId("meeting-conflicts")).toContainText("clashes with another meeting");
  await expect(dialog.getByTestId("meeting-conflicts")).toContainText(first!.name);
  await screenshot(page, "meetings-conflict");
  await dialog.getByRole("button", { name: "Go back" }).click();
  await dialog.getByLabel("Time").fill("07:30");
  await dialog.getByRole("button", { name: "Book meeting" }).click();
  await expect(dialog.getByTestId("meeting-saved")).toContainText("Meeting booked");
  await expect(dialog.getByRole("link", { name: "Download .ics" })).toHaveAttribute("href", /\/api\/meetings\/.+\/ics$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Agenda" }).click();
  await expect(page.getByTestId("meetings-agenda")).toBeVisible();
  await screenshot(page, "meetings-agenda");

  // The same page on a phone: no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "List" }).click();
  await expect(page.getByTestId("meeting-row").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "meetings-phone");
});
