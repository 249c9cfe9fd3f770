"use client";
import dynamic from "next/dynamic";

/**
 * The presence avatars, loaded after the page has hydrated: they render nothing until the first
 * heartbeat answers (there is nothing to show in the server HTML), and their tooltips bring Radix
 * Tooltip with floating-ui — ~125 kB of source that every page, the booth on a phone included,
 * used to parse and run before it could respond (docs/PERFORMANCE.md, "Lighthouse, round 9").
 */
export const PresenceAvatars = dynamic(() => import("./presence-avatars").then((m) => m.PresenceAvatars), { ssr: false });
