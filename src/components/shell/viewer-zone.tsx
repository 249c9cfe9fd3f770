"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { browserTimeZone, VIEWER_ZONE_COOKIE } from "@/lib/time";

/**
 * Tells the server the viewer's time zone (a cookie), so server-rendered activity times are in
 * the rep's own zone. When it was unknown or changed (travelling to the show), the page is
 * rendered again once with the right zone.
 */
export function ViewerZone() {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone();
    const current = document.cookie.split("; ").find((c) => c.startsWith(`${VIEWER_ZONE_COOKIE}=`))?.split("=")[1];
    if (current && decodeURIComponent(current) === zone) return;
    document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
