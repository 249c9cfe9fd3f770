import { AlarmClock, MailWarning, Reply, UserX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInZone } from "@/lib/time";
import { SuppressSuggestion } from "@/components/outreach/suppress-suggestion";

export type InboundItem = {
  id: string;
  kind: "REPLY" | "AUTO_REPLY" | "BOUNCE" | "REMOVAL_REQUEST" | "UNMATCHED";
  source: string;
  fromEmail: string | null;
  fromName: string | null;
  text: string;
  fullText: string | null;
  receivedAt: Date;
  readAt: Date | null;
  bounceType: string | null;
  bounceStatus: string | null;
  bounceDetail: string | null;
  returnAt: Date | null;
  forwardedAt: Date | null;
  forwardError: string | null;
  person: { id: string; name: string } | null;
};

const KIND: Record<InboundItem["kind"], { label: string; icon: typeof Reply; variant: "success" | "warning" | "destructive" | "secondary" }> = {
  REPLY: { label: "Reply", icon: Reply, variant: "success" },
  REMOVAL_REQUEST: { label: "Asked to stop", icon: UserX, variant: "warning" },
  AUTO_REPLY: { label: "Out of office", icon: AlarmClock, variant: "secondary" },
  BOUNCE: { label: "Bounce", icon: MailWarning, variant: "destructive" },
  UNMATCHED: { label: "Unmatched", icon: MailWarning, variant: "secondary" },
};

const SOURCE: Record<string, string> = { sendgrid: "inbound domain", mime: "inbound domain", imap: "synced mailbox", dev: "development mailbox" };

/** The outreach thread: what came back for this message, newest last, the reply text without its quoted history. */
export function InboundThread({ items, timeZone, suppressedEmails, isOwner }: { items: InboundItem[]; timeZone: string; suppressedEmails: ReadonlySet<string>; isOwner: boolean }) {
  if (items.length === 0) return null;
  return (
    <Card data-testid="inbound-thread">
      <CardHeader>
        <CardTitle>Replies ({items.length})</CardTitle>
        <CardDescription>What came back for this message, captured without anyone marking it. Quoted history is hidden; open “Whole message” for it.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-4">
          {items.map((item) => {
            const kind = KIND[item.kind];
            const Icon = kind.icon;
            const who = item.person?.name ?? item.fromName ?? item.fromEmail ?? "Unknown sender";
            return (
              <li key={item.id} className="flex flex-col gap-2 rounded-md border p-3" data-testid="inbound-item">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="font-medium">{who}</span>
                  {item.fromEmail && item.fromEmail !== who ? <span className="min-w-0 truncate text-xs text-muted-foreground">{item.fromEmail}</span> : null}
                  <Badge variant={kind.variant}>{kind.label}</Badge>
                  {!item.readAt && (item.kind === "REPLY" || item.kind === "REMOVAL_REQUEST") && isOwner ? <Badge>New</Badge> : null}
                  <span className="ml-auto text-xs text-muted-foreground">{formatInZone(item.receivedAt, timeZone)} · via {SOURCE[item.source] ?? item.source}</span>
                </div>
                {item.kind === "BOUNCE" ? (
                  <p className="text-sm">
                    {item.bounceType === "hard" ? "The address does not accept mail: it is on the do-not-email list now."
                      : item.bounceType === "soft" ? "Not delivered for now; the message is sent again later."
                        : item.bounceType === "delayed" ? "The receiving server is still trying to deliver it."
                          : "The receiving server confirmed delivery."}
                    {item.bounceDetail || item.bounceStatus ? <span className="block break-all text-xs text-muted-foreground">The receiving server said: {item.bounceDetail ?? item.bounceStatus}</span> : null}
                  </p>
                ) : (
                  <div className="whitespace-pre-wrap break-words rounded-md bg-muted/50 p-3 text-sm" data-testid="inbound-text">{item.text || "(no text)"}</div>
                )}
                {item.kind === "AUTO_REPLY" && item.returnAt ? (
                  <p className="text-xs text-muted-foreground">
                    Sequences paused until {item.returnAt.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" })}, then they resume by themselves.
                  </p>
                ) : null}
                {item.kind === "REMOVAL_REQUEST" && item.fromEmail ? <SuppressSuggestion email={item.fromEmail} alreadyListed={suppressedEmails.has(item.fromEmail.toLowerCase())} /> : null}
                {item.forwardedAt ? <p className="text-xs text-muted-foreground">Forwarded to the owner&apos;s mailbox {formatInZone(item.forwardedAt, timeZone)}.</p> : null}
                {item.forwardError ? <p className="text-xs text-destructive">Could not forward it to the owner&apos;s mailbox: {item.forwardError}</p> : null}
                {item.fullText && item.fullText.trim() !== item.text.trim() ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Whole message</summary>
                    <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md bg-muted/50 p-3">{item.fullText}</pre>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
