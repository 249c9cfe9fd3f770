/// <reference lib="webworker" />
/**
 * The service worker that lets the booth work in airplane mode (built by Serwist's Turbopack
 * route, src/app/serwist/[path]/route.ts, served as /serwist/sw.js).
 *
 * What it caches, and why only that:
 *   - the build's code, styles and icons, precached at install, so the booth's code is on the
 *     phone before the first offline moment (not the fonts: a phone does not use Geist), and any
 *     other /_next/static/ file (a desktop's fonts) once it has been fetched;
 *   - the booth page itself (/dashboard/booth, any query): network first, the cached copy when
 *     the network fails or takes longer than 4 s (venue Wi-Fi), so a reload offline still opens
 *     the booth. A redirect (to /login) or an error page is never stored as the booth;
 *   - the offline page (/offline), shown for any other page opened without a connection.
 * Everything else — every API call and every other page — goes to the network as if there were
 * no worker: the booth's data lives in IndexedDB (src/lib/booth/offline-store.ts), not in HTTP
 * caches, so no stale API answer is ever shown as fresh.
 */
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const onlyRealPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && !response.redirected && response.headers.get("content-type")?.includes("text/html") ? response : null),
};

const boothPage = new NetworkFirst({
  cacheName: "booth-pages",
  networkTimeoutSeconds: 4,
  matchOptions: { ignoreSearch: true, ignoreVary: true },
  plugins: [onlyRealPages],
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && url.pathname === "/dashboard/booth", handler: boothPage },
    // Serwist's CACHE_URLS message (sent by the booth after the worker starts) is not a navigation.
    { matcher: ({ url, sameOrigin, request }) => sameOrigin && url.pathname === "/dashboard/booth" && request.headers.get("RSC") !== "1", handler: boothPage },
    // The build's static files have content-hashed names: what is cached is never stale.
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 86_400 })] }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline", matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
