import localFont from "next/font/local";

// Both fonts are the `geist` package's files, named by path so that they can be declared without
// a preload (its own `geist/font/*` modules preload). knip.json lists `geist` for that reason: no
// module imports it.

// Geist Sans, as `geist/font/sans` declares it, for wide screens only: below the desktop layout
// `font-sans` is the device's own UI font (globals.css), so phones never fetch Geist. Not
// preloaded (a preload would fetch it on phones too, in front of the page's stylesheet and
// scripts), and "optional": a desktop page paints in Geist if it arrives within ~100 ms, else in
// the size-adjusted fallback for that page view, so text never reflows when it lands ("swap" did:
// CLS 0.095 on the sign-in page).
export const GeistSans = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  preload: false,
  display: "optional",
});

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
