"use client";
import { useEffect, useState } from "react";
import { CalendarClock, Loader2, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDay } from "@/components/meetings/format";
import { apiFetch } from "@/lib/api-client";

type Window = { day: string; start: string; end: string };
type Availability = { event: { name: string; slug: string; timeZone: string; days: string[]; bookingEnabled: boolean }; windows: Window[]; bookingSlug: string | null; bookingUrl: string | null };

/**
 * My booth hours (when prospects may book me on the public booking page) and my booking link.
 * Self-contained — it loads and saves through /api/me/availability — so any settings page can
 * include it as one line.
 */
export function BoothAvailabilitySettings() {
  const [data, setData] = useState<Availability | null>(null);
  const [windows, setWindows] = useState<Window[]>([]);
  const [slug, setSlug] = useState("");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  useEffect(() => {
    void apiFetch<Availability>("/api/me/availability").then((res) => {
      if (!res.success) return setMessage({ tone: "error", text: res.error });
      setData(res.data);
      setWindows(res.data.windows);
      setSlug(res.data.bookingSlug ?? "");
    });
  }, []);

  async function save() {
    setSaving(true);
    setMessage(null);
    const res = await apiFetch<Availability>("/api/me/availability", { method: "PUT", body: { windows, ...(slug.trim() ? { bookingSlug: slug.trim() } : {}) } });
    setSaving(false);
    if (!res.success) return setMessage({ tone: "error", text: res.error });
    setData(res.data);
    setWindows(res.data.windows);
    setMessage({ tone: "ok", text: "Saved. The booking page offers these hours now." });
  }

  const update = (i: number, patch: Partial<Window>) => setWindows((ws) => ws.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2"><CalendarClock className="size-4" aria-hidden /> My booth hours</CardTitle>
        <CardDescription>
          When prospects can book a meeting with you at the booth{data ? `, in ${data.event.name}'s time zone (${data.event.timeZone.replace(/_/g, " ")})` : ""}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {!data ? (
          message ? <p role="alert" className="text-sm text-destructive">{message.text}</p> : <p className="text-sm text-muted-foreground">Loading…</p>
        ) : (
          <>
            {data.event.days.map((day) => (
              <fieldset key={day} className="flex flex-col gap-2">
                <legend className="text-sm font-medium">{formatDay(day)}</legend>
                {windows.map((w, i) => (w.day !== day ? null : (
                  <div key={i} className="flex items-center gap-2">
                    <Input type="time" step={900} aria-label={`${formatDay(day)} from`} value={w.start} onChange={(e) => update(i, { start: e.target.value })} className="h-10 w-32" />
                    <span aria-hidden>–</span>
                    <Input type="time" step={900} aria-label={`${formatDay(day)} until`} value={w.end} onChange={(e) => update(i, { end: e.target.value })} className="h-10 w-32" />
                    <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${w.start}–${w.end} on ${formatDay(day)}`} onClick={() => setWindows((ws) => ws.filter((_, j) => j !== i))}><Trash2 aria-hidden /></Button>
                  </div>
                )))}
                <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => setWindows((ws) => [...ws, { day, start: "09:00", end: "12:00" }])}>
                  <Plus aria-hidden /> Add hours
                </Button>
              </fieldset>
            ))}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="booking-slug">My booking link</Label>
              <div className="flex min-w-0 items-center gap-1 text-sm">
                <span className="shrink-0 text-muted-foreground">/book/{data.event.slug}/</span>
                <Input id="booking-slug" value={slug} onChange={(e) => setSlug(e.target.value)} className="h-10 min-w-0" placeholder="your-name" />
              </div>
              {data.bookingUrl ? <a href={data.bookingUrl} className="truncate text-sm text-primary hover:underline">{data.bookingUrl}</a> : null}
              {!data.event.bookingEnabled ? <p className="text-sm text-muted-foreground">Booking is switched off for this event.</p> : null}
            </div>
            {message ? <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-destructive" : "text-sm text-success"}>{message.text}</p> : null}
            <Button onClick={save} disabled={saving} className="w-fit">{saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Save booth hours</Button>
          </>
        )}
      </CardContent>
    </Card>
  );
}
