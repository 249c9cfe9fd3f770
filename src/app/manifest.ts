import type { MetadataRoute } from "next";

/** The installable booth app: it opens on the booth view, full screen, one thumb. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "EventOps Booth",
    short_name: "Booth",
    description: "Capture leads, scan badges and run booth meetings — online or not.",
    id: "/dashboard/booth",
    start_url: "/dashboard/booth",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
