import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Issue 13 items 3, 4 and 8 against the real production server: the nonce CSP in Chromium, the
 * dev mailbox's loopback rule through real sockets, the demo banner, and the boot check of a
 * production server started without its settings.
 */

test("pages run only nonce'd scripts, still hydrate, and a script injected without the nonce is blocked", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/login");
  const policy = response!.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'$/);
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];

  // Every inline script Next.js wrote carries this response's nonce; a reload gets a new one.
  const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => (s as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  expect(new Set(inline)).toEqual(new Set([nonce]));
  const again = await page.reload();
  expect(again!.headers()["content-security-policy"]).not.toContain(nonce);

  // The demo banner of a production server in demo mode.
  await expect(page.getByRole("note")).toHaveText("Demo mode: the demo team signs in without email. Don't enter real customer data here.");

  // Hydrated: a client-side dropdown opens on the dashboard, with no CSP violation on the way.
  await signIn(page, "maya@eventops.dev");
  await page.goto("/dashboard");
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("sign-out")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([expect.stringMatching(/^script-src/)]);
});

test("the dev mailbox answers only a direct loopback caller, whatever headers say", async ({ request, baseURL }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(200);
  const forwardedOrForeign: Record<string, string>[] = [{ "x-forwarded-for": "127.0.0.1" }, { "x-real-ip": "127.0.0.1" }, { forwarded: "for=127.0.0.1" }, { host: "eventops.attacker.test" }];
  for (const headers of forwardedOrForeign) {
    const res = await request.get("/dev/mailbox", { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(404);
  }
  // A forged stamp is overwritten by the server.
  const forged = await request.get("/dev/mailbox", { headers: { "x-eventops-peer": "127.0.0.1", "x-eventops-peer-forwarded": "0", "x-forwarded-for": "203.0.113.5" } });
  expect(forged.status()).toBe(404);
  expect(baseURL).toContain("localhost");
});

test("a production server without APP_URL, a strong AUTH_SECRET and CRON_SECRET refuses to start", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const port = String(Number(process.env.E2E_PORT ?? 3100) + 2);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", AUTH_SECRET: "too-short" };
  for (const name of ["APP_URL", "AUTH_URL", "CRON_SECRET", "DEMO_MODE"]) delete env[name];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toContain("EventOps cannot start in production:");
  expect(output).toContain("APP_URL is not set.");
  expect(output).toContain("AUTH_SECRET has 9 characters; use at least 32");
  expect(output).toContain("CRON_SECRET is not set.");
});
