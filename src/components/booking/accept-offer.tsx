"use client";
import { useState } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { BookingConfirmation, type Confirmation } from "./booking-confirmation";

/** One tap books the offered slot (the email's link only opens this page: mail scanners follow links). */
export function AcceptOffer({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<Confirmation | null>(null);
  async function accept() {
    setBusy(true);
    setError(null);
    const res = await apiFetch<Confirmation>(`/api/booking/offer/${token}`, { method: "POST" });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setBooked(res.data);
  }
  if (booked) return <BookingConfirmation booking={booked} />;
  return (
    <div className="flex flex-col gap-3">
      <Button size="lg" className="h-12" onClick={accept} disabled={busy}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Yes, book this time</Button>
      {error ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{error}</p> : null}
    </div>
  );
}
