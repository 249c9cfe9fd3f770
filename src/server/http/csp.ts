/**
 * The Content-Security-Policy of every page. Scripts run only with the per-request nonce that
 * src/proxy.ts puts in this header (Next.js reads it from the request and stamps its own inline
 * and bundle scripts with it) or from our own origin: no 'unsafe-inline', no third-party script
 * origins. Development adds 'unsafe-eval' for React Refresh. Styles keep 'unsafe-inline' (Radix
 * and Next inject style attributes); the rest is locked to our origin.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; vercel: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${options.development ? " 'unsafe-eval'" : ""}${options.vercel ? " https://va.vercel-scripts.com" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The booth's service worker and install manifest, named explicitly so they never fall
    // back to a directive that does not list our origin.
    "worker-src 'self'",
    "manifest-src 'self'",
    "connect-src 'self' https://*.ingest.sentry.io https://*.ingest.us.sentry.io",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://accounts.google.com",
  ].join("; ");
}

/** API answers are data, never documents: nothing in them may load or run. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** 128 random bits, base64: a fresh one per page request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
