import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";

/** The nonce of this response's Content-Security-Policy (src/proxy.ts puts the policy on the request). */
function requestNonce(policy: string | string[] | undefined): string | undefined {
  return (Array.isArray(policy) ? policy[0] : policy)?.match(/'nonce-([^']+)'/)?.[1];
}

/**
 * The Pages Router's HTML document, as the App Router's root layout writes it (language, theme
 * colour). The App Router puts the CSP nonce on its scripts by itself; here it is passed to
 * Next.js's scripts by hand, or the browser refuses the booth's inline bootstrap script.
 */
export default class PagesDocument extends Document<{ nonce?: string }> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & { nonce?: string }> {
    const initialProps = await Document.getInitialProps(ctx);
    return { ...initialProps, nonce: requestNonce(ctx.req?.headers["content-security-policy"]) };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce}>
          <meta name="theme-color" content="#4f46e5" />
          <link rel="icon" href="/favicon.ico" sizes="any" />
        </Head>
        <body className="min-h-dvh">
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
