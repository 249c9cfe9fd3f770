import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProspectActions } from "@/components/dev/prospect-actions";
import { isDemoMode } from "@/server/env";
import { formatInZone } from "@/lib/time";
import { isDirectLoopbackRequest } from "@/server/http/client-ip";
import { listOutbox } from "@/server/email/outbox";

export const metadata: Metadata = { title: "Development mailbox" };

// Only exists in demo mode, and only for a browser on this machine: it shows everyone's
// sign-in links. "On this machine" is the socket's peer address as our server stamped it, with
// no forwarding header and a loopback Host (client-ip.ts), never a header a caller could write.
export default async function DevMailboxPage() {
  await connection();
  if (!isDemoMode() || !isDirectLoopbackRequest(await headers())) notFound();
  const messages = await listOutbox(50);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Development mailbox</h1>
      <p className="mt-1 text-sm text-muted-foreground">Mail the app sent without a mail server, newest first. Only this computer can open this page, and only in demo mode.</p>
      <p className="mt-1 text-sm text-muted-foreground">
        Answer an outreach message as its recipient to see what happens when they reply, are out of the office or the address bounces: a real message goes through the same inbound path as production mail.
      </p>
      {messages.length === 0 ? <p className="mt-8 text-sm text-muted-foreground">No messages yet.</p> : null}
      <ol className="mt-6 flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border bg-card p-4 shadow-sm" data-testid="mailbox-message">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-medium">{m.subject}</h2>
              <time className="text-xs text-muted-foreground" dateTime={m.createdAt.toISOString()}>{formatInZone(m.createdAt, "UTC")}</time>
            </div>
            <p className="text-xs text-muted-foreground">To {m.toEmail} · from {m.fromEmail} · {m.kind}</p>
            <div className="mt-3 whitespace-pre-wrap break-words text-sm">
              {m.text.split(/(https?:\/\/\S+)/g).map((part, i) =>
                /^https?:\/\//.test(part) ? <a key={i} href={part} className="text-primary underline">{part}</a> : <span key={i}>{part}</span>,
              )}
            </div>
            {m.kind === "outreach" ? <ProspectActions outboxId={m.id} /> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
