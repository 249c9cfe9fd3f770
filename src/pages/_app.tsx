import type { AppProps } from "next/app";
import { GeistSans } from "geist/font/sans";
import "@/app/globals.css";

/**
 * The Pages Router's frame, for the two pages that live there: the public booking page
 * (src/pages/book) and the booth (src/pages/dashboard/booth.tsx); docs/ARCHITECTURE.md "Why two
 * Pages Router pages". Same stylesheet and font as the App Router's root layout, so the pages
 * look like the rest of the app.
 */
export default function PagesRouterApp({ Component, pageProps }: AppProps) {
  return (
    <div className={GeistSans.className}>
      <Component {...pageProps} />
    </div>
  );
}
