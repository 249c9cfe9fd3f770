import type { Metadata } from "next";
import Link from "next/link";
import { CalendarX2, Inbox } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PageHeader } from "@/components/ui/page-header";
import { BulkGenerateButton } from "@/components/outreach/bulk-generate-button";
import { ComposeOutreachButton } from "@/components/outreach/compose-outreach-button";
import { CHANNEL_LABEL, STATUS_LABEL, statusVariant } from "@/components/outreach/format";
import { formatInZone } from "@/lib/time";
import { OutreachTabs } from "@/components/outreach/outreach-tabs";
import { RatesChart } from "@/components/outreach/rates-chart";
import { SendingWindowForm } from "@/components/outreach/sending-window-form";
import { listOutreachQuery } from "@/server/outreach/schemas";
import { listFilterOptions, listOutreach, outreachStats } from "@/server/outreach/service";
import { describeWindow, getSendingWindow } from "@/server/outreach/settings";
import { getWorkspace } from "@/server/users/workspace";

export const metadata: Metadata = { title: "Outreach" };

export default async function OutreachPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, event, viewerTimeZone } = await getWorkspace();
  if (!event) {
    return <EmptyState icon={CalendarX2} title="No event yet">Create an event before writing outreach.</EmptyState>;
  }
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  const parsed = listOutreachQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : listOutreachQuery.parse({});
  const [list, stats, options, sendingWindow] = await Promise.all([listOutreach(event.id, query), outreachStats(event.id, query), listFilterOptions(event.id), getSendingWindow()]);
  const filtered = Object.keys(raw).some((k) => k !== "page");
  const pageHref = (page: number) => `/dashboard/outreach?${new URLSearchParams({ ...raw, page: String(page) }).toString()}`;
  const { rates } = stats;

  return (
    <>
      <PageHeader
        title="Outreach"
        description="Personal emails, LinkedIn notes and calls to the people on your target list, with what happened after."
        actions={<><BulkGenerateButton /><ComposeOutreachButton label="New message" /></>}
      />
      <OutreachTabs active="/dashboard/outreach" />
      <div className="mb-4"><SendingWindowForm value={sendingWindow} description={describeWindow(sendingWindow)} isAdmin={user.role === "ADMIN"} /></div>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="outreach-stats">
        <Stat label="Sent" value={rates.sent.toLocaleString("en-US")} hint={`${rates.queued} queued · ${rates.drafts} drafts`} />
        <Stat label="Open rate" value={`${rates.openRate}%`} hint={`${rates.opened} opened (people, not machines)`} />
        <Stat label="Click rate" value={`${rates.clickRate}%`} hint={`${rates.clicked} clicked`} />
        <Stat label="Reply rate" value={`${rates.replyRate}%`} hint={`${rates.replied} replied`} />
        <Stat label="Bounce rate" value={`${rates.bounceRate}%`} hint={`${rates.bounced} bounced`} />
      </div>

      {stats.perRep.length > 1 ? (
        <Card className="mt-4">
          <CardHeader><CardTitle>Rates by rep</CardTitle></CardHeader>
          <CardContent>
            <RatesChart rows={stats.perRep.map((r) => ({ name: r.owner.name?.split(" ")[0] ?? r.owner.email, sent: r.rates.sent, openRate: r.rates.openRate, clickRate: r.rates.clickRate, replyRate: r.rates.replyRate }))} />
          </CardContent>
        </Card>
      ) : null}

      <form method="get" className="mt-6 grid grid-cols-2 gap-2 rounded-lg border bg-card p-3 shadow-sm sm:grid-cols-4 lg:grid-cols-8" aria-label="Filter messages">
        <Input name="q" defaultValue={raw.q} placeholder="Search" aria-label="Search subject, person or company" className="col-span-2" />
        <NativeSelect name="status" defaultValue={raw.status ?? ""} aria-label="Status">
          <option value="">Any status</option>
          {Object.entries(STATUS_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </NativeSelect>
        <NativeSelect name="channel" defaultValue={raw.channel ?? ""} aria-label="Channel">
          <option value="">Any channel</option>
          {Object.entries(CHANNEL_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </NativeSelect>
        <NativeSelect name="ownerId" defaultValue={raw.ownerId ?? ""} aria-label="Rep">
          <option value="">Any rep</option>
          {options.reps.map((r) => <option key={r.id} value={r.id}>{r.name ?? r.email}</option>)}
        </NativeSelect>
        <NativeSelect name="campaignId" defaultValue={raw.campaignId ?? ""} aria-label="Campaign">
          <option value="">Any campaign</option>
          {options.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </NativeSelect>
        <Input type="date" name="from" defaultValue={raw.from} aria-label="From date" />
        <Input type="date" name="to" defaultValue={raw.to} aria-label="To date" />
        <div className="col-span-2 flex gap-2 sm:col-span-4 lg:col-span-8 lg:justify-end">
          <NativeSelect name="engagement" defaultValue={raw.engagement ?? ""} aria-label="Engagement" className="lg:w-44">
            <option value="">Any engagement</option>
            <option value="opened">Opened</option>
            <option value="clicked">Clicked</option>
            <option value="replied">Replied</option>
            <option value="bounced">Bounced</option>
          </NativeSelect>
          <Button type="submit">Apply</Button>
          {filtered ? <Button variant="ghost" asChild><Link href="/dashboard/outreach">Clear</Link></Button> : null}
        </div>
      </form>
      {!parsed.success ? <p className="mt-2 text-sm text-destructive">Some filters were not valid and were ignored.</p> : null}

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
        {list.total > list.pageSize ? (
          <div className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
            <span>{(list.page - 1) * list.pageSize + 1}–{Math.min(list.page * list.pageSize, list.total)} of {list.total.toLocaleString("en-US")}</span>
            <div className="flex gap-2">
              {list.page > 1 ? <Button variant="outline" size="sm" asChild><Link href={pageHref(list.page - 1)}>Previous</Link></Button> : null}
              {list.hasMore ? <Button variant="outline" size="sm" asChild><Link href={pageHref(list.page + 1)}>Next</Link></Button> : null}
            </div>
          </div>
        ) : null}
      </div>
    </>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-lg border bg-card p-4 shadow-sm">
      <div className="text-sm text-muted-foreground">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      <div className="mt-0.5 text-xs text-muted-foreground">{hint}</div>
    </div>
  );
}
