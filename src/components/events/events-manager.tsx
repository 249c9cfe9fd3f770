"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import { CalendarPlus, CalendarRange, Loader2, MapPin, Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { FormMessage } from "@/components/ui/form-message";
import { formatCount } from "@/lib/numbers";

export type EventRow = {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  venue: string | null;
  city: string | null;
  timeZone: string;
  boothNumber: string | null;
  description: string | null;
  counts: { accounts: number; people: number; meetings: number };
};

const fmt = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
const range = (a: string, b: string) => (a === b ? fmt.format(new Date(`${a}T12:00:00Z`)) : `${fmt.format(new Date(`${a}T12:00:00Z`))} – ${fmt.format(new Date(`${b}T12:00:00Z`))}`);

export function EventsManager({ events, isAdmin, currentEventId }: { events: EventRow[]; isAdmin: boolean; currentEventId: string | null }) {
  const router = useRouter();
  const [editing, setEditing] = useState<EventRow | "new" | null>(null);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  async function switchTo(id: string) {
    const res = await apiFetch("/api/me", { method: "PATCH", body: { lastEventId: id } });
    if (res.success) startTransition(() => router.refresh());
    else setMessage(res.error);
  }

  return (
    <div className="flex flex-col gap-4">
      {isAdmin ? (
        <div>
          <Button onClick={() => setEditing("new")} data-testid="new-event"><CalendarPlus aria-hidden /> New event</Button>
        </div>
      ) : null}
      <FormMessage message={message ? { kind: "ok", text: message } : null} />
      {events.length === 0 ? (
        <EmptyState icon={CalendarRange} title="No events yet">{isAdmin ? "Create the first show your team is going to." : "An admin creates the first event."}</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {events.map((e) => (
            <Card key={e.id} className="flex flex-col gap-3 p-5" data-testid="event-card">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 className="truncate text-base font-semibold">{e.name}</h2>
                  <p className="text-sm text-muted-foreground">{range(e.startDate, e.endDate)}</p>
                </div>
                {e.id === currentEventId ? <Badge>Current</Badge> : null}
              </div>
              <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
                <MapPin className="size-4 shrink-0" aria-hidden />
                {[e.venue, e.city].filter(Boolean).join(", ") || "Venue not set"}{e.boothNumber ? ` · Booth ${e.boothNumber}` : ""}
              </p>
              <p className="text-xs text-muted-foreground">{e.timeZone.replace(/_/g, " ")}</p>
              <dl className="grid grid-cols-3 gap-2 rounded-lg bg-muted/50 p-3 text-center">
                {([["Accounts", e.counts.accounts], ["People", e.counts.people], ["Meetings", e.counts.meetings]] as const).map(([label, n]) => (
                  <div key={label}>
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{formatCount(n)}</dd>
                  </div>
                ))}
              </dl>
              <div className="flex flex-wrap gap-2">
                {e.id !== currentEventId ? (
                  <Button variant="outline" size="sm" onClick={() => switchTo(e.id)} disabled={pending}>Switch to this event</Button>
                ) : null}
                {isAdmin ? <Button variant="ghost" size="sm" onClick={() => setEditing(e)}><Pencil aria-hidden /> Edit</Button> : null}
              </div>
            </Card>
          ))}
        </div>
      )}
      {editing ? (
        <EventDialog
          event={editing === "new" ? null : editing}
          events={events}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setMessage(text);
            setEditing(null);
            startTransition(() => router.refresh());
          }}
        />
      ) : null}
    </div>
  );
}

function EventDialog({ event, events, onClose, onSaved }: { event: EventRow | null; events: EventRow[]; onClose: () => void; onSaved: (message: string) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState("");
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
  const source = events.find((e) => e.id === copyFrom);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "").trim();
    const body = {
      name: get("name"),
      startDate: get("startDate"),
      endDate: get("endDate"),
      venue: get("venue") || null,
      city: get("city") || null,
      timeZone: get("timeZone"),
      boothNumber: get("boothNumber") || null,
      ...(event ? {} : copyFrom ? { copyFromEventId: copyFrom } : {}),
    };
    setSaving(true);
    setError(null);
    const res = event
      ? await apiFetch(`/api/events/${event.id}`, { method: "PATCH", body })
      : await apiFetch<{ event: { name: string }; copied: { accounts: number; people: number; dossiers: number } | null }>("/api/events", { method: "POST", body });
    setSaving(false);
    if (!res.success) return setError(res.error);
    if (event) return onSaved(`${body.name} saved.`);
    const created = res.data as { event: { name: string }; copied: { accounts: number; people: number; dossiers: number } | null };
    onSaved(
      created.copied
        ? `${created.event.name} created with ${formatCount(created.copied.accounts)} accounts, ${formatCount(created.copied.people)} people and ${formatCount(created.copied.dossiers)} dossiers copied.`
        : `${created.event.name} created.`,
    );
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{event ? `Edit ${event.name}` : "New event"}</DialogTitle>
          <DialogDescription>Dates are the show&rsquo;s local calendar days; meeting times use its time zone.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="event-name">Name</Label>
            <Input id="event-name" name="name" required minLength={2} defaultValue={event?.name} placeholder="Manifest 2027" autoFocus />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-start">Starts</Label>
              <Input id="event-start" name="startDate" type="date" required defaultValue={event?.startDate} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-end">Ends</Label>
              <Input id="event-end" name="endDate" type="date" required defaultValue={event?.endDate} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-venue">Venue</Label>
              <Input id="event-venue" name="venue" defaultValue={event?.venue ?? ""} placeholder="Venetian Expo" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-city">City</Label>
              <Input id="event-city" name="city" defaultValue={event?.city ?? ""} placeholder="Las Vegas" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-tz">Time zone</Label>
              <Input id="event-tz" name="timeZone" required list="event-tz-list" defaultValue={event?.timeZone ?? "America/Los_Angeles"} autoComplete="off" />
              <datalist id="event-tz-list">{zones.map((z) => <option key={z} value={z} />)}</datalist>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-booth">Booth</Label>
              <Input id="event-booth" name="boothNumber" defaultValue={event?.boothNumber ?? ""} placeholder="e.g. 1427" />
            </div>
          </div>
          {!event && events.length > 0 ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="event-copy">Start from</Label>
              <select id="event-copy" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} className="h-9 rounded-md border border-input bg-card px-2 text-sm">
                <option value="">An empty target list</option>
                {events.map((e) => <option key={e.id} value={e.id}>{e.name}’s target list ({formatCount(e.counts.accounts)} accounts)</option>)}
              </select>
              {source ? (
                <p className="text-xs text-muted-foreground">
                  Copies {formatCount(source.counts.accounts)} accounts, {formatCount(source.counts.people)} people and their research dossiers. Statuses start over at Prospecting; outreach, meetings and activity stay with {source.name}.
                </p>
              ) : null}
            </div>
          ) : null}
          <FormMessage message={error ? { kind: "error", text: error } : null} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={saving}>
              {saving ? <Loader2 className="animate-spin" aria-hidden /> : null}
              {saving ? (copyFrom ? "Copying the target list…" : "Saving…") : event ? "Save" : "Create event"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
