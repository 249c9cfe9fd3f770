"use client";
import { useState, type FormEvent } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { BookingConfirmation, type Confirmation } from "./booking-confirmation";
import { SlotPicker, SlotTime, type SlotDay } from "./slot-picker";

/**
 * Pick a time, say who you are, book. The hidden "website" field is a honeypot (people never see
 * it; form-filling bots do), and the signed form token carries the render time for the timing check.
 */
export function BookingForm({ slug, rep, days, timeZone, formToken }: { slug: string; rep: string | null; days: SlotDay[]; timeZone: string; formToken: string }) {
  const [start, setStart] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [booked, setBooked] = useState<{ booking: Confirmation; email: string } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!start) return setError("Pick one of the free times first.");
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "").trim();
    setSaving(true);
    setError(null);
    const res = await apiFetch<Confirmation>(`/api/booking/${encodeURIComponent(slug)}`, {
      method: "POST",
      body: { start, name: get("name"), company: get("company"), email: get("email"), website: get("website"), formToken, ...(rep ? { rep } : {}) },
    });
    setSaving(false);
    if (!res.success) return setError(res.error);
    setBooked({ booking: res.data, email: get("email") });
  }

  if (booked) return <BookingConfirmation booking={booked.booking} email={booked.email} />;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-base font-semibold">1. Pick a time</legend>
        <SlotPicker days={days} timeZone={timeZone} value={start} onChange={(iso) => { setStart(iso); setError(null); }} />
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold">2. Who are you?</legend>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="book-name">Your name</Label>
          <Input id="book-name" name="name" required minLength={2} autoComplete="name" className="h-12 text-base" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="book-company">Company</Label>
          <Input id="book-company" name="company" required autoComplete="organization" className="h-12 text-base" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="book-email">Work email</Label>
          <Input id="book-email" name="email" type="email" required autoComplete="email" inputMode="email" className="h-12 text-base" />
        </div>
        <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
          <label htmlFor="book-website">Website (leave empty)</label>
          <input id="book-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
      </fieldset>
      {start ? <p className="text-sm">Booking <strong><SlotTime iso={start} timeZone={timeZone} withDay /></strong>.</p> : null}
      {error ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{error}</p> : null}
      <Button type="submit" size="lg" className="h-12 w-full text-base" disabled={saving}>
        {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Book this time
      </Button>
    </form>
  );
}
