"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { browserTimeZone, VIEWER_ZONE_COOKIE } from "@/lib/time";

/**
 * How long a returning rep's page waits before checking that the stored zone is still the
 * browser's. Asking the browser for its zone is the page's first use of the time-zone database:
 * ~35 ms of main thread on a mid-range phone (130 ms under Lighthouse's 4× slowdown), which used
 * to land in the middle of hydration on every full page load (docs/PERFORMANCE.md, "Lighthouse,
 * round 9"). A rep who flew to the show sees the page re-rendered in the new zone a few seconds
 * after the first load instead of at once.
 */
const RECHECK_AFTER_MS = 8_000;

/**
 * Tells the server the viewer's time zone (a cookie), so server-rendered activity times are in
 * the rep's own zone. When it is unknown (a first visit) it is stored at once and the page is
 * rendered again with it; when it is known, it is checked once the page has settled, and a
 * changed zone (travelling to the show) re-renders the page then.
 */
export function ViewerZone() {
  const router = useRouter();
  useEffect(() => {
    const stored = document.cookie.split("; ").find((c) => c.startsWith(`${VIEWER_ZONE_COOKIE}=`))?.split("=")[1];
    const check = () => {
      const zone = browserTimeZone();
      if (stored && decodeURIComponent(stored) === zone) return;
      document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    };
    if (!stored) {
      check();
      return;
    }
    const timer = setTimeout(check, RECHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [router]);
  return null;
}
