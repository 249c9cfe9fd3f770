import type { Metadata } from "next";
import { connection } from "next/server";
import { MailX } from "lucide-react";
import { MessageCard, MessagePage } from "@/components/ui/message-card";
import { Button } from "@/components/ui/button";
import { describeUnsubscribe } from "@/server/tracking/events";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

// Public page behind the signed link in every email: confirm first, so link scanners that
// fetch the page do not unsubscribe anyone; the POST (form or one-click) does the work.
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  await connection();
  const { token } = await params;
  const { done } = await searchParams;
  const info = await describeUnsubscribe(token);
  return (
    <MessagePage className="bg-muted/40">
      <MessageCard icon={MailX}>
        {!info ? (
          <>
            <h1 className="text-xl font-semibold">This link is not valid</h1>
            <p className="mt-2 text-sm text-muted-foreground">It may have been copied incompletely. Reply to the email and ask us to stop, and we will.</p>
          </>
        ) : done || info.alreadyUnsubscribed ? (
          <>
            <h1 className="text-xl font-semibold">You are unsubscribed</h1>
            <p className="mt-2 text-sm text-muted-foreground" data-testid="unsubscribe-done">
              We will not email <strong className="text-foreground">{info.email}</strong> again.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Unsubscribe?</h1>
            <p className="mt-2 text-sm text-muted-foreground">
              Stop all emails from us to <strong className="text-foreground">{info.email}</strong>.
            </p>
            <form method="post" action={`/api/unsubscribe/${token}`} className="mt-6">
              <Button type="submit" className="w-full">Unsubscribe</Button>
            </form>
          </>
        )}
      </MessageCard>
    </MessagePage>
  );
}
