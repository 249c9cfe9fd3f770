"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { AlertTriangle, CalendarCheck2, Download, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { formatInZone } from "@/lib/time";
import {
  LOCATION_LABELS, formatDay, todayIn, wallClock, type ConflictItem, type LocationType, type MeetingItem,
} from "./format";
import { FormMessage } from "@/components/ui/form-message";
import { PersonSearch } from "@/components/people/person-search";

type PersonOption = { id: string; name: string; title: string | null; email: string | null; account: { id: string; name: string } | null };
type BookingContext = {
  event: { id: string; name: string; timeZone: string; startDate: string; endDate: string; boothNumber: string | null };
  team: { id: string; name: string | null; email: string }[];
  person: PersonOption | null;
  meId: string;
};
type SaveResult = { meeting: MeetingItem; invite: { sent: boolean; to?: string; reason?: string } };

const DURATIONS = [15, 30, 45, 60, 90, 120];
const selectClass = "h-11 w-full rounded-md border border-input bg-card px-3 text-base sm:h-9 sm:text-sm";

function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`) && days.length < 60; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Book (no `meeting`) or edit/reschedule (`meeting` given). Conflicts come back as 409 with the
 * clashing meetings: the dialog lists them and the rep goes back to change the time, or saves
 * anyway (the request is repeated with allowConflicts: true and the override is logged).
 */
export function MeetingDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  personId?: string;
  meeting?: MeetingItem;
  onSaved?: (result: SaveResult) => void;
}) {
  // The form mounts with the dialog, so each opening starts from fresh state.
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.open ? <MeetingDialogBody {...props} /> : null}
    </Dialog>
  );
}

function MeetingDialogBody({ onOpenChange, personId, meeting, onSaved }: {
  onOpenChange: (open: boolean) => void;
  personId?: string;
  meeting?: MeetingItem;
  onSaved?: (result: SaveResult) => void;
}) {
  const router = useRouter();
  const [ctx, setCtx] = useState<BookingContext | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [day, setDay] = useState("");
  const [time, setTime] = useState("10:00");
  const [duration, setDuration] = useState(30);
  const [ownerId, setOwnerId] = useState("");
  const [locationType, setLocationType] = useState<LocationType>("BOOTH");
  const [location, setLocation] = useState("");
  const [address, setAddress] = useState("");
  const [agenda, setAgenda] = useState("");
  const [sendInvite, setSendInvite] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<ConflictItem[] | null>(null);
  const [freeSlots, setFreeSlots] = useState<string[]>([]);
  const [saved, setSaved] = useState<SaveResult | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const pid = meeting?.personId ?? personId;
    apiFetch<BookingContext>(`/api/meetings/context${pid ? `?personId=${encodeURIComponent(pid)}` : ""}`, { signal: controller.signal })
      .then((res) => {
        if (!res.success) return setLoadError(res.error);
        const c = res.data;
        setCtx(c);
        setPerson(c.person);
        if (meeting) {
          const wc = wallClock(meeting.scheduledAt, c.event.timeZone);
          setDay(wc.day);
          setTime(wc.time);
          setDuration(meeting.durationMinutes);
          setOwnerId(meeting.ownerId ?? c.meId);
          setLocationType(meeting.locationType);
          setLocation(meeting.location ?? "");
          setAddress(meeting.address ?? "");
          setAgenda(meeting.agenda ?? "");
        } else {
          const days = daysBetween(c.event.startDate, c.event.endDate);
          const today = todayIn(c.event.timeZone);
          setDay(days.find((d) => d >= today) ?? days[0] ?? today);
          setTime("10:00");
          setDuration(30);
          setOwnerId(c.meId);
          setLocationType("BOOTH");
          setLocation("");
          setAddress("");
          setAgenda("");
        }
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [personId, meeting]);

  async function save(allowConflicts: boolean) {
    if (!ctx || !person) return;
    setSaving(true);
    setError(null);
    const payload = {
      scheduledAt: `${day}T${time}`,
      durationMinutes: duration,
      ownerId,
      locationType,
      location: location || null,
      address: locationType === "OFFSITE" ? address || null : null,
      agenda: agenda || null,
      sendInvite,
      allowConflicts,
    };
    const res = meeting
      ? await apiFetch<SaveResult>(`/api/meetings/${meeting.id}`, { method: "PATCH", body: payload })
      : await apiFetch<SaveResult>("/api/meetings", { method: "POST", body: { personId: person.id, ...payload } });
    setSaving(false);
    if (!res.success) {
      const details = res.details as { conflicts?: ConflictItem[]; suggestions?: string[] } | undefined;
      if (res.code === "conflict" && details?.conflicts) {
        setConflicts(details.conflicts);
        setFreeSlots(details.suggestions ?? []);
        return;
      }
      setError(res.error);
      return;
    }
    setConflicts(null);
    setSaved(res.data);
    onSaved?.(res.data);
    router.refresh();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(false);
  }

  const tz = ctx?.event.timeZone ?? "UTC";
  const days = ctx ? daysBetween(ctx.event.startDate, ctx.event.endDate) : [];

  return (
      <DialogContent aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{meeting ? "Edit or reschedule" : "Book a meeting"}</DialogTitle>
          {ctx ? (
            <DialogDescription>
              {ctx.event.name} · times in {tz.replace(/_/g, " ")}
            </DialogDescription>
          ) : null}
        </DialogHeader>

        <FormMessage message={loadError ? { kind: "error", text: loadError } : null} />
        {!ctx && !loadError ? (
          <div className="flex items-center gap-2 py-10 text-sm text-muted-foreground"><Loader2 className="size-4 animate-spin" aria-hidden /> Loading…</div>
        ) : null}

        {ctx && saved ? (
          <div className="flex flex-col gap-4" data-testid="meeting-saved">
            <div className="flex items-start gap-3 rounded-lg bg-success/10 p-4 text-sm">
              <CalendarCheck2 className="mt-0.5 size-5 text-success" aria-hidden />
              <div>
                <p className="font-medium">
                  {meeting ? "Meeting updated" : "Meeting booked"} — {formatInZone(saved.meeting.scheduledAt, tz, "weekdayTime")}
                </p>
                <p className="text-muted-foreground">
                  {saved.invite.sent ? `Calendar invite sent to ${saved.invite.to}.` : `No invite sent${saved.invite.reason ? `: ${saved.invite.reason}` : ""}.`}
                </p>
              </div>
            </div>
            <DialogFooter>
              <Button variant="outline" asChild>
                <a href={`/api/meetings/${saved.meeting.id}/ics`} download><Download aria-hidden /> Download .ics</a>
              </Button>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : null}

        {ctx && !saved && conflicts ? (
          <div className="flex flex-col gap-4" data-testid="meeting-conflicts">
            <div className="flex items-start gap-3 rounded-lg border border-warning/40 bg-warning/10 p-4 text-sm">
              <AlertTriangle className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
              <div>
                <p className="font-medium">This time clashes with {conflicts.length === 1 ? "another meeting" : `${conflicts.length} meetings`}</p>
                <p className="text-muted-foreground">Go back and pick another time, or save anyway if the overlap is intended.</p>
              </div>
            </div>
            <ul className="divide-y rounded-lg border text-sm">
              {conflicts.map((c) => (
                <li key={c.id} className="flex flex-col gap-0.5 px-4 py-2.5">
                  <span className="font-medium">{formatInZone(c.scheduledAt, tz, "weekdayTime")} · {c.durationMinutes} min</span>
                  <span>{c.personName}{c.accountName ? ` (${c.accountName})` : ""} · {c.location ?? LOCATION_LABELS[c.locationType]}</span>
                  <span className="text-xs text-muted-foreground">
                    {c.reasons.map((r) => (r === "rep" ? `${c.ownerName ?? "The rep"} is busy` : r === "person" ? "Same attendee" : "Same room")).join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
            {freeSlots.length ? (
              <div className="grid gap-2 text-sm" data-testid="free-slots">
                <p className="font-medium">Everyone is free that day at</p>
                <div className="flex flex-wrap gap-2">
                  {freeSlots.map((iso) => (
                    <Button
                      key={iso}
                      variant="outline"
                      size="sm"
                      onClick={() => {
                        const wc = wallClock(iso, tz);
                        setDay(wc.day);
                        setTime(wc.time);
                        setConflicts(null);
                      }}
                    >
                      {formatInZone(iso, tz, "time")}
                    </Button>
                  ))}
                </div>
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">No free time that day for everyone: try another day.</p>
            )}
            {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
            <DialogFooter>
              <Button variant="outline" onClick={() => setConflicts(null)}>Go back</Button>
              <Button variant="destructive" onClick={() => save(true)} disabled={saving}>
                {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Save anyway
              </Button>
            </DialogFooter>
          </div>
        ) : null}

        {ctx && !saved && !conflicts ? (
          <form onSubmit={onSubmit} className="flex flex-col gap-4">
            {person ? (
              <div className="flex items-center justify-between gap-3 rounded-lg border bg-muted/40 px-3 py-2 text-sm">
                <div className="min-w-0">
                  <div className="truncate font-medium">{person.name}</div>
                  <div className="truncate text-xs text-muted-foreground">{[person.title, person.account?.name].filter(Boolean).join(" · ")}</div>
                </div>
                {!personId && !meeting ? <Button type="button" variant="ghost" size="sm" onClick={() => setPerson(null)}>Change</Button> : null}
              </div>
            ) : (
              <PersonSearch<PersonOption> id="meeting-person" label="Who" endpoint="/api/meetings/attendees" minChars={2} onPick={setPerson} />
            )}

            <div className="grid grid-cols-2 gap-3">
              <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
                <Label htmlFor="meeting-day">Day</Label>
                {days.length > 0 && days.includes(day) ? (
                  <select id="meeting-day" className={selectClass} value={day} onChange={(e) => setDay(e.target.value)}>
                    {days.map((d) => <option key={d} value={d}>{formatDay(d)}</option>)}
                  </select>
                ) : (
                  <Input id="meeting-day" type="date" className="h-11 text-base sm:h-9 sm:text-sm" value={day} onChange={(e) => setDay(e.target.value)} required />
                )}
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="meeting-time">Time</Label>
                <Input id="meeting-time" type="time" step={300} className="h-11 text-base sm:h-9 sm:text-sm" value={time} onChange={(e) => setTime(e.target.value)} required />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="meeting-duration">Length</Label>
                <select id="meeting-duration" className={selectClass} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
                  {(DURATIONS.includes(duration) ? DURATIONS : [...DURATIONS, duration].sort((a, b) => a - b)).map((d) => <option key={d} value={d}>{d} min</option>)}
                </select>
              </div>
              <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
                <Label htmlFor="meeting-owner">Rep</Label>
                <select id="meeting-owner" className={selectClass} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                  {ctx.team.map((u) => <option key={u.id} value={u.id}>{u.name ?? u.email}{u.id === ctx.meId ? " (me)" : ""}</option>)}
                </select>
              </div>
            </div>

            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1.5 text-sm font-medium">Where</legend>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {(Object.keys(LOCATION_LABELS) as LocationType[]).map((t) => (
                  <label key={t} className={`flex h-10 cursor-pointer items-center justify-center rounded-md border text-sm ${locationType === t ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card"}`}>
                    <input type="radio" name="locationType" value={t} checked={locationType === t} onChange={() => setLocationType(t)} className="sr-only" />
                    {LOCATION_LABELS[t]}
                  </label>
                ))}
              </div>
            </fieldset>
            {locationType !== "BOOTH" || location ? (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="meeting-location">{locationType === "MEETING_ROOM" ? "Room" : locationType === "OFFSITE" ? "Place" : locationType === "VIRTUAL" ? "Link" : "Table"}</Label>
                <Input id="meeting-location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder={locationType === "MEETING_ROOM" ? "e.g. Room 3" : locationType === "OFFSITE" ? "e.g. Yardbird Table & Bar" : locationType === "VIRTUAL" ? "https://…" : "e.g. Demo table 2"} />
              </div>
            ) : null}
            {locationType === "OFFSITE" ? (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="meeting-address">Address</Label>
                <Input id="meeting-address" value={address} onChange={(e) => setAddress(e.target.value)} required placeholder="Street, city" autoComplete="street-address" />
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="meeting-agenda">Agenda</Label>
              <textarea id="meeting-agenda" rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} className="rounded-md border border-input bg-card px-3 py-2 text-sm shadow-sm" placeholder="What you want to cover" />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={sendInvite} onChange={(e) => setSendInvite(e.target.checked)} className="size-4" />
              {meeting ? "Email the updated invite if the time or place changes" : `Email a calendar invite${person?.email ? ` to ${person.email}` : ""}`}
            </label>
            {person && !person.email && sendInvite ? <p className="text-xs text-muted-foreground">No email on file for {person.name}: you can still download the .ics after saving.</p> : null}
            <FormMessage message={error ? { kind: "error", text: error } : null} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" disabled={saving || !person || !day || !time}>
                {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} {meeting ? "Save changes" : "Book meeting"}
              </Button>
            </DialogFooter>
          </form>
        ) : null}
      </DialogContent>
  );
}
