"use client";
import { useEffect, useState } from "react";

const SW_URL = "/serwist/sw.js";

/**
 * Installs the booth's service worker (src/sw.ts) and asks it to keep this page for offline use.
 * Answers true once the worker holds the page, false where the browser cannot (no service
 * workers, private mode), null while it is still finding out.
 */
export function useServiceWorker(): boolean | null {
  const [ready, setReady] = useState<boolean | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        if (!("serviceWorker" in navigator)) throw new Error("no service workers in this browser");
        await navigator.serviceWorker.register(SW_URL, { scope: "/", type: "module" });
        const registration = await navigator.serviceWorker.ready;
        const worker = registration.active;
        if (!worker || !navigator.onLine) return setReady(Boolean(worker));
        // The page was loaded before the worker ran: have it store the page now (Serwist's CACHE_URLS).
        const channel = new MessageChannel();
        const stored = new Promise<void>((resolve) => {
          channel.port1.onmessage = () => resolve();
          setTimeout(resolve, 10_000);
        });
        worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.pathname] } }, [channel.port2]);
        await stored;
        if (!cancelled) setReady(true);
      } catch {
        if (!cancelled) setReady(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return ready;
}
