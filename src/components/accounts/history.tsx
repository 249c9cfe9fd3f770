import Link from "next/link";
import type { ReactNode } from "react";
import { CalendarDays, History, Mail, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/data-table/relative-time";
import { formatInZone } from "@/lib/time";

/** A record page's card of past items: icon and title, the list, or a sentence when there is nothing yet. */
export function HistoryCard({ testId, icon: Icon, title, isEmpty, empty, children }: {
  testId: string;
  icon: LucideIcon;
  title: string;
  isEmpty: boolean;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader><CardTitle className="flex items-center gap-2"><Icon className="size-4" aria-hidden /> {title}</CardTitle></CardHeader>
      <CardContent>{isEmpty ? <p className="text-sm text-muted-foreground">{empty}</p> : children}</CardContent>
    </Card>
  );
}

type OutreachItem = {
  id: string;
  subject: string | null;
  channel: string;
  status: string;
  sentAt: Date | null;
  openedAt: Date | null;
  repliedAt: Date | null;
  createdAt: Date;
  person?: { id: string; name: string } | null;
};

/** Messages, newest first; times relative, the exact time (viewer's zone) on hover. */
export function OutreachHistory({ items, timeZone }: { items: OutreachItem[]; timeZone: string }) {
  return (
    <HistoryCard testId="outreach-history" icon={Mail} title={`Outreach (${items.length})`} isEmpty={items.length === 0} empty="No outreach yet.">
      <ul className="divide-y text-sm">
        {items.map((o) => (
          <li key={o.id} className="grid gap-1 py-2">
            <span className="line-clamp-2 font-medium">{o.subject ?? `${o.channel.charAt(0) + o.channel.slice(1).toLowerCase()} message`}</span>
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <OutreachState o={o} />
              {o.person ? <Link href={`/dashboard/people/${o.person.id}`} className="hover:underline">{o.person.name}</Link> : null}
              <span className="ml-auto"><RelativeTime value={o.sentAt ?? o.createdAt} timeZone={timeZone} /></span>
            </span>
          </li>
        ))}
      </ul>
    </HistoryCard>
  );
}

function OutreachState({ o }: { o: OutreachItem }) {
  if (o.repliedAt) return <Badge variant="success">Replied</Badge>;
  if (o.openedAt) return <Badge>Opened</Badge>;
  if (o.status === "SENT") return <Badge variant="secondary">Sent</Badge>;
  if (o.status === "FAILED") return <Badge variant="destructive">Failed</Badge>;
  return <Badge variant="outline">{o.status.charAt(0) + o.status.slice(1).toLowerCase()}</Badge>;
}

type MeetingItem = {
  id: string;
  title: string | null;
  scheduledAt: Date;
  status: string;
  locationType: string;
  location: string | null;
  person?: { id: string; name: string } | null;
  outcome?: string | null;
  nextStep?: string | null;
};

/** Meetings at the show: times in the event's zone. */
export function MeetingsHistory({ items, timeZone }: { items: MeetingItem[]; timeZone: string }) {
  return (
    <HistoryCard testId="meetings-history" icon={CalendarDays} title={`Meetings (${items.length})`} isEmpty={items.length === 0} empty="No meetings booked.">
      <ul className="divide-y text-sm">
        {items.map((m) => (
          <li key={m.id} className="grid gap-0.5 py-2">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{m.title ?? "Meeting"}</span>
              <Badge variant={m.status === "COMPLETED" ? "success" : m.status === "CANCELLED" || m.status === "NO_SHOW" ? "destructive" : "default"}>
                {m.status.charAt(0) + m.status.slice(1).toLowerCase().replace(/_/g, " ")}
              </Badge>
            </div>
            <p className="text-xs text-muted-foreground">
              {formatInZone(m.scheduledAt, timeZone, "weekdayTime")} · {m.location ?? m.locationType.toLowerCase().replace(/_/g, " ")}
              {m.person ? <> · <Link className="hover:underline" href={`/dashboard/people/${m.person.id}`}>{m.person.name}</Link></> : null}
            </p>
            {m.outcome ? <p className="text-xs">Outcome: {m.outcome}</p> : null}
            {m.nextStep ? <p className="text-xs">Next step: {m.nextStep}</p> : null}
          </li>
        ))}
      </ul>
    </HistoryCard>
  );
}

type ActivityItem = { id: string; type: string; description: string; createdAt: Date; actor: { name: string | null; email: string } | null; replyText?: string | null };

/** What happened, in the viewer's zone. */
export function Timeline({ items, timeZone }: { items: ActivityItem[]; timeZone: string }) {
  return (
    <HistoryCard testId="timeline" icon={History} title="Timeline" isEmpty={items.length === 0} empty="Nothing has happened here yet.">
      <ol className="relative grid gap-3 border-l pl-4 text-sm">
        {items.map((a) => (
          <li key={a.id} className="relative">
            <span className="absolute -left-[21px] top-1.5 size-2 rounded-full bg-primary" aria-hidden />
            <p>{a.description}</p>
            {a.replyText ? (
              <blockquote className="mt-1 line-clamp-6 whitespace-pre-wrap break-words border-l-2 border-success/60 pl-2 text-muted-foreground" data-testid="timeline-reply">{a.replyText}</blockquote>
            ) : null}
            <p className="text-xs text-muted-foreground">{formatInZone(a.createdAt, timeZone)}</p>
          </li>
        ))}
      </ol>
    </HistoryCard>
  );
}
