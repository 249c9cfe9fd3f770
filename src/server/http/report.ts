import * as Sentry from "@sentry/nextjs";
import { env } from "@/server/env";

/** Report an unexpected server error to Sentry (a no-op when no DSN is configured). */
export function reportError(error: unknown, context: Record<string, unknown>): void {
  if (!env().SENTRY_DSN) return;
  Sentry.withScope((scope) => {
    if (typeof context.userId === "string") scope.setUser({ id: context.userId });
    scope.setContext("request", context);
    Sentry.captureException(error);
  });
}
