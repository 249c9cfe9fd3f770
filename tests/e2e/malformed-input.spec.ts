import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Issue 13 item 6 against the real server (next start): malformed cookies, NUL bytes and broken
 * percent-encoding in paths and query strings never answer 5xx — on pages, on our API and on
 * Auth.js's own endpoints — for a stranger and for a signed-in teammate.
 */

const BAD_COOKIES = ["a=%E0", "authjs.session-token=%00", "authjs.session-token=%ED%A0%80", `authjs.session-token=${"x".repeat(3000)}`, "authjs.csrf-token=%00; authjs.callback-url=%E0"];
const PAGES = ["/", "/login", "/dashboard", "/dashboard/accounts", "/dashboard/booth", "/api/health", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/accounts"];

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
    "/dashboard?x=%E0",
  ];
  // Pages: src/proxy.ts answers a 400 "This link is broken" page before any page code runs.
  const brokenPages = [
    "/dashboard/accounts/%00", "/dashboard/accounts?q=%00", "/dashboard/people?q=a%00b", "/dashboard/meetings?q=%00", "/dashboard/outreach?status=%00",
    "/dashboard/activity?type=%00", "/dashboard/research?q=%00", "/dashboard/reports/builder?id=%00", "/dashboard/booth?day=%00", "/unsubscribe/%00",
  ];
  for (const path of brokenPages) {
    const res = await api.get(path, { maxRedirects: 0 });
    if (res.status() !== 400 || !(await res.text()).includes("This link is broken")) failures.push(`GET ${path}: ${res.status()} instead of the broken-link page`);
  }
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

test("undecodable percent-encoding in a page's dynamic segment gets the broken-link page", async ({ request }) => {
  for (const path of ["/dashboard/accounts/%E0", "/unsubscribe/%F0%9F", "/book/%E0%A4"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
  }
});

// Next.js 16.4 answers 500 (plain text, before the route runs) for an API route's dynamic segment
// whose percent-encoding is not UTF-8 (vercel/next.js#92527); src/proxy.ts answers it first.
test("undecodable percent-encoding in an API route's dynamic segment gets a 400 in the envelope (Next.js #92527)", async ({ request }) => {
  for (const path of ["/api/accounts/%E0", "/api/people/%F0%9F", "/api/t/o/%E0%A4"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, code: "bad_request" });
  }
});
