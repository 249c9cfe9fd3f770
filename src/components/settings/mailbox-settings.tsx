"use client";
import { useState, type FormEvent } from "react";
import { Inbox, Loader2, RefreshCw, Unplug } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { formatInZone } from "@/lib/time";
import { apiFetch } from "@/lib/api-client";
import { FormMessage } from "@/components/ui/form-message";
import { FormField } from "@/components/ui/form-field";

export type MailboxRow = {
  id: string; label: string; host: string; port: number; secure: boolean; username: string; folder: string; shared: boolean;
  owner: { id: string; name: string | null; email: string } | null;
  lastSyncAt: string | null; lastError: string | null; repliesFound: number; canManage: boolean;
};

type Status = { inboundDomain: string | null; inboundEndpointReady: boolean; demoMode: boolean; encryptionReady: boolean };

/**
 * Settings → how replies come back. With an inbound domain they arrive by themselves; without
 * one, each rep connects the mailbox their replies land in (an admin can add a shared one, e.g.
 * where bounces go) and EventOps polls it every few minutes for messages in our threads.
 */
export function MailboxSettings({ isAdmin, currentUserId, status, initial, timeZone }: { isAdmin: boolean; currentUserId: string; status: Status; initial: MailboxRow[]; timeZone: string }) {
  const [rows, setRows] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [secure, setSecure] = useState(true);
  const [port, setPort] = useState("993");
  const mine = rows.some((r) => r.owner?.id === currentUserId);

  async function onConnect(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fields = new FormData(form);
    setBusy("connect");
    setMessage(null);
    const result = await apiFetch<MailboxRow>("/api/mailboxes", {
      method: "POST",
      body: {
        host: String(fields.get("host") ?? ""), port: Number(port), secure, username: String(fields.get("username") ?? ""),
        password: String(fields.get("password") ?? ""), folder: String(fields.get("folder") ?? "") || "INBOX", shared: fields.get("shared") === "on",
        ...(String(fields.get("label") ?? "").trim() ? { label: String(fields.get("label")).trim() } : {}),
      },
    });
    setBusy(null);
    if (!result.success) {
      setMessage({ kind: "error", text: result.error });
      return;
    }
    form.reset();
    setRows((current) => [...current, result.data]);
    setMessage({ kind: "ok", text: `${result.data.username} is connected: EventOps looks for replies in it every few minutes.` });
  }

  async function onSync(row: MailboxRow) {
    setBusy(row.id);
    setMessage(null);
    const result = await apiFetch<{ result: { status: string; recorded: number; error?: string }; mailbox: MailboxRow }>(`/api/mailboxes/${row.id}/sync`, { method: "POST" });
    setBusy(null);
    if (!result.success) {
      setMessage({ kind: "error", text: result.error });
      return;
    }
    setRows((current) => current.map((r) => (r.id === row.id ? result.data.mailbox : r)));
    const { recorded, error } = result.data.result;
    setMessage(error ? { kind: "error", text: error } : { kind: "ok", text: recorded === 0 ? "Synced: nothing new." : `Synced: ${recorded} new ${recorded === 1 ? "reply" : "replies"} recorded.` });
  }

  async function onDisconnect(row: MailboxRow) {
    if (!window.confirm(`Stop looking for replies in ${row.username}? Its password is erased; replies already found stay.`)) return;
    setBusy(row.id);
    setMessage(null);
    const result = await apiFetch(`/api/mailboxes/${row.id}`, { method: "DELETE" });
    setBusy(null);
    if (!result.success) {
      setMessage({ kind: "error", text: result.error });
      return;
    }
    setRows((current) => current.filter((r) => r.id !== row.id));
    setMessage({ kind: "ok", text: `${row.username} is disconnected.` });
  }

  return (
    <Card data-testid="mailbox-settings">
      <CardHeader>
        <CardTitle>Replies</CardTitle>
        <CardDescription>
          {status.inboundDomain
            ? `Replies come back by themselves: every email asks for answers at an address on ${status.inboundDomain}, and each reply is forwarded to the rep's own mailbox.`
            : "Replies go to each rep's own address. Connect the mailbox they land in and EventOps picks up the ones to your outreach every few minutes, stopping sequences with no one clicking “Mark replied”."}
          {status.inboundDomain && !status.inboundEndpointReady ? " The inbound webhook is not reachable yet: INBOUND_PARSE_SECRET is not set." : ""}
          {status.demoMode ? " In the demo, try it from the development mailbox (/dev/mailbox): answer any sent message as the prospect." : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 [&>*]:min-w-0">
        <FormMessage message={message} />
        {rows.length > 0 ? (
          <ul className="divide-y rounded-lg border" aria-label="Connected mailboxes">
            {rows.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm" data-testid="mailbox-row">
                <Inbox className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="truncate font-medium">{row.label}</span>
                    {row.shared ? <Badge variant="secondary">Shared</Badge> : row.owner && row.owner.id !== currentUserId ? <Badge variant="outline">{row.owner.name ?? row.owner.email}</Badge> : null}
                  </div>
                  <div className="truncate text-xs text-muted-foreground">
                    {row.username} · {row.host}:{row.port} · {row.folder} · {row.repliesFound} found ·{" "}
                    {row.lastSyncAt ? `last checked ${formatInZone(row.lastSyncAt, timeZone)}` : "not checked yet"}
                  </div>
                  {row.lastError ? <div className="text-xs text-destructive">{row.lastError}</div> : null}
                </div>
                {row.canManage ? (
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" disabled={busy !== null} onClick={() => void onSync(row)} aria-label={`Look for replies in ${row.username} now`}>
                      {busy === row.id ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />} Sync now
                    </Button>
                    <Button variant="ghost" size="sm" disabled={busy !== null} onClick={() => void onDisconnect(row)} aria-label={`Disconnect ${row.username}`}>
                      <Unplug aria-hidden /> Disconnect
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {!status.encryptionReady ? (
          <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
            Connecting a mailbox is not set up on this server: it needs MAILBOX_ENCRYPTION_KEY to keep app passwords encrypted. An admin adds it to the environment (see docs/DEPLOY.md).
          </p>
        ) : mine && !isAdmin ? null : (
          <form onSubmit={onConnect} className="grid gap-3 rounded-lg border bg-muted/40 p-4 sm:grid-cols-2" aria-label="Connect a mailbox">
            <p className="text-sm sm:col-span-2">
              {mine ? "Connect another mailbox." : "Connect your mailbox."} Use an app password (Gmail, Outlook and iCloud make one in the account&apos;s security settings), not your normal password.
            </p>
            <FormField id="mailbox-host" label="IMAP server">
              <Input id="mailbox-host" name="host" required placeholder="imap.gmail.com" autoComplete="off" />
            </FormField>
            <FormField id="mailbox-port" label="Port">
              <Input id="mailbox-port" name="port" inputMode="numeric" required value={port} onChange={(e) => setPort(e.target.value)} />
            </FormField>
            <FormField id="mailbox-username" label="User name">
              <Input id="mailbox-username" name="username" required placeholder="you@yourcompany.com" autoComplete="off" />
            </FormField>
            <FormField id="mailbox-password" label="App password">
              <Input id="mailbox-password" name="password" type="password" required autoComplete="new-password" />
            </FormField>
            <FormField id="mailbox-folder" label="Folder">
              <Input id="mailbox-folder" name="folder" defaultValue="INBOX" />
            </FormField>
            <FormField id="mailbox-label" label="Name (optional)">
              <Input id="mailbox-label" name="label" placeholder="My work inbox" maxLength={100} />
            </FormField>
            <label className="flex items-center gap-2 text-sm">
              <Checkbox checked={secure} onCheckedChange={(v) => { setSecure(v === true); setPort(v === true ? "993" : "143"); }} />
              Encrypted connection (TLS, port 993); off: STARTTLS on 143
            </label>
            {isAdmin ? (
              <label className="flex items-center gap-2 text-sm">
                <Checkbox name="shared" /> A shared mailbox for the team (e.g. where bounces go)
              </label>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" disabled={busy !== null}>
                {busy === "connect" ? <Loader2 className="animate-spin" aria-hidden /> : <Inbox aria-hidden />} Check and connect
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
