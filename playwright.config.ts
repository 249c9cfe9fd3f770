import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E against `next build && next start` on throwaway embedded databases seeded with the demo.
// Debian's Chromium is used (no browser download): CHROMIUM_PATH or /usr/bin/chromium.
//
// Two servers, each with its own database (scripts/e2e-server.ts, .data/e2e-<port>), on E2E_PORT
// and E2E_PORT + 1, and one worker per server: the suite is split in two halves that run side by
// side (~7 min serial → ~3.5 min on 2 cores). Each half runs serially on its own server, its files
// in the same order every time, so no test ever shares the demo data — counts, the trash, the
// suppression list, settings, cron runs, the dev mailbox, sign-in rate limits — with a test running
// at the same moment. security.spec.ts starts a third server on E2E_PORT + 2.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SERVER_PORTS = [PORT, PORT + 1] as const;
const urlOf = (port: number) => `http://localhost:${port}`;

// The second server's specs (~205 s of the ~400 s serial run, measured in CI); every other spec,
// a new one included, runs on the first. dashboard and workspace stay together: both read the
// date-range figures that Next's data cache keeps in .next/cache, which the two servers share.
const SECOND_SERVER_SPECS = [
  "dashboard.spec.ts", "jobs.spec.ts", "outreach.spec.ts", "privacy.spec.ts", "records.spec.ts",
  "replies.spec.ts", "sequences.spec.ts", "user-guide.spec.ts", "workspace.spec.ts",
];
for (const spec of SECOND_SERVER_SPECS) {
  // A renamed spec must not silently move to the other server and unbalance the halves.
  if (!existsSync(path.join(import.meta.dirname, "tests/e2e", spec))) throw new Error(`playwright.config.ts: tests/e2e/${spec} does not exist`);
}
const onSecondServer = SECOND_SERVER_SPECS.map((spec) => `**/${spec}`);
const browser = { ...devices["Desktop Chrome"], channel: undefined };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // A stray test.only would silently skip the rest of the suite in CI.
  forbidOnly: Boolean(process.env.CI),
  // One per server (each project below is limited to one worker).
  workers: SERVER_PORTS.length,
  retries: 0,
  // Most specs already asked for 120–150 s on this shared machine. With two servers sharing the
  // 2 cores, a 12-second test (foundation's sign-in, in CI) took 36 s at load 15 and ran out of
  // a 60-second budget at load 27 while still progressing: the default is 120 s for every test.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "server-1", testIgnore: onSecondServer, workers: 1, use: { ...browser, baseURL: urlOf(SERVER_PORTS[0]) } },
    { name: "server-2", testMatch: onSecondServer, workers: 1, use: { ...browser, baseURL: urlOf(SERVER_PORTS[1]) } },
  ],
  webServer: SERVER_PORTS.map((port) => ({
    command: `node --import tsx scripts/e2e-server.ts`,
    url: `${urlOf(port)}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { E2E_PORT: String(port) },
  })),
});
