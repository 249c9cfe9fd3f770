import * as Sentry from "@sentry/nextjs";

// zod builds a fast parser for object schemas with `new Function`, after probing once whether
// eval is allowed. Our Content-Security-Policy has no 'unsafe-eval', so the probe is refused and
// Chrome records a "Content security policy" issue (and a securitypolicyviolation) on every page
// that validates in the browser: the booth's capture and sync, the record forms. `jitless` skips
// the probe and the compiler. zod reads its settings from this global when it first loads, and
// this file runs before any of the app's modules, so no schema is built before it is set.
const zodHost = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodHost.__zod_globalConfig = { ...zodHost.__zod_globalConfig, jitless: true };

// Browser error reporting: unhandled errors only, and only with NEXT_PUBLIC_SENTRY_DSN set.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  Sentry.init({ dsn, tracesSampleRate: 0 });
}

export const onRouterTransitionStart = dsn ? Sentry.captureRouterTransitionStart : undefined;
