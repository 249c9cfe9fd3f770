import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("a rep emails a person in a sequence from their page; the prospect's reply (dev mailbox) stops the sequence and shows in the timeline", async ({ page }) => {
  test.setTimeout(120_000);
  // The sending window open around the clock, so the email goes out whatever the time of day.
  await signIn(page, "admin@eventops.dev");
  expect((await page.request.put("/api/outreach/settings", { data: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } })).ok()).toBe(true);
  await page.context().clearCookies();

  await signIn(page, "maya@eventops.dev");
  const tag = `Rp${Date.now().toString(36)}`;
  const person = await page.request.post("/api/people", { data: { firstName: "Rhea", lastName: tag, email: `rhea.${tag.toLowerCase()}@example.test` } });
  expect(person.ok()).toBe(true);
  const personId = ((await person.json()) as { data: { id: string } }).data.id;
  // An active sequence whose next step is days away: only a reply can stop it now.
  const created = await page.request.post("/api/sequences", { data: { name: `Replies ${tag}`, steps: [{ delayDays: 3, subject: "Checking in", body: "Hi {{person.firstName}}" }] } });
  const sequenceId = ((await created.json()) as { data: { id: string } }).data.id;
  expect((await page.request.post(`/api/sequences/${sequenceId}/status`, { data: { action: "activate" } })).ok()).toBe(true);
  expect((await page.request.post(`/api/sequences/${sequenceId}/enroll`, { data: { personIds: [personId] } })).ok()).toBe(true);

  // Send from the person's page.
  await page.goto(`/dashboard/people/${personId}`);
  await expect(page.getByTestId("enrollments")).toContainText("Active");
  await page.getByTestId("compose-open").click();
  const subject = `Booth visit? (${tag})`;
  await page.getByRole("textbox", { name: "Subject", exact: true }).fill(subject);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Hi Rhea,\n\nWould 15 minutes at our booth work?\n\nMaya");
  await page.getByTestId("compose-send").click();
  await expect(page.getByTestId("compose-outcome")).toContainText("Sent to the development outbox", { timeout: 30_000 });

  // The prospect answers from the development mailbox (a real MIME reply through the inbound path).
  await page.goto("/dev/mailbox");
  // The message whose heading is exactly the subject: the forwarded "Re: …" copy that the reply
  // brings in lands on top and contains the subject too.
  const mail = page.getByTestId("mailbox-message").filter({ has: page.getByRole("heading", { name: subject, exact: true }) }).first();
  await mail.getByRole("button", { name: "Reply as the prospect" }).click();
  await expect(mail.getByTestId("prospect-outcome")).toContainText(`Recorded as a reply from Rhea ${tag}`);
  // The copy forwarded to the rep lands in the mailbox too.
  await expect(page.getByTestId("mailbox-message").filter({ hasText: `Re: ${subject}` }).first()).toContainText("via EventOps");
  await screenshot(page, "replies-dev-mailbox");

  // The sequence stopped and the reply is in the timeline, without anyone marking it.
  await page.goto(`/dashboard/people/${personId}`);
  await expect(page.getByTestId("enrollments")).toContainText("Replied");
  await expect(page.getByTestId("timeline")).toContainText(`Rhea ${tag} replied to “${subject}”`);
  await expect(page.getByTestId("timeline-reply").first()).toContainText("the timing is good");
  await expect(page.getByTestId("timeline-reply").first()).not.toContainText("Would 15 minutes");
  await page.getByTestId("timeline").scrollIntoViewIfNeeded();
  await screenshot(page, "replies-person-timeline");

  // The thread on the message page; the list marked it new until the owner opened it.
  await page.goto(`/dashboard/outreach?q=${tag}`);
  await expect(page.getByTestId("new-reply-badge").first()).toBeVisible();
  await page.getByTestId("outreach-list").getByRole("link").first().click();
  await expect(page.getByTestId("inbound-thread")).toContainText("the timing is good");
  await screenshot(page, "replies-thread");

  await page.context().clearCookies();
  await signIn(page, "admin@eventops.dev");
  expect((await page.request.put("/api/outreach/settings", { data: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 } })).ok()).toBe(true);
});
