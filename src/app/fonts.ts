import localFont from "next/font/local";

// Geist Mono, as `geist/font/mono` declares it but not preloaded: it only sets small labels
// (activity types, code), so it must not compete with the page's own text and scripts for the
// first bytes on a phone connection. The browser fetches it when such a label first renders.
export const GeistMono = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Roboto Mono", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", "Courier New", "monospace"],
  weight: "100 900",
  preload: false,
});
