import { Head, Html, Main, NextScript } from "next/document";

/** The Pages Router's HTML document, as the App Router's root layout writes it (language, theme colour). */
export default function BookingDocument() {
  return (
    <Html lang="en">
      <Head>
        <meta name="theme-color" content="#4f46e5" />
        <link rel="icon" href="/favicon.ico" sizes="any" />
      </Head>
      <body className="min-h-dvh">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
