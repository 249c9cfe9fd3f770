import * as Sentry from "@sentry/nextjs";

// Browser error reporting: unhandled errors only, and only with NEXT_PUBLIC_SENTRY_DSN set.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  Sentry.init({ dsn, tracesSampleRate: 0 });
}

export const onRouterTransitionStart = dsn ? Sentry.captureRouterTransitionStart : undefined;
