import type { PageConfig } from "next";
import Head from "next/head";
import { AlertTriangle } from "lucide-react";
import { MessageCard, MessagePage } from "@/components/ui/message-card";

/**
 * What a Pages Router page (the booth, the public booking page) shows when its server side fails:
 * the App Router's error page says the same. Built once, static: it must not need the database.
 * On the booth, nothing on the phone is touched: captures waiting to sync stay in its queue.
 * Plain HTML without the framework's script: it is built before any request, so it has no CSP
 * nonce, and it needs no script anyway.
 */
export const config: PageConfig = { unstable_runtimeJS: false };

export default function ServerErrorPage() {
  return (
    <>
      <Head>
        <title>Something went wrong · EventOps</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <MessagePage>
        <MessageCard icon={AlertTriangle} tone="destructive" role="alert">
          <h1 className="text-lg font-semibold">Something went wrong</h1>
          <p className="mt-1 text-sm text-muted-foreground">The page could not be shown. Your data is safe, and captures saved on this phone stay there until they sync. Reload the page to try again.</p>
          <a href="/dashboard" className="mt-6 inline-block text-sm font-medium text-primary underline">Go to dashboard</a>
        </MessageCard>
      </MessagePage>
    </>
  );
}
