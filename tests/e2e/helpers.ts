import { expect, type APIResponse, type Cookie, type Page } from "@playwright/test";

// Session cookies by user, kept for the whole run (one worker): sign-in emails are rate
// limited (5 per address per 10 minutes), as they must be, so specs reuse a session that is
// still valid instead of asking for a new link each time.
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in through the real magic-link flow: ask for a link on /login, then read it from the
 * development mailbox the way a developer would, and follow it. With `fresh: false` (the
 * default) a still-valid session of an earlier test for the same user is reused.
 * Where the page is afterwards is not part of the contract (the link lands on /dashboard, a
 * reused session loads no page): a test goes to the page it is about. Loading the dashboard
 * for every reused session cost Chromium a full page of charts per test.
 */
export async function signIn(page: Page, email = "admin@eventops.dev", { fresh = false } = {}) {
  const cached = sessions.get(email);
  if (cached && !fresh) {
    await page.context().addCookies(cached);
    // GET /api/me answers 401 without a valid session; the request shares the page's cookies.
    if ((await page.request.get("/api/me")).ok()) return;
    await page.context().clearCookies();
  }
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
  sessions.set(email, (await page.context().cookies()).filter((c) => c.name.includes("session-token")));
}

/**
 * Whether the specs write docs/screenshots (on by default; `E2E_SCREENSHOTS=0` turns it off).
 * CI turns it off (scripts/test.ts): its clone is thrown away, so the pictures were only Chromium
 * time — the page is still laid out at each width, only the waiting and the PNG are skipped.
 */
const takeScreenshots = process.env.E2E_SCREENSHOTS !== "0";

/** docs/screenshots/<name>-<width>.png at a desktop (1280) or phone (390) size, from the top of the page. */
export async function shotAt(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  if (!takeScreenshots) return;
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/screenshots/${name}-${width}.png`, fullPage: false });
}

export async function screenshot(page: Page, name: string) {
  if (!takeScreenshots) return;
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}

/**
 * Nothing on the page is wider than the viewport. Polled, not read once: after a resize the
 * charts (recharts' ResponsiveContainer) and other ResizeObserver-driven parts lay out again a
 * frame or more later, so the first read can still see the old width. A real overflow stays
 * and fails after the expect timeout. (With screenshots on, their network-idle wait used to hide
 * this; CI turns screenshots off and a fresh-clone run failed on the show report at 390 px.)
 */
export async function expectNoHorizontalScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `${page.url()} is wider than the screen`,
    })
    .toBeLessThanOrEqual(0);
}

/**
 * The `data` of an API answer, or a failure that says what the server answered: a spec that read
 * `.data` of an error body failed with "cannot read properties of undefined", which says nothing.
 */
export async function apiData<T>(response: APIResponse | Promise<APIResponse>): Promise<T> {
  const answer = await response;
  const text = await answer.text();
  if (!answer.ok()) throw new Error(`${answer.url()} answered ${answer.status()}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { data: T }).data;
}
