import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSerwistRoute } from "@serwist/turbopack";

/**
 * The booth's service worker (src/sw.ts), bundled with esbuild and given the precache manifest
 * of the build's static files: Serwist's way of working with Turbopack, which has no plugin API.
 * It is generated once at build time (force-static) and served as /serwist/sw.js. Not an API
 * route: it answers with a static script, so it needs neither the API wrapper nor a rule.
 */

// The offline page changes only with its source: its revision is that file's hash.
const offlineRevision = createHash("sha256").update(readFileSync("src/app/offline/page.tsx")).digest("hex").slice(0, 16);

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "src/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision: offlineRevision }],
  // Code, styles and icons only: no source maps, no build manifests, and no fonts. A phone reads
  // in its own font and never needs Geist (src/app/fonts.ts); a desktop caches Geist when it first
  // uses it (src/sw.ts caches every /_next/static/ file it fetches).
  globPatterns: [".next/static/**/*.{js,css}", "public/icons/*.png"],
});
