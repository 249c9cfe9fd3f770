import Link from "next/link";
import type { ReactNode } from "react";
import { CalendarDays, Flame, Handshake, ListTodo, Reply, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/data-table/relative-time";
import { formatInZone, zoneAbbreviation } from "@/lib/time";
import type { MyDay as MyDayData } from "@/server/dashboard/my-day";

/**
 * The rep's priorities at the top of the dashboard (src/server/dashboard/my-day.ts says what
 * each list holds). Every row is a link to where the work is done. Meeting and task times are in
 * the event's zone (show logistics); "2 hours ago" tooltips in the viewer's.
 */
export function MyDay({ day, eventTimeZone, viewerTimeZone }: { day: MyDayData; eventTimeZone: string; viewerTimeZone: string }) {
  return (
    <section aria-labelledby="my-day" className="grid gap-3" data-testid="my-day">
      <h2 id="my-day" className="text-lg font-semibold">My day</h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3 [&>*]:min-w-0">
        <Panel total={day.totals.replies} icon={Reply} title="Replies to handle" description="Replies to your messages you have not answered yet" testId="my-replies" empty="No replies waiting for you.">
          {day.replies.map((r) => (
            <Row key={r.outreachId} href={`/dashboard/outreach/${r.outreachId}`} title={r.person.name} detail={[r.person.account?.name, r.subject].filter(Boolean).join(" · ")} aside={<RelativeTime value={r.repliedAt} timeZone={viewerTimeZone} />} />
          ))}
        </Panel>
        <Panel total={day.totals.tasks} icon={ListTodo} title="Tasks and follow-ups" description="Sequence calls and LinkedIn steps due, and meetings held with no follow-up yet" testId="my-tasks" empty="Nothing due. Nice and clear.">
          {day.tasks.map((t) => (
            <Row
              key={t.id}
              href={`/dashboard/people/${t.person.id}`}
              title={t.title}
              detail={`${t.channel === "CALL" ? "Call" : "LinkedIn"} · ${t.person.name}${t.person.account ? ` (${t.person.account.name})` : ""}`}
              aside={<Badge variant={t.overdue ? "destructive" : "secondary"}>{t.overdue ? `Overdue since ${formatInZone(t.dueAt, eventTimeZone, "shortDate")}` : "Due today"}</Badge>}
            />
          ))}
          {day.followUps.map((m) => (
            <Row
              key={m.id}
              href={`/dashboard/people/${m.person.id}`}
              title={`Follow up with ${m.person.name}`}
              detail={[m.person.account?.name, m.nextStep ? `Next step: ${m.nextStep}` : `Met ${formatInZone(m.scheduledAt, eventTimeZone, "shortDate")}`].filter(Boolean).join(" · ")}
              aside={<Badge variant="warning">Follow-up</Badge>}
            />
          ))}
        </Panel>
        <Panel total={day.totals.hotAccounts} icon={Flame} title="Hot accounts" description="People opened or clicked your emails in the last 72 hours (machines not counted)" testId="my-hot" empty="No opens or clicks on your emails in the last three days.">
          {day.hotAccounts.map((h) => (
            <Row
              key={h.account.id}
              href={`/dashboard/accounts/${h.account.id}`}
              title={h.account.name}
              detail={[h.clicks ? `${h.clicks} click${h.clicks === 1 ? "" : "s"}` : null, h.opens ? `${h.opens} open${h.opens === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ")}
              aside={<RelativeTime value={h.lastAt} timeZone={viewerTimeZone} />}
            />
          ))}
        </Panel>
        <Panel total={day.totals.meetings} icon={CalendarDays} title="Meetings this week" description={`Yours from today for seven days, times in the event's zone (${zoneAbbreviation(eventTimeZone)})`} testId="my-meetings" empty="No meetings on your calendar this week.">
          {day.meetings.map((m) => (
            <Row
              key={m.id}
              href={`/dashboard/people/${m.person.id}`}
              title={`${m.person.name}${m.account ? ` · ${m.account.name}` : ""}`}
              detail={`${m.title ?? "Meeting"} · ${m.durationMinutes} min${m.location ? ` · ${m.location}` : ""}`}
              aside={<span className="whitespace-nowrap text-xs font-medium">{formatInZone(m.scheduledAt, eventTimeZone, "weekdayTime")}</span>}
            />
          ))}
        </Panel>
        <Panel total={day.totals.walkUps} icon={Handshake} title="Walk-ups to follow up" description="People you met at the booth and have not emailed or booked since" testId="my-walkups" empty="No booth conversations waiting for a follow-up.">
          {day.walkUps.map((w) => (
            <Row
              key={w.person.id}
              href={`/dashboard/people/${w.person.id}`}
              title={w.person.name}
              detail={[w.person.account?.name, w.person.leadRating ? `rated ${w.person.leadRating.toLowerCase()}` : null].filter(Boolean).join(" · ")}
              aside={<RelativeTime value={w.capturedAt} timeZone={viewerTimeZone} />}
            />
          ))}
        </Panel>
      </div>
    </section>
  );
}

function Panel({ icon: Icon, title, description, testId, empty, total, children }: { icon: LucideIcon; title: string; description: string; testId: string; empty: string; total: number; children: ReactNode[] }) {
  const rows = children.flat().filter(Boolean).slice(0, 6);
  return (
    <Card data-testid={testId}>
      <CardHeader className="pb-2">
        <CardTitle className="flex items-center gap-2 text-base"><Icon className="size-4" aria-hidden /> {title}{total ? <Badge variant="secondary" title={total > rows.length ? `The first ${rows.length} of ${total}` : undefined}>{total}</Badge> : null}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length ? <ul className="-mx-2 divide-y">{rows}</ul> : <p className="text-sm text-muted-foreground">{empty}</p>}
      </CardContent>
    </Card>
  );
}

function Row({ href, title, detail, aside }: { href: string; title: string; detail: string; aside: ReactNode }) {
  return (
    <li>
      <Link prefetch={false} href={href} className="flex items-start gap-3 rounded-md px-2 py-2 text-sm hover:bg-muted/60">
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{title}</span>
          {detail ? <span className="block truncate text-xs text-muted-foreground">{detail}</span> : null}
        </span>
        <span className="shrink-0 text-xs text-muted-foreground">{aside}</span>
      </Link>
    </li>
  );
}
