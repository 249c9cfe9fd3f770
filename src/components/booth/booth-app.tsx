"use client";
import dynamic from "next/dynamic";
import { memo, useCallback, useEffect, useMemo, useState } from "react";
import { AlertTriangle, CheckCircle2, Clock, CloudOff, Flame, Loader2, LogIn, MapPin, RefreshCw, Smartphone, Trash2, UserPlus, UserX, Wifi } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { MeetingOutcomeBody } from "@/components/meetings/complete-meeting-dialog";
import { STATUS_LABELS, STATUS_VARIANT, describeLocation, formatDay, todayIn, wallClock, type MeetingItem } from "@/components/meetings/format";
import { formatInZone } from "@/lib/time";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { BOOTH_FIRST_MEETINGS, pickBoothDay, type BoothPhase } from "@/lib/booth/days";
import { keepNewestAgenda, storedAgenda, type OutboxItem, type OutboxState, type StoredAgenda } from "@/lib/booth/offline-store";
import { applyQueuedActions } from "@/lib/booth/overlay";
import type { BoothOperationInput, CaptureLeadInput } from "@/lib/booth/schemas";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { useBoothQueue } from "./use-booth-queue";
import { useServiceWorker } from "./use-service-worker";

// The capture form (with the badge scanner and its validation) and the outcome dialog load when
// first opened, not with the page: the booth must answer a tap quickly on a slow phone. Every
// chunk is in the service worker's precache (installed once the page is idle), so both open in
// airplane mode too. They are not run before they are needed: zod's schemas alone were a 100-ms
// task on Lighthouse's phone, right when the booth should be answering taps; the capture button
// starts loading its form on touch, before the tap ends.
const loadLeadCapture = () => import("./lead-capture-dialog");
const LeadCaptureDialog = dynamic(() => loadLeadCapture().then((m) => m.LeadCaptureDialog), { ssr: false });
const CompleteMeetingDialog = dynamic(() => import("@/components/meetings/complete-meeting-dialog").then((m) => m.CompleteMeetingDialog), { ssr: false });
// The queue's validation and sync (zod and the booth's schemas, the largest script the booth runs)
// load on first use, like the form.
const loadSync = () => import("@/lib/booth/sync");
const warmCapture = () => {
  void loadLeadCapture().catch(() => undefined);
  void loadSync().catch(() => undefined);
};

// completeRefusal: why this rep may not complete it (absent in snapshots cached before it existed).
// timeLabel: the time preformatted by the server, in the page's first view only.
type AgendaMeetingItem = MeetingItem & { talkingPoints: string[]; completeRefusal?: string | null; timeLabel?: string };

export type BoothSnapshot = {
  fetchedAt: string;
  userId: string;
  event: { id: string; name: string; timeZone: string; boothNumber: string | null; venue: string | null };
  day: string;
  today: string;
  phase: BoothPhase;
  days: string[];
  meetings: AgendaMeetingItem[];
  /** Only the first of this rep's meetings of `day` (the page's first view); never stored on the phone. */
  firstView?: true;
  /** First view only: this rep's meetings of `day` that come with the whole agenda. */
  firstViewMore?: number;
  /** First view only: the day holds more than `firstViewMore` (the server counts up to a cap). */
  firstViewMoreAtLeast?: true;
};

const STATE_LABEL: Record<OutboxState, string> = {
  saved: "Saved on phone",
  syncing: "Syncing…",
  synced: "Synced",
  attention: "Needs attention",
};

const STATE_VARIANT: Record<OutboxState, "secondary" | "default" | "success" | "destructive"> = {
  saved: "secondary",
  syncing: "default",
  synced: "success",
  attention: "destructive",
};

/**
 * The booth on a phone, online or not: the show day's agenda (cached on the phone), walk-up
 * capture with badge scanning, and check-in / complete / no-show. Every write goes to the phone's
 * queue first and syncs by itself; each item says where it is (saved on phone, synced, needs
 * attention), so the rep never wonders whether a lead was lost.
 */
export function BoothApp({ initial, cardReading }: { initial: BoothSnapshot; cardReading: boolean }) {
  const userId = initial.userId;
  const eventId = initial.event.id;
  const [agenda, setAgenda] = useState<StoredAgenda<BoothSnapshot>>(() => ({
    id: `${userId}:${eventId}`, userId, eventId, fetchedAt: initial.fetchedAt, receivedAt: initial.fetchedAt, snapshot: initial,
  }));
  const [day, setDay] = useState(initial.day);
  const [everyone, setEveryone] = useState(false);
  const [captureOpen, setCaptureOpen] = useState(false);
  const [lastCapture, setLastCapture] = useState<string | null>(null);
  // Mounted once first opened, then kept: a half-typed capture survives closing the form.
  const [captureOpened, setCaptureOpened] = useState(false);
  if (captureOpen && !captureOpened) setCaptureOpened(true);
  const offlineReady = useServiceWorker();

  // Only a newer snapshot replaces the one shown: a copy of the same one read back from the phone's
  // storage is new objects with the same meetings, and would re-render every card for nothing.
  const showIfNewer = useCallback((stored: StoredAgenda<BoothSnapshot>) => setAgenda((shown) => (stored.fetchedAt > shown.fetchedAt ? stored : shown)), []);

  const refreshAgenda = useCallback(async () => {
    const res = await apiFetch<BoothSnapshot>("/api/booth/agenda");
    if (res.success && res.data.event.id === eventId) showIfNewer(await keepNewestAgenda(userId, eventId, res.data.fetchedAt, res.data));
  }, [userId, eventId, showIfNewer]);

  const queue = useBoothQueue(userId, refreshAgenda);

  // The page may come from the phone's cache (offline reload): the stored snapshot can be newer.
  // The page itself carries only the rep's meetings of the day (a busy show's whole agenda is
  // megabytes, too much for the first paint on venue Wi-Fi): the whole agenda is fetched once the
  // page has loaded, and that is what the phone keeps for offline use.
  useEffect(() => {
    if (initial.firstView) void storedAgenda<BoothSnapshot>(userId, eventId).then((stored) => stored && showIfNewer(stored));
    else void keepNewestAgenda(userId, eventId, initial.fetchedAt, initial).then(showIfNewer);
  }, [userId, eventId, initial, showIfNewer]);
  // Fetched after the service worker has settled (it waits for the page to load and go idle, then
  // precaches the app): the whole agenda is megabytes on a busy show and not needed to paint.
  const agendaFetched = offlineReady !== null;
  useEffect(() => {
    if (initial.firstView && agendaFetched && navigator.onLine) void Promise.resolve().then(refreshAgenda);
  }, [initial.firstView, agendaFetched, refreshAgenda]);

  const snapshot = agenda.snapshot;
  const tz = snapshot.event.timeZone;
  // The first view is all of one day (the server's pick, with its "today"): the phone does not
  // compute zones for it, so no Intl formatter is built while the page hydrates (each page's first
  // one loads the locale data, ~35 ms on a phone). The whole agenda is sorted by day on the phone.
  const firstView = snapshot.firstView === true;
  const today = firstView ? snapshot.today : todayIn(tz);
  const phase = pickBoothDay(snapshot.days, today).phase;
  const items = useMemo(() => queue.items ?? [], [queue.items]);
  const meetings = useMemo(
    () =>
      applyQueuedActions(snapshot.meetings, items, agenda.receivedAt)
        .filter((m) => everyone || m.ownerId === userId)
        .filter((m) => (firstView ? day === snapshot.day : wallClock(m.scheduledAt, tz).day === day)),
    [snapshot.meetings, snapshot.day, firstView, items, agenda.receivedAt, everyone, userId, tz, day],
  );
  const open = meetings.filter((m) => m.status === "SCHEDULED");
  const done = meetings.filter((m) => m.status !== "SCHEDULED");
  // A busy day has hundreds of meetings; the phone renders the next few and the rest on request.
  const [showAll, setShowAll] = useState(false);
  const shownOpen = showAll ? open : open.slice(0, BOOTH_FIRST_MEETINGS);
  const shownDone = showAll ? done : done.slice(-BOOTH_FIRST_MEETINGS);
  // The first view holds only what is shown; "Show all" appears once the whole agenda is here.
  const hidden = firstView ? 0 : open.length - shownOpen.length + done.length - shownDone.length;
  const { add: enqueueOperation } = queue;

  const add = useCallback(
    async (operation: BoothOperationInput, label: string): Promise<string | null> => {
      let checked;
      try {
        checked = (await loadSync()).checkOperation(operation);
      } catch {
        return "This phone has not loaded the booth completely yet, so nothing was saved. Connect once and try again.";
      }
      if (!checked.success) return checked.error.issues[0]?.message ?? "Something in this form is not right.";
      try {
        await enqueueOperation(operation, label, eventId);
        return null;
      } catch {
        return "This phone could not store it (is storage full or private browsing on?). Nothing was saved.";
      }
    },
    [enqueueOperation, eventId],
  );

  const saveLead = useCallback(
    async (lead: CaptureLeadInput) => {
      const key = crypto.randomUUID();
      const problem = await add({ key, kind: "capture", lead }, [lead.name.trim(), lead.company?.trim()].filter(Boolean).join(" · "));
      if (!problem) setLastCapture(key);
      return problem;
    },
    [add],
  );

  const lastItem = lastCapture ? items.find((i) => i.key === lastCapture) : undefined;
  const pending = items.filter((i) => i.state === "saved" || i.state === "syncing").length;
  const attention = items.filter((i) => i.state === "attention").length;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 pb-24">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Booth</h1>
        <p className="text-sm text-muted-foreground">
          {snapshot.event.name}{snapshot.event.boothNumber ? ` · Booth ${snapshot.event.boothNumber}` : ""} · times in {tz.replace(/_/g, " ")}
        </p>
      </div>

      <ConnectionBanner online={queue.online} syncing={queue.syncing} pending={pending} attention={attention} waiting={queue.waiting} offlineReady={offlineReady} />

      <Button size="lg" className="h-14 w-full text-base" onPointerDown={warmCapture} onClick={() => setCaptureOpen(true)} data-testid="capture-lead">
        <UserPlus className="!size-5" aria-hidden /> Capture a walk-up
      </Button>
      {lastItem ? (
        <p role="status" className={cn("rounded-md px-3 py-2 text-sm", lastItem.state === "attention" ? "bg-destructive/10 text-destructive" : lastItem.state === "synced" ? "bg-success/10 text-success" : "bg-muted")} data-testid="capture-result">
          {lastItem.state === "synced" ? lastItem.message : lastItem.state === "attention" ? `${lastItem.label}: ${lastItem.message}` : `Saved ${lastItem.label} on this phone — it syncs by itself.`}
        </p>
      ) : null}

      <section aria-labelledby="booth-day" className="flex flex-col gap-3">
        <div className="flex items-end justify-between gap-2">
          <div>
            <h2 id="booth-day" className="text-lg font-semibold">{day === today ? `Today · ${formatDay(day)}` : formatDay(day)}</h2>
            {phase === "before" && day !== today ? (
              <p className="text-sm text-muted-foreground" data-testid="not-event-day">Today ({formatDay(today)}) is not a show day — here is {snapshot.days[0] === day ? "the first" : "the next"} event day.</p>
            ) : null}
            {phase === "after" && day !== today ? <p className="text-sm text-muted-foreground" data-testid="not-event-day">The show is over — here is one of its days.</p> : null}
          </div>
          <div className="inline-flex shrink-0 rounded-md border bg-card p-0.5 text-sm" role="group" aria-label="Whose meetings">
            <button type="button" aria-pressed={!everyone} onClick={() => setEveryone(false)} className={cn("min-h-10 rounded px-3", !everyone ? "bg-primary text-primary-foreground" : "")}>Mine</button>
            <button type="button" aria-pressed={everyone} onClick={() => setEveryone(true)} className={cn("min-h-10 rounded px-3", everyone ? "bg-primary text-primary-foreground" : "")}>Team</button>
          </div>
        </div>
        {snapshot.days.length > 1 ? (
          <div className="flex gap-2 overflow-x-auto pb-1" role="group" aria-label="Event days">
            {snapshot.days.map((d) => (
              <button key={d} type="button" onClick={() => setDay(d)} aria-pressed={d === day} className={cn("h-10 shrink-0 rounded-full border px-4 text-sm", d === day ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card")}>
                {formatDay(d)}
              </button>
            ))}
          </div>
        ) : null}

        {firstView && (everyone || day !== snapshot.day) ? (
          <p className="rounded-lg border border-dashed bg-card px-4 py-6 text-center text-sm text-muted-foreground" data-testid="agenda-loading">
            {queue.online ? "Loading the team's meetings and the other show days…" : "The team's meetings and the other show days load once this phone is online."}
          </p>
        ) : meetings.length === 0 ? (
          <div className="rounded-lg border border-dashed bg-card px-4 py-10 text-center text-sm text-muted-foreground">
            No meetings {everyone ? "for the team" : "for you"} on {formatDay(day)}.
          </div>
        ) : null}
        <ol className="flex flex-col gap-3" aria-label="Meetings">
          {shownOpen.map((m) => <BoothMeetingCard key={m.id} meeting={m} timeZone={tz} showOwner={everyone} onAction={add} />)}
        </ol>
        {firstView && !everyone && day === snapshot.day && (snapshot.firstViewMore ?? 0) > 0 ? (
          <p className="rounded-lg border border-dashed bg-card px-4 py-3 text-center text-sm text-muted-foreground" data-testid="first-view-more">
            {snapshot.firstViewMoreAtLeast
              ? `More than ${snapshot.firstViewMore} more of your meetings`
              : snapshot.firstViewMore === 1 ? "1 more of your meetings" : `${snapshot.firstViewMore} more of your meetings`}{" "}
            on {formatDay(day)}{" "}
            {queue.online ? "will show in a moment." : "will show once this phone is online."}
          </p>
        ) : null}
        {hidden > 0 ? (
          <Button variant="outline" className="h-12" onClick={() => setShowAll(true)} data-testid="booth-show-all">
            Show all {meetings.length} meetings of {formatDay(day)} ({hidden} more)
          </Button>
        ) : null}
        {shownDone.length > 0 ? (
          <>
            <h3 className="mt-2 text-sm font-medium text-muted-foreground">Done</h3>
            <ol className="flex flex-col gap-2" aria-label="Finished meetings">
              {shownDone.map((m) => (
                <li key={m.id} className="flex items-center gap-3 rounded-lg border bg-card px-4 py-3 text-sm" data-testid="booth-done">
                  <span className="w-24 shrink-0 tabular-nums text-muted-foreground">{m.timeLabel ?? formatInZone(m.scheduledAt, tz, "time")}</span>
                  <span className="min-w-0 flex-1 truncate">{m.person.name}{m.account ? ` · ${m.account.name}` : ""}</span>
                  <Badge variant={STATUS_VARIANT[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                  {m.queued && m.queued !== "synced" ? <span className="sr-only">(saved on phone)</span> : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <QueueList items={items} onRetry={queue.retry} onRemove={queue.remove} />

      {/* A plain link: the booth is a Pages Router page, the list an App Router one (a full page load either way). */}
      <a href="/dashboard/booth/leads" className="inline-flex h-12 items-center justify-center gap-2 rounded-md border bg-card text-sm font-medium">
        <Flame className="size-4 text-destructive" aria-hidden /> Hot leads from the show
      </a>

      {captureOpened ? <LeadCaptureDialog open={captureOpen} onOpenChange={setCaptureOpen} onSave={saveLead} cardReading={cardReading} online={queue.online} /> : null}
    </div>
  );
}

function ConnectionBanner({ online, syncing, pending, attention, waiting, offlineReady }: {
  online: boolean; syncing: boolean; pending: number; attention: number; waiting: string | null; offlineReady: boolean | null;
}) {
  let tone = "bg-muted text-foreground";
  let icon = <Wifi className="size-4 shrink-0" aria-hidden />;
  let text: string;
  if (!online) {
    tone = "bg-warning/15 text-foreground";
    icon = <CloudOff className="size-4 shrink-0" aria-hidden />;
    text = pending > 0 ? `Offline — ${pending} saved on this phone. They sync by themselves when the connection is back.` : "Offline — keep working: everything is saved on this phone and syncs later.";
  } else if (pending > 0) {
    icon = syncing ? <Loader2 className="size-4 shrink-0 animate-spin" aria-hidden /> : <Smartphone className="size-4 shrink-0" aria-hidden />;
    text = syncing ? `Syncing ${pending}…` : waiting ?? `${pending} waiting to sync.`;
  } else {
    icon = <CheckCircle2 className="size-4 shrink-0 text-success" aria-hidden />;
    text = offlineReady === false ? "Online · all synced. This browser can't keep the booth for offline use." : "Online · all synced.";
  }
  return (
    <div role="status" aria-live="polite" className={cn("flex items-start gap-2 rounded-md px-3 py-2 text-sm", tone)} data-testid="connection-status" data-online={online} data-pending={pending}>
      {icon}
      <span>
        {text}
        {attention > 0 ? <span className="block font-medium text-destructive">{attention} {attention === 1 ? "item needs" : "items need"} your attention below.</span> : null}
      </span>
    </div>
  );
}

function QueueList({ items, onRetry, onRemove }: { items: OutboxItem[]; onRetry: (key: string) => void; onRemove: (key: string) => void }) {
  const [dialog, ask] = useConfirm();
  if (items.length === 0) return null;
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="on-this-phone" className="flex flex-col gap-2">
      <h2 id="on-this-phone" className="text-sm font-medium text-muted-foreground">From this phone</h2>
      <ul className="divide-y rounded-lg border bg-card text-sm" data-testid="outbox">
        {newestFirst.map((item) => (
          <li key={item.key} className="flex flex-col gap-1 px-4 py-2.5" data-testid="outbox-item" data-state={item.state}>
            <div className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate">
                <span className="text-muted-foreground">{KIND_LABEL[item.operation.kind]}: </span>
                {item.label}
              </span>
              <Badge variant={STATE_VARIANT[item.state]}>{STATE_LABEL[item.state]}</Badge>
            </div>
            {item.state === "attention" ? (
              <div className="flex flex-col gap-2">
                <p className="flex gap-1.5 text-destructive"><AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {item.message}</p>
                <div className="flex gap-2">
                  <Button size="sm" variant="outline" onClick={() => onRetry(item.key)}><RefreshCw aria-hidden /> Try again</Button>
                  <Button size="sm" variant="ghost" className="text-destructive" onClick={() => ask({ title: `Remove "${item.label}" from this phone?`, description: "It was not saved on the server.", confirmLabel: "Remove", destructive: true }, async () => { onRemove(item.key); return null; })}>
                    <Trash2 aria-hidden /> Remove
                  </Button>
                </div>
              </div>
            ) : item.state === "synced" && item.message && item.message !== "Synced" ? (
              <p className="text-muted-foreground">{item.message}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {dialog}
    </section>
  );
}

const KIND_LABEL: Record<BoothOperationInput["kind"], string> = { capture: "Lead", check_in: "Check-in", complete: "Completed", no_show: "No-show" };

// Memoised: a change to one meeting, the queue or the connection re-renders only what it changed,
// not every card of a day with hundreds of meetings.
const BoothMeetingCard = memo(function BoothMeetingCard({ meeting: m, timeZone, showOwner, onAction }: {
  meeting: AgendaMeetingItem & { queued?: OutboxState };
  timeZone: string;
  showOwner: boolean;
  onAction: (operation: BoothOperationInput, label: string) => Promise<string | null>;
}) {
  const [mode, setMode] = useState<"complete" | "no-show" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = `${m.person.name}${m.account ? ` · ${m.account.name}` : ""}`;

  async function checkIn() {
    setError(null);
    setError(await onAction({ key: crypto.randomUUID(), kind: "check_in", meetingId: m.id, at: new Date().toISOString() }, label));
  }

  const submitOutcome = (kind: "complete" | "no-show", body: MeetingOutcomeBody) =>
    kind === "complete"
      ? onAction({ key: crypto.randomUUID(), kind: "complete", meetingId: m.id, outcome: { outcome: body.outcome, nextStep: body.nextStep, ...(body.accountStatus ? { accountStatus: body.accountStatus as "ENGAGED" | "WON" | "LOST", reason: body.reason ?? null } : {}) } }, label)
      : onAction({ key: crypto.randomUUID(), kind: "no_show", meetingId: m.id, outcome: { note: body.outcome } }, label);

  return (
    <li className="rounded-xl border bg-card p-4 shadow-sm" data-testid="booth-meeting">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex items-center gap-1.5 text-sm font-semibold tabular-nums">
            <Clock className="size-4 text-primary" aria-hidden /> {m.timeLabel ?? formatInZone(m.scheduledAt, timeZone, "time")}
            <span className="font-normal text-muted-foreground">{m.durationMinutes} min</span>
          </div>
          <div className="mt-1 truncate text-base font-medium">{m.person.name}</div>
          <div className="truncate text-sm text-muted-foreground">{[m.person.title, m.account?.name].filter(Boolean).join(" · ")}</div>
          <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
            <MapPin className="size-3" aria-hidden /> {describeLocation(m)}{showOwner && m.owner ? ` · ${m.owner.name ?? m.owner.email}` : ""}
            {m.account ? <span className="ml-1 rounded border px-1.5">Tier {m.account.tier} · {m.account.status.replace("_", " ").toLowerCase()}</span> : null}
          </div>
        </div>
        {m.checkedInAt ? <Badge variant="success">Here</Badge> : null}
      </div>
      {m.agenda ? <p className="mt-2 line-clamp-2 text-sm">{m.agenda}</p> : null}
      {m.talkingPoints.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer py-1 font-medium text-primary">Talking points</summary>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-muted-foreground">
            {m.talkingPoints.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </details>
      ) : null}
      {error ? <p role="alert" className="mt-2 text-sm text-destructive">{error}</p> : null}
      <div className="mt-3 grid grid-cols-3 gap-2">
        <Button variant="outline" className="h-12" onClick={checkIn} disabled={!!m.checkedInAt}>
          <LogIn aria-hidden /> {m.checkedInAt ? "In" : "Check in"}
        </Button>
        <Button className="h-12" onClick={() => setMode("complete")} disabled={!!m.completeRefusal} aria-describedby={m.completeRefusal ? `complete-refusal-${m.id}` : undefined}>
          <CheckCircle2 aria-hidden /> Complete
        </Button>
        <Button variant="outline" className="h-12 text-destructive" onClick={() => setMode("no-show")}>
          <UserX aria-hidden /> No-show
        </Button>
      </div>
      {m.completeRefusal ? <p id={`complete-refusal-${m.id}`} className="mt-2 text-xs text-muted-foreground">{m.completeRefusal}</p> : null}
      {mode ? <CompleteMeetingDialog meeting={m} mode={mode} open onOpenChange={(o) => !o && setMode(null)} submit={submitOutcome} /> : null}
    </li>
  );
});
