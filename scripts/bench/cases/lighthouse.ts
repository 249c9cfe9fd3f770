/**
 * Lighthouse (npm `lighthouse`, Debian's Chromium) on the dashboard, the accounts list, a busy
 * person page and the booth view, signed in as a rep, and on the public booking page (signed
 * out), against the shared `next start` on the large dataset.
 *
 * Both form factors are measured: mobile (Lighthouse's default: Moto G Power viewport, simulated
 * slow 4G and 4× CPU slowdown) because reps use the app on phones at the booth, and desktop
 * (Lighthouse's desktop config) because that is where they prepare. Accessibility ≥ 95 applies to
 * both. Performance ≥ 90 applies to desktop only: on this shared 2-core machine even /login
 * signed out — almost no client JavaScript, measured here as "floor-login" — scores about 70 on
 * mobile (4× slowdown of an already contended CPU), so a mobile performance budget of 90 could
 * not be met by any page of a React app here; mobile performance is recorded, next to that floor.
 * The two pages a phone lives on at the show carry the issue's own budgets on mobile: the booth
 * view and the public booking page must reach performance ≥ 90 and accessibility 100. Each page × form factor runs several times and the run
 * with the median performance score is kept (Lighthouse's own advice against a noisy machine).
 * Reports go to .data/bench/lighthouse/ (JSON + HTML), never into git. No request leaves the
 * machine: the page is on 127.0.0.1 and Chromium runs with background networking off.
 *
 * Knobs for iterating: BENCH_LH_RUNS (runs per page × form factor; 3, or 1 with --quick),
 * BENCH_LH_PAGES=dashboard,accounts,person,booth,booking,floor-login (a subset), BENCH_SCREENSHOTS=1 (full-page
 * PNGs at 1280 and 390 px next to the reports).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { chromium } from "playwright-core";
import { getNextServer } from "../lib/next-server";
import type { BenchCase, BenchResult } from "../lib/types";

const CHROME_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const LIGHTHOUSE_DIR = path.resolve(import.meta.dirname, "../../../.data/bench/lighthouse");

const FORM_FACTORS: { name: "mobile" | "desktop"; config: Config | undefined }[] = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];

interface Page {
  key: string;
  label: string;
  path: string;
  /** A reference point, not a page under budget: signed out, no budgets. */
  floor?: boolean;
  /** Opened signed out (a public page). */
  public?: boolean;
  /** The phone pages: mobile performance ≥ 90 and accessibility 100 (issue 18). */
  phone?: boolean;
}

function score(lhr: Result, category: string): number {
  const s = lhr.categories[category]?.score;
  return s === null || s === undefined ? Number.NaN : Math.round(s * 100);
}

function numeric(lhr: Result, audit: string): number {
  const v = lhr.audits[audit]?.numericValue;
  return v === undefined ? Number.NaN : Math.round(v * 1000) / 1000;
}

/** Audits in a category that did not pass, for the log and the note: what to fix next. */
function failing(lhr: Result, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9)
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
}

/** BENCH_SCREENSHOTS=1: full-page screenshots at 1280 and 390 px next to the reports, to look at before/after a change. */
async function screenshots(baseUrl: string, cookie: string, pages: Page[]) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
  try {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { cookie } });
      const tab = await context.newPage();
      for (const page of pages) {
        await tab.goto(baseUrl + page.path, { waitUntil: "networkidle" });
        await tab.screenshot({ path: path.join(LIGHTHOUSE_DIR, `${page.key}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

export const benchCase: BenchCase = {
  name: "lighthouse",
  mutates: false,
  async run(ctx) {
    const server = await getNextServer(ctx);
    const { rows } = await ctx.pg.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN outreach o ON o."personId" = p.id
        WHERE p."eventId" = $1 AND p."accountId" IS NOT NULL
        GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
      [ctx.eventId],
    );
    const personId = rows[0]?.id;
    if (!personId) throw new Error("no person with outreach in the bench event");
    const { rows: events } = await ctx.pg.query<{ slug: string }>(`SELECT slug FROM events WHERE id = $1`, [ctx.eventId]);
    const eventSlug = events[0]?.slug;
    if (!eventSlug) throw new Error("no bench event");
    const pages: Page[] = [
      { key: "dashboard", label: "/dashboard", path: "/dashboard" },
      { key: "accounts", label: "/dashboard/accounts", path: "/dashboard/accounts" },
      { key: "person", label: "/dashboard/people/:id (most emailed)", path: `/dashboard/people/${personId}` },
      { key: "booth", label: "/dashboard/booth (phone)", path: "/dashboard/booth", phone: true },
      { key: "booking", label: "/book/:event signed out (public booking page)", path: `/book/${eventSlug}`, public: true, phone: true },
      // What this machine allows at all: the sign-in page has almost no client JavaScript, so its
      // score is the ceiling the app pages can be held against on the same (shared, noisy) CPU.
      { key: "floor-login", label: "/login signed out (reference, no budget)", path: "/login", floor: true },
    ];
    const only = process.env.BENCH_LH_PAGES?.split(",");
    const runs = Number(process.env.BENCH_LH_RUNS ?? (ctx.quick ? 1 : 3));
    mkdirSync(LIGHTHOUSE_DIR, { recursive: true });

    // Warm the server (code paths, plans, caches) so Lighthouse measures a warm server like the http case.
    for (const page of pages) await (await fetch(server.baseUrl + page.path, { headers: page.floor || page.public ? {} : { cookie: server.cookie } })).arrayBuffer();

    if (process.env.BENCH_SCREENSHOTS === "1") await screenshots(server.baseUrl, server.cookie, pages.filter((p) => !p.floor));

    const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
    const results: BenchResult[] = [];
    try {
      for (const page of pages.filter((p) => !only || only.includes(p.key))) {
        for (const formFactor of FORM_FACTORS) {
          const flags: Flags = {
            port: chrome.port,
            logLevel: "error",
            output: ["json", "html"],
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders: page.floor || page.public ? undefined : { Cookie: server.cookie },
          };
          const attempts: { lhr: Result; report: string | string[] }[] = [];
          for (let i = 0; i < runs; i++) {
            const result = await lighthouse(server.baseUrl + page.path, flags, formFactor.config);
            if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`);
            if (result.lhr.runtimeError) throw new Error(`lighthouse ${page.path}: ${result.lhr.runtimeError.message}`);
            if (new URL(result.lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${result.lhr.finalDisplayedUrl} (not signed in?)`);
            attempts.push({ lhr: result.lhr, report: result.report });
          }
          attempts.sort((a, b) => score(a.lhr, "performance") - score(b.lhr, "performance"));
          const kept = attempts[Math.floor(attempts.length / 2)];
          const [json, html] = kept.report as string[];
          const base = path.join(LIGHTHOUSE_DIR, `${page.key}-${formFactor.name}`);
          writeFileSync(`${base}.report.json`, json);
          writeFileSync(`${base}.report.html`, html);

          const lhr = kept.lhr;
          const metrics = {
            performance: score(lhr, "performance"),
            accessibility: score(lhr, "accessibility"),
            bestPractices: score(lhr, "best-practices"),
            lcpMs: Math.round(numeric(lhr, "largest-contentful-paint")),
            fcpMs: Math.round(numeric(lhr, "first-contentful-paint")),
            tbtMs: Math.round(numeric(lhr, "total-blocking-time")),
            cls: numeric(lhr, "cumulative-layout-shift"),
            scriptKb: Math.round((lhr.audits["total-byte-weight"]?.details as { items?: { url: string; totalBytes: number }[] } | undefined)?.items
              ?.filter((item) => item.url.endsWith(".js"))
              .reduce((sum, item) => sum + item.totalBytes, 0) ?? 0) / 1024,
          };
          const misses = [...failing(lhr, "performance"), ...failing(lhr, "accessibility")];
          ctx.log(
            `lighthouse ${page.key} ${formFactor.name}: perf ${metrics.performance} (${attempts.map((a) => score(a.lhr, "performance")).join("/")}), a11y ${metrics.accessibility}, bp ${metrics.bestPractices}, LCP ${metrics.lcpMs} ms, TBT ${metrics.tbtMs} ms, CLS ${metrics.cls}${misses.length ? ` — below 0.9: ${misses.join(", ")}` : ""}`,
          );
          results.push({
            id: `lighthouse.${page.key}.${formFactor.name}`,
            group: "lighthouse",
            label: `${page.label} · ${formFactor.name}`,
            metrics,
            budgets: page.floor ? [] : [
              ...(formFactor.name === "desktop" || page.phone ? [{ metric: "performance", min: 90 }] : []),
              { metric: "accessibility", min: page.phone && formFactor.name === "mobile" ? 100 : 95 },
            ],
            note: `median of ${runs} by performance; report ${path.relative(process.cwd(), base)}.report.html${misses.length ? `; below 0.9: ${misses.join(", ")}` : ""}`,
          });
        }
      }
    } finally {
      chrome.kill();
    }
    return results;
  },
};
