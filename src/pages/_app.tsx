import type { AppProps } from "next/app";
import { GeistSans } from "geist/font/sans";
import "@/app/globals.css";

/**
 * The Pages Router's frame, for the one page that lives there: the public booking page
 * (src/pages/book, docs/ARCHITECTURE.md "Why one Pages Router page"). Same stylesheet and font as
 * the App Router's root layout, so the page looks like the rest of the app.
 */
export default function BookingApp({ Component, pageProps }: AppProps) {
  return (
    <div className={GeistSans.className}>
      <Component {...pageProps} />
    </div>
  );
}
