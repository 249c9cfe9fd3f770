import * as Sentry from "@sentry/nextjs";

// Runs once when a server starts (Next.js calls register() before the first request).
// - Node.js: the configuration check (a production server without APP_URL, a strong AUTH_SECRET
//   or CRON_SECRET stops here with one clear message, src/server/env.ts) and the peer-address
//   stamp that rate limits and the dev mailbox rely on (src/server/http/client-ip.ts).
// - Sentry on the server and edge runtimes, only when SENTRY_DSN is set: nothing is sent without
//   it. Only 5xx reach Sentry: the route wrapper reports unexpected errors itself, and
//   onRequestError covers errors thrown while rendering pages.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ assertBootConfig }, { installPeerAddressStamp }] = await Promise.all([import("@/server/env"), import("@/server/http/client-ip")]);
    try {
      assertBootConfig();
    } catch (error) {
      // Next.js would log a thrown error and keep serving; a misconfigured server must not.
      console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    installPeerAddressStamp();
  }
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
