"use client";
import { useEffect, useState } from "react";

const SW_URL = "/serwist/sw.js";

/**
 * Resolves once the page has loaded and the main thread is idle (at most a few seconds later):
 * installing the worker precaches the app's static files (about 1 MB over the wire), which must
 * not compete with the booth's own first paint and first taps on venue Wi-Fi.
 */
function afterLoadAndIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 3_000 }) : setTimeout(resolve, 1_000));
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
  });
}

/**
 * Installs the booth's service worker (src/sw.ts), once the page has loaded and is idle, and asks
 * it to keep this page for offline use.
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
        // A worker installed on an earlier visit already controls the page: nothing to wait for.
        if (!navigator.serviceWorker.controller) await afterLoadAndIdle();
        if (cancelled) return;
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
