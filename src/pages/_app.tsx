import type { AppProps } from "next/app";
import { GeistSans } from "@/app/fonts";
import "@/app/globals.css";
import { hydrateInTransition } from "@/lib/pages-router/hydrate-in-transition";

hydrateInTransition();

/**
 * The Pages Router's frame, for the two pages that live there: the public booking page
 * (src/pages/book) and the booth (src/pages/dashboard/booth.tsx); docs/ARCHITECTURE.md "Why two
 * Pages Router pages". Same stylesheet and font as the App Router's root layout, so the pages
 * look like the rest of the app.
 */
export default function PagesRouterApp({ Component, pageProps }: AppProps) {
  return (
    // The font as a variable, as the root layout sets it: `font-sans` picks Geist from it on wide
    // screens and the phone's own font below them (globals.css), so a phone never downloads Geist.
    <div className={`${GeistSans.variable} font-sans`}>
      <Component {...pageProps} />
    </div>
  );
}
