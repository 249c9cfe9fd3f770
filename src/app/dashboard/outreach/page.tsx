import type { Metadata } from "next";
import { formatRate } from "@/lib/rates";
import Link from "next/link";
import { CalendarX2, Inbox } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, NoEvent } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BulkGenerateButton } from "@/components/outreach/bulk-generate-button";
import { ComposeOutreachButton } from "@/components/outreach/compose-outreach-button";
import { CHANNEL_LABEL, STATUS_LABEL, statusVariant } from "@/components/outreach/format";
import { formatInZone } from "@/lib/time";
import { OutreachTabs } from "@/components/outreach/outreach-tabs";
import { RatesChart } from "@/components/outreach/rates-chart";
import { SendingWindowForm } from "@/components/outreach/sending-window-form";
import { countNewReplies, outreachWithNewReplies } from "@/server/inbound/read";
import { listOutreachQuery } from "@/server/outreach/schemas";
import { DraftsJobProgress } from "@/components/outreach/drafts-job-progress";
import { countInterrupted, listFilterOptions, listOutreach, outreachStats } from "@/server/outreach/service";
import { describeWindow, getSendingWindow } from "@/server/outreach/settings";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { ListError } from "@/components/data-table/list-error";
import { OutreachFilters, OutreachPagination } from "@/components/outreach/outreach-filters";
import { parseListParams, type SearchParams } from "@/lib/list-params";
import { formatCount } from "@/lib/numbers";

export const metadata: Metadata = { title: "Outreach" };

/** Bars a rep can still read on a phone: a large team's chart shows who sent the most. */
const CHART_REPS = 10;

export default async function OutreachPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) {
    return <NoEvent title="Outreach" icon={CalendarX2}>Create an event before writing outreach.</NoEvent>;
  }
  const { event } = actor;
  const parsed = parseListParams(await searchParams, listOutreachQuery);
  if (!parsed.ok) return <ListError title="Outreach" issues={parsed.problems} href="/dashboard/outreach" />;
  const query = parsed.query;
  const [list, stats, options, sendingWindow, myNewReplies, interrupted] = await Promise.all([
    listOutreach(query, actor), outreachStats(query, actor), listFilterOptions(actor), getSendingWindow(), countNewReplies(actor), countInterrupted(actor),
  ]);
  const withNewReplies = await outreachWithNewReplies(list.items.map((o) => o.id));
  const filtered = Object.keys(parsed.raw).some((k) => k !== "page");
  const { rates } = stats;

  return (
    <>
      <PageHeader
        title="Outreach"
        description="Personal emails, LinkedIn notes and calls to the people on your target list, with what happened after."
        actions={<><BulkGenerateButton /><ComposeOutreachButton label="New message" /></>}
      />
      <OutreachTabs active="/dashboard/outreach" />
      {myNewReplies > 0 ? (
        <Link href="/dashboard/outreach?engagement=replied" className="mb-4 flex items-center gap-2 rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm font-medium hover:bg-success/15" data-testid="new-replies-banner">
          <Inbox className="size-4" aria-hidden /> {myNewReplies === 1 ? "1 new reply to your messages" : `${myNewReplies} new replies to your messages`}: open a message to read it.
        </Link>
      ) : null}
      {interrupted > 0 ? (
        <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm" data-testid="interrupted-banner">
          {interrupted === 1 ? "One of your messages" : `${interrupted} of your messages`} may or may not have gone out: sending was interrupted before the mail server answered.
          Check the outbox, then resend or discard {interrupted === 1 ? "it" : "each"}.{" "}
          <Link className="font-medium text-primary underline-offset-2 hover:underline" href={`/dashboard/outreach?status=INTERRUPTED&ownerId=${actor.id}`}>Show {interrupted === 1 ? "it" : "them"}</Link>
        </p>
      ) : null}
      <DraftsJobProgress className="mb-4" />
      <div className="mb-4"><SendingWindowForm value={sendingWindow} description={describeWindow(sendingWindow)} isAdmin={actor.role === "ADMIN"} /></div>

      {/* One compact strip, so the list starts above the fold. */}
      <dl className="flex flex-wrap gap-x-6 gap-y-2 rounded-lg border bg-card px-4 py-3 text-sm shadow-sm" data-testid="outreach-stats">
        <Stat label="Sent" value={formatCount(rates.sent)} hint={`${rates.moreThanQueued ? "More than " : ""}${formatCount(rates.queued)} queued · ${formatCount(rates.drafts)} drafts`} />
        <Stat label="Opened" value={formatRate(rates.openRate)} hint={`${formatCount(rates.opened)} by people, not machines`} />
        <Stat label="Clicked" value={formatRate(rates.clickRate)} hint={formatCount(rates.clicked)} />
        <Stat label="Replied" value={formatRate(rates.replyRate)} hint={formatCount(rates.replied)} />
        <Stat label="Bounced" value={formatRate(rates.bounceRate)} hint={formatCount(rates.bounced)} />
      </dl>

      <div className="mt-4"><OutreachFilters reps={options.reps} campaigns={options.campaigns} /></div>

      <div className="mt-4">
        {list.items.length === 0 ? (
          <EmptyState icon={Inbox} title={filtered ? "No messages match these filters" : "No outreach yet"}>
            {filtered ? "Try a wider date range or clear the filters." : "Write the first message with “New message”, or from a person's page."}
          </EmptyState>
        ) : (
          <div className="overflow-hidden rounded-lg border bg-card shadow-sm">
            <ul className="divide-y" data-testid="outreach-list">
              {list.items.map((o) => (
                <li key={o.id}>
                  <Link href={`/dashboard/outreach/${o.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-muted/60 sm:flex-row sm:items-center sm:gap-4">
                    <div className="min-w-0 flex-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="truncate font-medium">{o.person.name}</span>
                        {o.account ? <span className="truncate text-sm text-muted-foreground">{o.account.name}</span> : null}
                      </div>
                      <p className="truncate text-sm text-muted-foreground">{o.subject ?? (o.channel === "EMAIL" ? "(no subject)" : `${CHANNEL_LABEL[o.channel]} message`)}</p>
                    </div>
                    <div className="flex flex-wrap items-center gap-1.5 text-xs sm:justify-end">
                      <Badge variant="secondary">{CHANNEL_LABEL[o.channel]}</Badge>
                      <Badge variant={statusVariant(o.status)}>{STATUS_LABEL[o.status]}</Badge>
                      {withNewReplies.has(o.id) ? <Badge data-testid="new-reply-badge">New reply</Badge> : null}
                      {o.repliedAt ? <Badge variant="success">Replied</Badge> : o.clickedAt ? <Badge>Clicked</Badge> : o.openedAt ? <Badge>Opened</Badge> : null}
                      {o.bouncedAt ? <Badge variant="destructive">Bounced</Badge> : null}
                      <span className="w-full text-muted-foreground sm:w-44 sm:text-right">
                        {o.status === "QUEUED" && o.scheduledAt ? `Goes ${formatInZone(o.scheduledAt, viewerTimeZone)}` : o.sentAt ? formatInZone(o.sentAt, viewerTimeZone) : `Written ${formatInZone(o.createdAt, viewerTimeZone)}`}
                      </span>
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        <OutreachPagination page={list.page} pageSize={list.pageSize} total={list.total} moreThanTotal={list.moreThanTotal} />
      </div>

      {stats.perRep.length > 1 ? (
        <Card className="mt-4">
          <CardHeader>
            <CardTitle>Rates by rep</CardTitle>
            {stats.perRep.length > CHART_REPS ? (
              <CardDescription>The {CHART_REPS} reps who sent the most, of {formatCount(stats.perRep.length)} who sent any.</CardDescription>
            ) : null}
          </CardHeader>
          <CardContent>
            <RatesChart rows={stats.perRep.slice(0, CHART_REPS).map((r) => ({ name: r.owner.name?.split(" ")[0] ?? r.owner.email, sent: r.rates.sent, openRate: r.rates.openRate, clickRate: r.rates.clickRate, replyRate: r.rates.replyRate }))} />
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-muted-foreground">({hint})</dd>
    </div>
  );
}
