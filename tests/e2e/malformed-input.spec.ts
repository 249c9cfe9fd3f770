import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Issue 13 item 6 against the real server (next start): malformed cookies, NUL bytes and broken
 * percent-encoding in paths and query strings never answer 5xx — on pages, on our API and on
 * Auth.js's own endpoints — for a stranger and for a signed-in teammate.
 */

const BAD_COOKIES = ["a=%E0", "authjs.session-token=%00", "authjs.session-token=%ED%A0%80", `authjs.session-token=${"x".repeat(3000)}`, "authjs.csrf-token=%00; authjs.callback-url=%E0"];
const PAGES = ["/", "/login", "/dashboard", "/dashboard/accounts", "/api/health", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/accounts"];

test("malformed cookies never make a page or an endpoint answer 5xx", async ({ request }) => {
  const failures: string[] = [];
  for (const cookie of BAD_COOKIES) {
    for (const path of PAGES) {
      const res = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
      if (res.status() >= 500) failures.push(`${path} with "${cookie.slice(0, 40)}": ${res.status()}`);
    }
  }
  expect(failures).toEqual([]);
  // The health check still says the app is up with a stray broken cookie.
  const health = await request.get("/api/health", { headers: { cookie: "a=%E0" } });
  expect(health.status()).toBe(200);
});

test("NUL bytes and broken percent-encoding in queries and static paths get a clear 4xx, signed in", async ({ page }) => {
  await signIn(page);
  const api = page.request;
  const failures: string[] = [];
  const paths = [
    "/api/accounts/%00", "/api/accounts?q=%00", "/api/accounts?q=%E0", "/api/people?q=a%00b&page=%00", "/api/t/c/%00",
    "/dashboard/accounts/%00", "/dashboard/accounts?q=%00", "/dashboard?x=%E0", "/unsubscribe/%00",
  ];
  for (const path of paths) {
    const res = await api.get(path, { maxRedirects: 0 });
    if (res.status() >= 500) failures.push(`GET ${path}: ${res.status()}`);
    if (path.startsWith("/api/accounts") || path.startsWith("/api/people")) {
      // Our API answers in its envelope with a sentence.
      const body = (await res.json().catch(() => null)) as { success?: boolean; error?: string; code?: string } | null;
      if (res.status() >= 400 && (body?.success !== false || !body.error || !body.code)) failures.push(`GET ${path}: ${res.status()} without the error envelope`);
    }
  }
  const write = await api.post("/api/accounts", { data: { name: "Acme\u0000 Freight" } });
  expect(write.status()).toBe(422);
  expect(await write.json()).toMatchObject({ success: false, code: "validation_error", details: [{ path: "name" }] });
  expect(failures).toEqual([]);
});

// Next.js 16.4 answers 500 (plain text, before any of our code runs) for a dynamic segment whose
// percent-encoding is not UTF-8: vercel/next.js#92527, fix proposed in #92557. Marked as an
// expected failure so it is visible; when Next.js (or a check in src/proxy.ts) fixes it this
// test starts passing and Playwright reports it: then drop the test.fail line.
test("undecodable percent-encoding in a dynamic segment (Next.js #92527)", async ({ request }) => {
  test.fail();
  const statuses = await Promise.all(["/api/accounts/%E0", "/api/people/%F0%9F", "/api/t/o/%E0%A4", "/dashboard/accounts/%E0"].map(async (path) => (await request.get(path, { maxRedirects: 0 })).status()));
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
});
