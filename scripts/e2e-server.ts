/**
 * The server the end-to-end tests run against: a fresh embedded PostgreSQL under .data/e2e-<port>
 * (wiped on every start; one per port, so a second run on another E2E_PORT never shares it),
 * migrated and seeded with the demo, then `next start` in demo mode so
 * sign-in links land in the development mailbox, with a job-engine worker beside it (as
 * `npm run start` runs). Requires a prior `next build`.
 *
 * The AI endpoint is a fake OpenAI-compatible server on loopback that writes drafts after
 * 400 ms (a real model takes seconds, which is why drafting many people is a background job);
 * other AI requests get a 503, so research and scoring use their built-in fallbacks.
 */
import { spawn } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { startFakeOpenAI, type ChatRequest } from "../tests/helpers/fake-openai";

/** Drafts, structured (JSON) or streamed as text ("Subject: …", then the body); every other AI request is refused. */
async function draftAnswer(request: ChatRequest): Promise<string | { status: number }> {
  const system = request.messages[0]?.content ?? "";
  if (!system.includes("You write short, specific B2B sales outreach")) return { status: 503 };
  await new Promise((resolve) => setTimeout(resolve, 400));
  const facts = JSON.parse(request.messages.at(-1)?.content ?? "{}") as { recipient?: { firstName?: string }; account?: { name?: string }; sender?: { name?: string }; event?: { name?: string } };
  const first = facts.recipient?.firstName || "there";
  const event = facts.event?.name ?? "the show";
  const subject = `${first}, 20 minutes at ${event}?`;
  // Like a model, it writes about the product the system prompt describes (the seller profile's pitch).
  const pitch = /What it does: (.*?) Value propositions:/.exec(system)?.[1] ?? "";
  const body = `Hi ${first},\n\nI will be at ${event} and ${facts.account?.name ?? "your team"} is on my list. ${pitch} Would you have 20 minutes at our booth to talk about your yard?\n\n${facts.sender?.name ?? "The team"}`;
  return system.includes('"Subject: <subject>"') ? `Subject: ${subject}\n\n${body}` : JSON.stringify({ subject, body });
}

const root = path.resolve(import.meta.dirname, "..");
assertBuildIsCurrent();
const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, ".data", `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

const ai = await startFakeOpenAI(draftAnswer);
// Idle connections are kept longer than any test lasts. Playwright's request context (page.request)
// reuses a pooled keep-alive socket without reading the server's "Keep-Alive: timeout=5"
// (microsoft/playwright#42701): a request sent as Node's 5-s idle timeout closes that socket failed
// with "read ECONNRESET" (booth-offline.spec.ts, once in CI, round 21). With the server keeping it
// open longer than the test, the client is always the side that closes.
const KEEP_ALIVE_MS = "75000";
const child = spawn(
  process.execPath,
  ["--import", "tsx", "scripts/db/with-db.ts", "--seed", "--worker", "--", process.execPath, "node_modules/next/dist/bin/next", "start", "-p", port, "--keepAliveTimeout", KEEP_ALIVE_MS],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: "",
      EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
      DEMO_MODE: "true",
      APP_URL: `http://localhost:${port}`,
      AUTH_URL: `http://localhost:${port}`,
      CRON_SECRET: process.env.CRON_SECRET ?? "e2e-cron-secret",
      ERASURE_PEPPER: process.env.ERASURE_PEPPER ?? "e2e-erasure-pepper",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec drafts as the same demo rep within a few minutes; the limit's pacing is covered by the integration tests.
      AI_CALLS_PER_MINUTE: "500",
      // The same goes for API requests: the specs act as Maya faster than a person can, and her
      // busiest minute of the suite reached 104 requests (the default limit is 100 a minute). A
      // fixed window then refused one spec's request or not depending on where the minute fell:
      // most likely how round 12's CI failed (an error body with no server error logged). The
      // per-user limit itself is tested in tests/integration/route-wrapper.test.ts.
      RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      OPENAI_BASE_URL: ai.baseUrl,
      OPENAI_API_KEY: "test-key",
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

/**
 * The e2e suite must test the code in the tree, not an older build of it: refuse to start when a
 * source file (src/, prisma/schema.prisma, the Next and Tailwind config) is newer than .next/BUILD_ID.
 */
function assertBuildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  let builtAt: number;
  try {
    builtAt = statSync(buildId).mtimeMs;
  } catch {
    fail("There is no production build: run `npm run build` before the end-to-end tests.");
  }
  const inputs = ["src", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "package-lock.json"];
  const newer = inputs.map((p) => newestFile(path.join(root, p))).filter((f) => f && f.mtimeMs > builtAt) as { file: string; mtimeMs: number }[];
  if (newer.length > 0) {
    fail(`The build in .next is older than ${path.relative(root, newer[0].file)}: run \`npm run build\` before the end-to-end tests.`);
  }
}

function newestFile(target: string): { file: string; mtimeMs: number } | undefined {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return { file: target, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(target)) {
    if (entry === "generated") continue; // src/generated is written by `prisma generate`, not by hand
    const found = newestFile(path.join(target, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}
