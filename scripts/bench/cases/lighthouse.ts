/**
 * Lighthouse (npm `lighthouse`, Debian's Chromium) on the dashboard, the accounts list, a busy
 * person page and the booth view, signed in as a rep, and on the public booking page (signed
 * out), against the shared `next start` on the large dataset.
 *
 * Both form factors are measured: mobile (Lighthouse's default: Moto G Power viewport, simulated
 * slow 4G and 4× CPU slowdown) because reps use the app on phones at the booth, and desktop
 * (Lighthouse's desktop config) because that is where they prepare. The budgets are the issues'
 * (17 and 18) and are never lowered to pass: every page on mobile performance ≥ 90 with TBT ≤
 * 200 ms and LCP ≤ 2.5 s; on desktop performance ≥ 97; accessibility 100 on both. "floor-login"
 * (/login signed out, almost no client JavaScript) carries no budget: it is the reference for
 * what this shared, contended CPU allows at all. Each page × form factor runs several times and
 * the run with the median performance score is kept (Lighthouse's own advice against a noisy
 * machine). Each result reports the page's JavaScript (files, bytes over the wire, bytes parsed)
 * from Lighthouse's network records. Reports go to .data/bench/lighthouse/ (JSON + HTML), never
 * into git. No request leaves the machine: the page is on 127.0.0.1 and Chromium runs with
 * background networking off.
 *
 * Signed in means what a rep's browser has: the session cookie in Chromium's cookie jar (set over
 * CDP before Lighthouse opens its tab; Lighthouse's storage reset leaves cookies alone). A
 * `Cookie` request header through Lighthouse's extraHeaders is not that: Chromium does not put
 * it on every request the page makes, and the run ended on /login.
 *
 * Knobs for iterating: BENCH_LH_RUNS (runs per page × form factor; 3, or 1 with --quick),
 * BENCH_LH_PAGES=dashboard,accounts,person,booth,booking,floor-login (a subset),
 * BENCH_LH_FORM_FACTORS=mobile,desktop (a subset), BENCH_SCREENSHOTS=1 (full-page PNGs at 1280
 * and 390 px next to the reports).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { chromium } from "playwright-core";
import { browserTimeZone, VIEWER_ZONE_COOKIE } from "@/lib/time";
import { getNextServer } from "../lib/next-server";
import type { BenchCase, BenchResult, Budget } from "../lib/types";

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

/** The issues' budgets (17: every page; 18: the booth and the booking page), the same for every page. */
const BUDGETS: Record<"mobile" | "desktop", Budget[]> = {
  mobile: [
    { metric: "performance", min: 90 },
    { metric: "tbtMs", max: 200 },
    { metric: "lcpMs", max: 2500 },
    { metric: "accessibility", min: 100 },
  ],
  desktop: [
    { metric: "performance", min: 97 },
    { metric: "accessibility", min: 100 },
  ],
};

/** Lighthouse runs of one page × form factor that may fail (a DevTools timeout) and be repeated. */
const MAX_RUNTIME_ERRORS = 2;

interface Page {
  key: string;
  label: string;
  path: string;
  /** A reference point, not a page under budget: signed out, no budgets. */
  floor?: boolean;
  /** Opened signed out (a public page). */
  public?: boolean;
}

function score(lhr: Result, category: string): number {
  const s = lhr.categories[category]?.score;
  return s === null || s === undefined ? Number.NaN : Math.round(s * 100);
}

function numeric(lhr: Result, audit: string): number {
  const v = lhr.audits[audit]?.numericValue;
  return v === undefined ? Number.NaN : Math.round(v * 1000) / 1000;
}

/**
 * The page's JavaScript as Lighthouse loaded it (issue 17 asks the benchmark to report it): how
 * many script files, kB over the wire (compressed) and kB the browser parses (uncompressed).
 */
function javascript(lhr: Result): { jsFiles: number; jsKb: number; jsParsedKb: number } {
  const items = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[] } | undefined)?.items ?? [];
  const scripts = items.filter((item) => item.resourceType === "Script");
  const kb = (bytes: number) => Math.round(bytes / 1024);
  return {
    jsFiles: scripts.length,
    jsKb: kb(scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0)),
    jsParsedKb: kb(scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0)),
  };
}

/** Audits in a category that did not pass, for the log and the note: what to fix next. */
function failing(lhr: Result, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 0.9)
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
}

/** The session cookie as a browser cookie for the server's origin (NextServer.cookie is a `name=value` header). */
function sessionCookie(baseUrl: string, header: string) {
  const [name, value] = header.split(/=(.*)/s, 2) as [string, string | undefined];
  if (!name || !value) throw new Error(`unexpected session cookie header "${header}"`);
  return { name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" as const };
}

/**
 * The viewer's time zone, as the app's shell stores it on a rep's first visit (ViewerZone). With
 * it in the jar every run measures a returning rep; without it the first run of a page would also
 * measure the one-off refresh that stores it. Chromium here runs in this process's zone.
 */
function viewerZoneCookie(baseUrl: string) {
  return { name: VIEWER_ZONE_COOKIE, value: encodeURIComponent(browserTimeZone()), url: baseUrl, sameSite: "Lax" as const };
}

/**
 * Signs the Chromium that Lighthouse drives in (the rep's cookies in its default context, where
 * Lighthouse opens its tab) or out (`header` null: no cookies), then lets go of the browser
 * again so nothing of Playwright's stays attached while Lighthouse measures.
 */
async function setBrowserSession(port: number, baseUrl: string, header: string | null) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("the Chromium Lighthouse drives has no default context");
    await context.clearCookies();
    if (header) await context.addCookies([sessionCookie(baseUrl, header), viewerZoneCookie(baseUrl)]);
  } finally {
    await browser.close();
  }
}

/**
 * BENCH_LH_PROFILE=1: a V8 CPU profile of each page's load at Lighthouse's mobile CPU slowdown (4×),
 * at 390 px, written next to the reports as <page>.cpuprofile (open it in DevTools' Performance
 * panel, or summarise it with scripts/bench/cpu-profile-summary.ts). Lighthouse's own trace has no
 * JavaScript samples, so this is how to see which code makes the blocking time. A build with
 * BENCH_SOURCE_MAPS=1 (next.config.ts) puts a source map next to each chunk, from which the
 * profile's minified frames can be resolved to modules (the summary script does not read maps yet).
 */
async function cpuProfiles(baseUrl: string, cookie: string, pages: Page[]) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
  try {
    for (const page of pages) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      if (!page.public) await context.addCookies([sessionCookie(baseUrl, cookie), viewerZoneCookie(baseUrl)]);
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
      await tab.goto(baseUrl + page.path, { waitUntil: "load" });
      await tab.waitForTimeout(5_000);
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(path.join(LIGHTHOUSE_DIR, `${page.key}.cpuprofile`), JSON.stringify(profile));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** BENCH_SCREENSHOTS=1: full-page screenshots at 1280 and 390 px next to the reports, to look at before/after a change. */
async function screenshots(baseUrl: string, cookie: string, pages: Page[]) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
  try {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const tab = await context.newPage();
      for (const page of pages) {
        await context.clearCookies();
        if (!page.public) await context.addCookies([sessionCookie(baseUrl, cookie), viewerZoneCookie(baseUrl)]);
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
      { key: "booth", label: "/dashboard/booth (phone)", path: "/dashboard/booth" },
      { key: "booking", label: "/book/:event signed out (public booking page)", path: `/book/${eventSlug}`, public: true },
      // What this machine allows at all: the sign-in page has almost no client JavaScript, so its
      // score is the ceiling the app pages can be held against on the same (shared, noisy) CPU.
      { key: "floor-login", label: "/login signed out (reference, no budget)", path: "/login", floor: true },
    ];
    const only = process.env.BENCH_LH_PAGES?.split(",");
    const runs = Number(process.env.BENCH_LH_RUNS ?? (ctx.quick ? 1 : 3));
    const onlyFormFactors = process.env.BENCH_LH_FORM_FACTORS?.split(",");
    const formFactors = FORM_FACTORS.filter((f) => !onlyFormFactors || onlyFormFactors.includes(f.name));
    mkdirSync(LIGHTHOUSE_DIR, { recursive: true });

    // Warm the server (code paths, plans, caches) so Lighthouse measures a warm server like the http case.
    for (const page of pages) await (await fetch(server.baseUrl + page.path, { headers: page.floor || page.public ? {} : { cookie: server.cookie } })).arrayBuffer();

    if (process.env.BENCH_SCREENSHOTS === "1") await screenshots(server.baseUrl, server.cookie, pages.filter((p) => !p.floor));
    if (process.env.BENCH_LH_PROFILE === "1") await cpuProfiles(server.baseUrl, server.cookie, pages.filter((p) => !only || only.includes(p.key)));

    const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
    const results: BenchResult[] = [];
    try {
      for (const page of pages.filter((p) => !only || only.includes(p.key))) {
        await setBrowserSession(chrome.port, server.baseUrl, page.floor || page.public ? null : server.cookie);
        for (const formFactor of formFactors) {
          const flags: Flags = {
            port: chrome.port,
            logLevel: "error",
            output: ["json", "html"],
            onlyCategories: ["performance", "accessibility", "best-practices"],
          };
          const attempts: { lhr: Result; report: string | string[] }[] = [];
          let runtimeErrors = 0;
          for (let i = 0; i < runs; i++) {
            const result = await lighthouse(server.baseUrl + page.path, flags, formFactor.config);
            if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`);
            if (result.lhr.runtimeError) {
              // On a loaded machine Chromium can miss a DevTools deadline (e.g. Network.getResponseBody):
              // that run measured nothing, so it is run again, a few times at most, and counted in the
              // note; a page that keeps failing is reported as not measured (a missed budget).
              ctx.log(`lighthouse ${page.key} ${formFactor.name}: run failed (${result.lhr.runtimeError.message})${runtimeErrors < MAX_RUNTIME_ERRORS ? ", running it again" : ""}`);
              if (++runtimeErrors > MAX_RUNTIME_ERRORS) break;
              i--;
              continue;
            }
            if (new URL(result.lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${result.lhr.finalDisplayedUrl} (not signed in?)`);
            attempts.push({ lhr: result.lhr, report: result.report });
          }
          if (attempts.length < runs) {
            // This page could not be measured: a missed budget for it, and the other pages still run.
            results.push({
              id: `lighthouse.${page.key}.${formFactor.name}`,
              group: "lighthouse",
              label: `${page.label} · ${formFactor.name}`,
              metrics: { completed: 0 },
              budgets: [{ metric: "completed", min: 1 }],
              note: `${runtimeErrors} of ${attempts.length + runtimeErrors} Lighthouse runs failed (see the log); not measured`,
            });
            continue;
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
            ...javascript(lhr),
          };
          const misses = [...failing(lhr, "performance"), ...failing(lhr, "accessibility")];
          ctx.log(
            `lighthouse ${page.key} ${formFactor.name}: perf ${metrics.performance} (${attempts.map((a) => score(a.lhr, "performance")).join("/")}), a11y ${metrics.accessibility}, bp ${metrics.bestPractices}, LCP ${metrics.lcpMs} ms, TBT ${metrics.tbtMs} ms, CLS ${metrics.cls}, JS ${metrics.jsFiles} files ${metrics.jsKb} kB (${metrics.jsParsedKb} kB parsed)${misses.length ? ` — below 0.9: ${misses.join(", ")}` : ""}`,
          );
          results.push({
            id: `lighthouse.${page.key}.${formFactor.name}`,
            group: "lighthouse",
            label: `${page.label} · ${formFactor.name}`,
            metrics,
            budgets: page.floor ? [] : BUDGETS[formFactor.name],
            note: `median of ${runs} by performance${runtimeErrors ? ` (${runtimeErrors} failed run${runtimeErrors === 1 ? "" : "s"} repeated)` : ""}; report ${path.relative(process.cwd(), base)}.report.html${misses.length ? `; below 0.9: ${misses.join(", ")}` : ""}`,
          });
        }
      }
    } finally {
      chrome.kill();
    }
    return results;
  },
};
