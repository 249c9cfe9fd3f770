"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CheckCircle2, Clock, Loader2, LogIn, MapPin, UserPlus, UserX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CompleteMeetingDialog } from "@/components/meetings/complete-meeting-dialog";
import { STATUS_LABELS, STATUS_VARIANT, describeLocation, formatDay, isBeforeMeetingDay, type MeetingItem } from "@/components/meetings/format";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatInZone } from "@/lib/time";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { LeadCaptureDialog } from "./lead-capture-dialog";

type Props = {
  event: { id: string; name: string; timeZone: string; boothNumber: string | null; venue: string | null };
  day: string;
  today: string;
  phase: "during" | "before" | "after";
  days: string[];
  everyone: boolean;
  meetings: MeetingItem[];
  captures: { id: string; description: string; createdAt: string }[];
};

/** Event-day mode: big targets, one thumb, the day's meetings and a walk-up capture. */
export function BoothView({ event, day, today, phase, days, everyone, meetings, captures }: Props) {
  const [captureOpen, setCaptureOpen] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const tz = event.timeZone;
  const isToday = day === today;
  const open = meetings.filter((m) => m.status === "SCHEDULED");
  const done = meetings.filter((m) => m.status !== "SCHEDULED");

  const dayHref = (d: string) => `/dashboard/booth?day=${d}${everyone ? "&who=all" : ""}`;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 pb-24">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Booth</h1>
        <p className="text-sm text-muted-foreground">
          {event.name}{event.boothNumber ? ` · Booth ${event.boothNumber}` : ""} · {tz.replace(/_/g, " ")}
        </p>
      </div>

      <Button size="lg" className="h-14 w-full text-base" onClick={() => setCaptureOpen(true)} data-testid="capture-lead">
        <UserPlus className="!size-5" aria-hidden /> Capture a walk-up
      </Button>
      {flash ? <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-sm text-success" data-testid="capture-result">{flash}</p> : null}

      <section aria-labelledby="booth-day" className="flex flex-col gap-3">
        <div className="flex items-end justify-between gap-2">
          <div>
            <h2 id="booth-day" className="text-lg font-semibold">{isToday ? `Today · ${formatDay(day)}` : formatDay(day)}</h2>
            {phase === "before" && !isToday ? (
              <p className="text-sm text-muted-foreground" data-testid="not-event-day">Today ({formatDay(today)}) is not a show day — here is {days[0] === day ? "the first" : "the next"} event day.</p>
            ) : null}
            {phase === "after" && !isToday ? <p className="text-sm text-muted-foreground" data-testid="not-event-day">The show is over — here is its last day.</p> : null}
          </div>
          <div className="inline-flex shrink-0 rounded-md border bg-card p-0.5 text-sm" role="group" aria-label="Whose meetings">
            <Link href={`/dashboard/booth?day=${day}`} aria-current={!everyone ? "page" : undefined} className={cn("rounded px-3 py-1.5", !everyone ? "bg-primary text-primary-foreground" : "")}>Mine</Link>
            <Link href={`/dashboard/booth?day=${day}&who=all`} aria-current={everyone ? "page" : undefined} className={cn("rounded px-3 py-1.5", everyone ? "bg-primary text-primary-foreground" : "")}>Team</Link>
          </div>
        </div>
        {days.length > 1 ? (
          <nav className="flex gap-2 overflow-x-auto pb-1" aria-label="Event days">
            {days.map((d) => (
              <Link key={d} href={dayHref(d)} aria-current={d === day ? "date" : undefined} className={cn("h-10 shrink-0 rounded-full border px-4 py-2 text-sm", d === day ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card")}>
                {formatDay(d)}
              </Link>
            ))}
          </nav>
        ) : null}

        {meetings.length === 0 ? (
          <div className="rounded-lg border border-dashed bg-card px-4 py-10 text-center text-sm text-muted-foreground">
            No meetings {everyone ? "for the team" : "for you"} on {formatDay(day)}.
          </div>
        ) : null}
        <ol className="flex flex-col gap-3" aria-label="Meetings">
          {open.map((m) => <BoothMeetingCard key={m.id} meeting={m} timeZone={tz} showOwner={everyone} />)}
        </ol>
        {done.length > 0 ? (
          <>
            <h3 className="mt-2 text-sm font-medium text-muted-foreground">Done</h3>
            <ol className="flex flex-col gap-2" aria-label="Finished meetings">
              {done.map((m) => (
                <li key={m.id} className="flex items-center gap-3 rounded-lg border bg-card px-4 py-3 text-sm" data-testid="booth-done">
                  <span className="w-24 shrink-0 tabular-nums text-muted-foreground">{formatInZone(m.scheduledAt, tz, "time")}</span>
                  <span className="min-w-0 flex-1 truncate">{m.person.name}{m.account ? ` · ${m.account.name}` : ""}</span>
                  <Badge variant={STATUS_VARIANT[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      {captures.length > 0 ? (
        <section aria-labelledby="recent-captures" className="flex flex-col gap-2">
          <h2 id="recent-captures" className="text-sm font-medium text-muted-foreground">Your recent walk-ups</h2>
          <ul className="divide-y rounded-lg border bg-card text-sm">
            {captures.map((c) => <li key={c.id} className="px-4 py-2.5">{c.description}</li>)}
          </ul>
        </section>
      ) : null}

      <LeadCaptureDialog open={captureOpen} onOpenChange={setCaptureOpen} onSaved={setFlash} />
    </div>
  );
}

function BoothMeetingCard({ meeting: m, timeZone, showOwner }: { meeting: MeetingItem; timeZone: string; showOwner: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<"complete" | "no-show" | null>(null);
  const [busy, startTransition] = useTransition();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [dialog, ask] = useConfirm();
  async function checkIn() {
    setChecking(true);
    setError(null);
    const res = await apiFetch(`/api/meetings/${m.id}/check-in`, { method: "POST" });
    setChecking(false);
    if (!res.success) {
      if (!isBeforeMeetingDay(res)) return setError(res.error);
      return ask({ title: `Check in ${m.person.name} early?`, description: res.error, confirmLabel: "They are here: check in" }, async () => {
        const again = await apiFetch(`/api/meetings/${m.id}/check-in?early=true`, { method: "POST" });
        if (!again.success) return again.error;
        startTransition(() => router.refresh());
        return null;
      });
    }
    startTransition(() => router.refresh());
  }

  return (
    <li className="rounded-xl border bg-card p-4 shadow-sm" data-testid="booth-meeting">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex items-center gap-1.5 text-sm font-semibold tabular-nums">
            <Clock className="size-4 text-primary" aria-hidden /> {formatInZone(m.scheduledAt, timeZone, "time")}
            <span className="font-normal text-muted-foreground">{m.durationMinutes} min</span>
          </div>
          <div className="mt-1 truncate text-base font-medium">{m.person.name}</div>
          <div className="truncate text-sm text-muted-foreground">{[m.person.title, m.account?.name].filter(Boolean).join(" · ")}</div>
          <div className="mt-1 flex items-center gap-1 text-xs text-muted-foreground">
            <MapPin className="size-3" aria-hidden /> {describeLocation(m)}{showOwner && m.owner ? ` · ${m.owner.name ?? m.owner.email}` : ""}
          </div>
        </div>
        {m.checkedInAt ? <Badge variant="success">Here</Badge> : null}
      </div>
      {m.agenda ? <p className="mt-2 line-clamp-2 text-sm">{m.agenda}</p> : null}
      {error ? <p role="alert" className="mt-2 text-sm text-destructive">{error}</p> : null}
      <div className="mt-3 grid grid-cols-3 gap-2">
        <Button variant="outline" className="h-12" onClick={checkIn} disabled={!!m.checkedInAt || checking || busy}>
          {checking ? <Loader2 className="animate-spin" aria-hidden /> : <LogIn aria-hidden />} {m.checkedInAt ? "In" : "Check in"}
        </Button>
        <Button className="h-12" onClick={() => setMode("complete")}>
          <CheckCircle2 aria-hidden /> Complete
        </Button>
        <Button variant="outline" className="h-12 text-destructive" onClick={() => setMode("no-show")}>
          <UserX aria-hidden /> No-show
        </Button>
      </div>
      {mode ? <CompleteMeetingDialog meeting={m} mode={mode} open onOpenChange={(o) => !o && setMode(null)} /> : null}
      {dialog}
    </li>
  );
}
