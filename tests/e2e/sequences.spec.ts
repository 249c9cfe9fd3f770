import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("a rep builds a 3-step sequence, enrolls two people, the cron sends step 1 and it shows in their histories", async ({ page }) => {
  test.setTimeout(240_000);
  // Open the sending window around the clock so the run does not depend on the time of day.
  await signIn(page, "admin@eventops.dev");
  expect((await page.request.put("/api/outreach/settings", { data: { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 } })).ok()).toBe(true);
  await page.context().clearCookies();

  await signIn(page, "maya@eventops.dev");
  // The demo data has Maya near her daily cap (200 in 24 h), which would queue step 1 until a slot
  // frees up; this spec is about the engine sending it, so she raises her cap in My settings.
  expect((await page.request.patch("/api/me/settings", { data: { dailySendCap: 2000 } })).ok()).toBe(true);
  // Two fresh people (not in any sequence yet) with a shared tag to find them.
  const tag = `Seq${Date.now().toString(36)}`;
  for (const first of ["Ada", "Bo"]) {
    const res = await page.request.post("/api/people", { data: { firstName: first, lastName: tag, email: `${first.toLowerCase()}.${tag.toLowerCase()}@example.test` } });
    expect(res.ok()).toBe(true);
  }

  await page.goto("/dashboard/sequences/new");
  await page.getByLabel("Name", { exact: true }).fill(`Manifest follow-up ${tag}`);
  const subjects = ["See you at Manifest, {{person.firstName}}?", "Gate times at {{account.name}}", "Last note before the show"];
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByRole("button", { name: "Add step" }).click();
  const delays = [0, 3, 7];
  for (let i = 0; i < 3; i++) {
    await page.getByLabel(`Step ${i + 1} delay in days`).fill(String(delays[i]));
    await page.getByLabel(`Step ${i + 1} subject`).fill(subjects[i]);
    await page.getByLabel(`Step ${i + 1} body`).fill(`Hi {{person.firstName}}, step ${i + 1}.`);
  }
  await page.getByRole("button", { name: "Create sequence" }).click();
  await page.waitForURL(/\/dashboard\/sequences\/(?!new)[\w-]+$/);
  const sequenceUrl = page.url();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

  // Enroll both from the people list.
  await page.goto(`/dashboard/people?q=${tag}`);
  await page.getByLabel("Enroll selected people in").selectOption({ label: `Manifest follow-up ${tag}` });
  await page.getByRole("checkbox", { name: `Select Ada ${tag}` }).click();
  await page.getByRole("checkbox", { name: `Select Bo ${tag}` }).click();
  await page.getByRole("button", { name: "Enroll in sequence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 enrolled" })).toBeVisible();

  // Run the engine the way Vercel Cron does.
  expect((await page.request.get("/api/cron/sequences")).status()).toBe(401);
  const run = await page.request.get("/api/cron/sequences", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(run.status()).toBe(200);
  // The cron path drains the job engine until it is idle. The sequence tick is a once-a-minute
  // periodic job: whoever runs the engine first in a minute (this drain, or the e2e server's own
  // worker) fires it, so step 1 goes out within about a minute of the enrollment, with no click.
  const body = (await run.json()) as { data: { stoppedBy: string; dueLeft: number } };
  expect(body.data).toMatchObject({ stoppedBy: "idle", dueLeft: 0 });

  for (const first of ["Ada", "Bo"]) {
    await page.goto(`/dashboard/people?q=${first}%20${tag}`);
    await page.getByRole("link", { name: `${first} ${tag}` }).first().click();
    await expect(page.getByTestId("enrollments")).toContainText(`Manifest follow-up ${tag}`);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByText(`See you at Manifest, ${first}?`).count();
      }, { timeout: 100_000, intervals: [3_000] })
      .toBeGreaterThan(0);
  }
  await screenshot(page, "sequences-person");
  await page.goto(sequenceUrl);
  await expect(page.getByTestId("sequence-stats")).toContainText(/Enrolled\s*2/);
  await screenshot(page, "sequences-detail");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("sequence-stats")).toBeVisible();
  await screenshot(page, "sequences-detail-phone");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/dashboard/sequences");
  await expect(page.getByRole("link", { name: new RegExp(`Manifest follow-up ${tag}`) })).toBeVisible();
  await screenshot(page, "sequences-list");
});
