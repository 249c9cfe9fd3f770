import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { MessageCard, MessagePage } from "@/components/ui/message-card";
import { isDemoMode } from "@/server/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  await connection();
  const demo = isDemoMode();
  return (
    <MessagePage>
      <MessageCard icon={MailCheck}>
        <h1 className="text-xl font-semibold">Check your email</h1>
        <p className="mt-2 text-sm text-muted-foreground">If this address may sign in, a link is on its way. It works once and expires in 15 minutes.</p>
        <p className="mt-2 text-sm text-muted-foreground">Nothing after a few minutes? Check the address, or wait 10 minutes before asking again: we send a few links per address at a time.</p>
        {demo ? (
          <p className="mt-4 text-sm">
            Demo mode: open the <Link className="font-medium text-primary underline" href="/dev/mailbox">development mailbox</Link> on the computer running EventOps to click the link.
          </p>
        ) : null}
        <p className="mt-6 text-sm"><Link className="text-muted-foreground underline" href="/login">Use a different address</Link></p>
      </MessageCard>
    </MessagePage>
  );
}
