import * as Sentry from "@sentry/nextjs";

// Sentry on the server and edge runtimes, only when SENTRY_DSN is set: nothing is sent without
// it. Only 5xx reach Sentry: the route wrapper reports unexpected errors itself, and
// onRequestError covers errors thrown while rendering pages.
export async function register() {
  if (!process.env.SENTRY_DSN) return;
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    environment: process.env.VERCEL_ENV ?? process.env.NODE_ENV,
    tracesSampleRate: 0,
  });
}

export const onRequestError: typeof Sentry.captureRequestError = (...args) => {
  if (process.env.SENTRY_DSN) Sentry.captureRequestError(...args);
};
