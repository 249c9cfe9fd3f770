/**
 * `npm test`: unit and integration tests (Vitest, real embedded PostgreSQL) with the coverage gate,
 * then the end-to-end suite (Playwright in Debian's Chromium against `next build && next start`).
 * Without Chromium the e2e part is skipped loudly — and in CI (CI=true) that is a failure, as is
 * asking CI to skip it (`--no-e2e`). With `--bench` the quick benchmark runs last.
 * Each stage's time is printed at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const inCi = process.env.CI === "true" || process.env.CI === "1";
const skipE2e = process.argv.includes("--no-e2e");
const stages: { label: string; seconds: string }[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  stages.push({ label, seconds });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds}s`);
    printStages();
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} passed in ${seconds}s`);
}

function printStages() {
  console.log("\nStage times:");
  for (const stage of stages) console.log(`  ${stage.label.padEnd(40)} ${stage.seconds.padStart(7)} s`);
}

if (skipE2e && inCi) {
  console.error("npm test --no-e2e is refused under CI=true: the end-to-end tests are part of the build.");
  process.exit(1);
}

// Coverage thresholds (vitest.config.ts) fail the run when src/server or src/lib lose covered lines.
run("unit + integration tests (with coverage gate)", "npx", ["vitest", "run", "--coverage", "--coverage.reporter=text-summary"]);

if (skipE2e) {
  console.log("\n(e2e skipped: --no-e2e)");
  printStages();
  process.exit(0);
}
if (!existsSync(chromium)) {
  const banner = "=".repeat(78);
  console.error(`\n${banner}\n  Chromium was not found at ${chromium}: the END-TO-END TESTS DID NOT RUN.\n  Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)\n${banner}`);
  printStages();
  process.exit(inCi ? 1 : 0);
}
if (!process.env.SKIP_BUILD) run("next build", "npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
// CI's clone is thrown away, so it skips writing docs/screenshots (tests/e2e/helpers.ts); a local
// `npm test` refreshes them.
run("end-to-end tests", "npx", ["playwright", "test"], inCi ? { E2E_SCREENSHOTS: process.env.E2E_SCREENSHOTS ?? "0" } : {});
// The quick benchmark (`npm run bench -- --ci`, docs/PERFORMANCE.md) runs with `--bench`; CI runs
// it as its own stage after this command (.ci/run).
if (process.argv.includes("--bench")) run("quick benchmark (npm run bench -- --ci)", "npx", ["tsx", "scripts/bench/run.ts", "--ci"]);
printStages();
