import { CalendarDays, ListTodo } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type DayMeeting = { id: string; title: string | null; scheduledAt: Date; durationMinutes: number; location: string | null; status: string; person: { name: string }; account: { name: string } | null };
type DayTask = { id: string; title: string; channel: string; dueAt: Date; overdue: boolean; person: { name: string; account: { name: string } | null } };

export function MyDay({ meetings, tasks, timeZone }: { meetings: DayMeeting[]; tasks: DayTask[]; timeZone: string }) {
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
  return (
    <div className="grid gap-4 [&>*]:min-w-0">
      <Card data-testid="my-meetings">
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><CalendarDays className="size-4" aria-hidden /> My meetings today</CardTitle>
          <CardDescription>Times in the event&apos;s time zone ({timeZone.replace("_", " ")})</CardDescription>
        </CardHeader>
        <CardContent>
          {meetings.length === 0 ? (
            <p className="text-sm text-muted-foreground">No meetings on your calendar today.</p>
          ) : (
            <ul className="divide-y">
              {meetings.map((m) => (
                <li key={m.id} className="flex items-start gap-3 py-2">
                  <span className="w-16 shrink-0 text-sm font-medium tabular-nums">{time.format(m.scheduledAt)}</span>
                  <div className="min-w-0 text-sm">
                    <p className="truncate font-medium">{m.person.name}{m.account ? ` · ${m.account.name}` : ""}</p>
                    <p className="truncate text-xs text-muted-foreground">{m.title ?? "Meeting"} · {m.durationMinutes} min{m.location ? ` · ${m.location}` : ""}</p>
                  </div>
                  {m.status !== "SCHEDULED" ? <Badge variant="secondary" className="ml-auto">{m.status.toLowerCase().replace("_", "-")}</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card data-testid="my-tasks">
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><ListTodo className="size-4" aria-hidden /> My tasks due today</CardTitle>
          <CardDescription>LinkedIn and call steps from your sequences, plus anything overdue</CardDescription>
        </CardHeader>
        <CardContent>
          {tasks.length === 0 ? (
            <p className="text-sm text-muted-foreground">No sequence tasks due today. Nice and clear.</p>
          ) : (
            <ul className="divide-y">
              {tasks.map((t) => (
                <li key={t.id} className="flex items-start gap-3 py-2 text-sm">
                  <Badge variant={t.overdue ? "destructive" : "secondary"} className="shrink-0">{t.overdue ? `Overdue · ${day.format(t.dueAt)}` : time.format(t.dueAt)}</Badge>
                  <div className="min-w-0">
                    <p className="truncate font-medium">{t.title}</p>
                    <p className="truncate text-xs text-muted-foreground">{t.channel.toLowerCase()} · {t.person.name}{t.person.account ? ` (${t.person.account.name})` : ""}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
