import Link from "next/link";
import { Activity as ActivityIcon, Building2, CalendarDays, FileText, Mail, MousePointerClick, NotebookPen, Reply, UserRound, Workflow, type LucideIcon } from "lucide-react";
import { formatInZone } from "@/lib/time";
import { cn } from "@/lib/utils";
import type { ActivityDomain, ActivityType } from "@/lib/vocabulary";

export type FeedEntry = {
  id: string;
  type: string;
  description: string;
  createdAt: Date | string;
  actor: { id: string; name: string | null; email: string } | null;
  person: { id: string; name: string } | null;
  account: { id: string; name: string } | null;
};

// A full type, or a whole domain ("meeting." → every meeting change); the first match wins.
const ICONS: [ActivityType | `${ActivityDomain}.`, LucideIcon][] = [
  ["outreach.opened", Mail], ["outreach.clicked", MousePointerClick], ["outreach.replied", Reply], ["outreach.", Mail],
  ["meeting.", CalendarDays], ["account.", Building2], ["person.", UserRound], ["sequence.", Workflow], ["note.", NotebookPen],
  ["report.", FileText], ["export.", FileText],
];

function iconFor(type: string): LucideIcon {
  return ICONS.find(([prefix]) => type.startsWith(prefix))?.[1] ?? ActivityIcon;
}

/** The readable feed: what happened, to whom, by whom and when (in the viewer's zone). Used on the dashboard and /dashboard/activity. */
export function ActivityFeed({ items, timeZone, className, emptyText = "Nothing has happened in this event yet." }: {
  items: FeedEntry[];
  timeZone: string;
  className?: string;
  emptyText?: string;
}) {
  if (items.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ul className={cn("divide-y", className)} data-testid="activity-feed">
      {items.map((a) => {
        const Icon = iconFor(a.type);
        const at = typeof a.createdAt === "string" ? new Date(a.createdAt) : a.createdAt;
        return (
          <li key={a.id} className="flex gap-3 py-2.5" data-testid="activity-item">
            <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-accent text-accent-foreground">
              <Icon className="size-3.5" aria-hidden />
            </span>
            <div className="min-w-0 flex-1">
              <p className="text-sm">{a.description}</p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                <span>{a.actor ? (a.actor.name ?? a.actor.email) : "System"}</span>
                {a.account ? <Link prefetch={false} className="inline-flex min-h-6 items-center hover:underline" href={`/dashboard/activity?accountId=${a.account.id}`}>{a.account.name}</Link> : null}
                {a.person ? <Link prefetch={false} className="inline-flex min-h-6 items-center hover:underline" href={`/dashboard/activity?personId=${a.person.id}`}>{a.person.name}</Link> : null}
                <time dateTime={at.toISOString()}>{formatInZone(at, timeZone, "weekdayTime")}</time>
                <span className="font-mono text-[10px] uppercase tracking-wide">{a.type}</span>
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
