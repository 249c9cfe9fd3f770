import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Bot, Eye, Inbox, MousePointerClick, Reply, Send, ShieldAlert, Truck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CHANNEL_LABEL, STATUS_LABEL, statusVariant } from "@/components/outreach/format";
import { formatInZone } from "@/lib/time";
import { InboundThread } from "@/components/outreach/inbound-thread";
import { OutreachActions } from "@/components/outreach/outreach-actions";
import { foundOr404 } from "@/server/http/not-found";
import { listInboundForOutreach, markRepliesRead } from "@/server/inbound/read";
import { findSuppressions } from "@/server/suppressions/service";
import { getOutreachOrThrow } from "@/server/outreach/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { ownedBy, refusalReason } from "@/server/access/permissions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Message" };

const EVENT_LABEL: Record<string, { label: string; icon: typeof Eye }> = {
  delivered: { label: "Delivered", icon: Truck },
  open: { label: "Opened", icon: Eye },
  click: { label: "Clicked", icon: MousePointerClick },
  reply: { label: "Replied", icon: Reply },
  auto_reply: { label: "Out-of-office reply", icon: Inbox },
  soft_bounce: { label: "Not delivered for now (will retry)", icon: ShieldAlert },
  deferred: { label: "Delivery delayed", icon: Truck },
  bounce: { label: "Bounced", icon: ShieldAlert },
  dropped: { label: "Dropped by provider", icon: ShieldAlert },
  spamreport: { label: "Reported as spam", icon: ShieldAlert },
  unsubscribe: { label: "Unsubscribed", icon: ShieldAlert },
};

export default async function OutreachDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) notFound();
  const { event } = actor;
  const o = await foundOr404(getOutreachOrThrow(id, actor));
  // Activity on a message is shown in the viewer's zone; a queued send also in the prospect's.
  const tz = viewerTimeZone;
  const inbound = await listInboundForOutreach(o.id);
  const suppressed = await findSuppressions(inbound.flatMap((i) => (i.kind === "REMOVAL_REQUEST" && i.fromEmail ? [i.fromEmail] : [])));
  // Shown as new this once; the owner has now seen them.
  await markRepliesRead(o.id, actor, o.owner?.id ?? null);
  const refusal = refusalReason(actor, "outreach", "edit", ownedBy(o.owner));
  const headers = (o.outbox?.headers ?? {}) as Record<string, string>;

  return (
    <>
      <BackLink href="/dashboard/outreach" className="mb-3">All messages</BackLink>
      <div className="mb-5 flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={statusVariant(o.status)} data-testid="outreach-status">{STATUS_LABEL[o.status]}</Badge>
          <Badge variant="secondary">{CHANNEL_LABEL[o.channel]}</Badge>
          {o.repliedAt ? <Badge variant="success">Replied</Badge> : null}
          {o.generatedBy && o.generatedBy !== "manual" ? <Badge variant="outline">{o.generatedBy === "ai" ? "AI draft" : "From template"}</Badge> : null}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="outreach-subject">{o.subject ?? `${CHANNEL_LABEL[o.channel]} to ${o.person.name}`}</h1>
        <p className="text-sm text-muted-foreground">
          To <Link href={`/dashboard/people/${o.person.id}`} className="font-medium text-foreground hover:underline" data-testid="outreach-person">{o.person.name}</Link>
          {o.person.title ? `, ${o.person.title}` : ""}{o.account ? ` at ${o.account.name}` : ""}
          {o.toEmail ?? o.person.email ? ` · ${o.toEmail ?? o.person.email}` : ""}
        </p>
      </div>

      {o.status === "QUEUED" && o.scheduledAt ? (
        <p className="mb-4 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm" data-testid="queued-until">
          Queued until {formatInZone(o.scheduledAt, tz)} ({formatInZone(o.scheduledAt, o.person.timeZone ?? event.timeZone)} for {o.person.name.split(" ")[0]}): it goes out at the next slot in business hours and within the daily send cap.
        </p>
      ) : null}
      {o.failureReason ? <p className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">{o.failureReason}</p> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <Card>
            <CardHeader><CardTitle>Message</CardTitle></CardHeader>
            <CardContent className="flex flex-col gap-4">
              <div className="whitespace-pre-wrap break-words rounded-md bg-muted/50 p-4 text-sm" data-testid="outreach-message">{o.message}</div>
              <OutreachActions id={o.id} personId={o.person.id} personName={o.person.name} status={o.status} channel={o.channel} subject={o.subject} message={o.message} refusal={refusal} sent={Boolean(o.sentAt)} replied={Boolean(o.repliedAt)} />
            </CardContent>
          </Card>
          <InboundThread items={inbound} timeZone={tz} suppressedEmails={suppressed} isOwner={o.owner?.id === actor.id} />
          {o.outbox ? (
            <Card>
              <CardHeader>
                <CardTitle>What went out</CardTitle>
                <CardDescription>Exactly as sent through {o.outbox.transport === "dev-outbox" ? "the development outbox" : o.outbox.transport.toUpperCase()} on {formatInZone(o.outbox.createdAt, tz)}.</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 text-sm">
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                  <dt className="text-muted-foreground">From</dt><dd className="break-all">{o.outbox.fromEmail}</dd>
                  <dt className="text-muted-foreground">To</dt><dd className="break-all">{o.outbox.toEmail}</dd>
                  {Object.entries(headers).map(([k, v]) => (
                    <div key={k} className="contents"><dt className="text-muted-foreground">{k}</dt><dd className="break-all font-mono">{v}</dd></div>
                  ))}
                </dl>
                <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-muted/50 p-3 text-xs">{o.outbox.text}</pre>
              </CardContent>
            </Card>
          ) : null}
        </div>

        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <CardHeader><CardTitle>Details</CardTitle></CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-muted-foreground">Owner</dt><dd>{o.owner?.name ?? o.owner?.email ?? "—"}</dd>
                <dt className="text-muted-foreground">Campaign</dt><dd>{o.campaign ? <Link className="text-primary hover:underline" href={`/dashboard/outreach?campaignId=${o.campaign.id}`}>{o.campaign.name}</Link> : "—"}</dd>
                <dt className="text-muted-foreground">Written</dt><dd>{formatInZone(o.createdAt, tz)}</dd>
                <dt className="text-muted-foreground">Sent</dt><dd data-testid="outreach-sent-at">{formatInZone(o.sentAt, tz)}</dd>
                <dt className="text-muted-foreground">Opens</dt><dd>{o.openCount}{o.machineOpenCount ? ` (+${o.machineOpenCount} by machines, not counted)` : ""}</dd>
                <dt className="text-muted-foreground">Clicks</dt><dd>{o.clickCount}</dd>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Tracking history</CardTitle></CardHeader>
            <CardContent>
              <ol className="flex flex-col gap-3 text-sm" data-testid="tracking-history">
                {o.sentAt ? <TimelineItem icon={Send} label={o.transport === "manual" ? "Logged as done" : "Sent"} at={formatInZone(o.sentAt, tz)} /> : null}
                {o.events.map((e) => {
                  const meta = EVENT_LABEL[e.type] ?? { label: e.type, icon: Inbox };
                  return (
                    <TimelineItem key={e.id} icon={e.isMachine ? Bot : meta.icon} label={meta.label} at={formatInZone(e.occurredAt, tz)} muted={e.isMachine}
                      detail={[e.isMachine ? "by a machine (proxy or scanner), not counted" : null, e.url].filter(Boolean).join(" · ") || undefined} />
                  );
                })}
                {!o.sentAt && o.events.length === 0 ? <li className="text-muted-foreground">Nothing yet: the history starts when the message is sent.</li> : null}
              </ol>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

function TimelineItem({ icon: Icon, label, at, detail, muted }: { icon: typeof Eye; label: string; at: string; detail?: string; muted?: boolean }) {
  return (
    <li className={muted ? "flex gap-2 text-muted-foreground" : "flex gap-2"}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0">
        <div className="font-medium">{label}</div>
        <div className="text-xs text-muted-foreground">{at}</div>
        {detail ? <div className="break-all text-xs text-muted-foreground">{detail}</div> : null}
      </div>
    </li>
  );
}
