import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isDemoMode } from "@/server/env";
import { formatInZone } from "@/lib/time";
import { listOutbox } from "@/server/email/outbox";

export const metadata: Metadata = { title: "Development mailbox" };

// Only exists in development/demo mode: production has real mail and no such page.
export default async function DevMailboxPage() {
  await connection();
  if (!isDemoMode()) notFound();
  const messages = await listOutbox(50);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Development mailbox</h1>
      <p className="mt-1 text-sm text-muted-foreground">Mail the app sent without a mail server, newest first. This page does not exist in production.</p>
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
          </li>
        ))}
      </ol>
    </main>
  );
}
