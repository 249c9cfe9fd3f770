import { prepareClassMerge } from "@/lib/utils";

// zod builds a fast parser for object schemas with `new Function`, after probing once whether
// eval is allowed. Our Content-Security-Policy has no 'unsafe-eval', so the probe is refused and
// Chrome records a "Content security policy" issue (and a securitypolicyviolation) on every page
// that validates in the browser: the booth's capture and sync, the record forms. `jitless` skips
// the probe and the compiler. zod reads its settings from this global when it first loads, and
// this file runs before any of the app's modules, so no schema is built before it is set.
const zodHost = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodHost.__zod_globalConfig = { ...zodHost.__zod_globalConfig, jitless: true };

// tailwind-merge builds its class map (every class group of Tailwind's default config) on its first
// merge: ~20 ms on this machine, ~100 ms under Lighthouse's 4× phone slowdown. Left to the first
// component that renders with cn(), it ran inside one hydration slice, which React cannot split,
// and all of it past 50 ms was blocking time (docs/PERFORMANCE.md, round 19). Posted from here,
// before hydration schedules its own work, it runs as a task of its own just before React's first
// slice, on every page.
const classMergeTask = new MessageChannel();
classMergeTask.port1.onmessage = () => {
  classMergeTask.port1.close();
  prepareClassMerge();
};
classMergeTask.port2.postMessage(null);

// Browser error reporting: unhandled errors only, and only with NEXT_PUBLIC_SENTRY_DSN set.
// The SDK is imported on demand, not statically: this file is part of every page's first script,
// and a static import put the whole Sentry browser SDK (with web-vitals and the Pages Router it
// instruments) into it — on every page, DSN or not, parsed and run before hydration on a phone
// (docs/PERFORMANCE.md, "Lighthouse, round 9"). Without a DSN the import is never reached and
// its chunk never loaded; with one, an error thrown before the SDK has loaded is not reported.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
type SentryModule = typeof import("@sentry/nextjs");
let sentry: SentryModule | undefined;
if (dsn) {
  void import("@sentry/nextjs").then((loaded) => {
    loaded.init({ dsn, tracesSampleRate: 0 });
    sentry = loaded;
  });
}

export const onRouterTransitionStart = dsn
  ? (...args: Parameters<SentryModule["captureRouterTransitionStart"]>) => sentry?.captureRouterTransitionStart(...args)
  : undefined;
