"use client";
import { useState } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { BookingConfirmation, type Confirmation } from "./booking-confirmation";
import { SlotPicker, SlotTime, type SlotDay } from "./slot-picker";
import { useConfirm } from "@/components/ui/confirm-dialog";

type Managed = { status: string; start: string; repName: string | null; canChange: boolean; days: SlotDay[]; icsUrl: string; event: { timeZone: string } };

/** The prospect's own booking: move it to another free time, or cancel it. */
export function ManageBooking({ token, booking }: { token: string; booking: Managed }) {
  const [status, setStatus] = useState(booking.status);
  const [start, setStart] = useState<string | null>(null);
  const [moved, setMoved] = useState<Confirmation | null>(null);
  const [busy, setBusy] = useState<"move" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const tz = booking.event.timeZone;

  async function move() {
    if (!start) return setError("Pick one of the free times first.");
    setBusy("move");
    setError(null);
    const res = await apiFetch<Confirmation>(`/api/booking/manage/${token}/reschedule`, { method: "POST", body: { start } });
    setBusy(null);
    if (!res.success) return setError(res.error);
    setMoved(res.data);
  }

  function cancel() {
    setError(null);
    ask({ title: "Cancel this meeting?", description: "We send a cancellation to your calendar.", confirmLabel: "Cancel the meeting", cancelLabel: "Keep it", destructive: true }, async () => {
      setBusy("cancel");
      const res = await apiFetch(`/api/booking/manage/${token}/cancel`, { method: "POST" });
      setBusy(null);
      if (!res.success) return res.error;
      setStatus("CANCELLED");
      return null;
    });
  }

  if (moved) return <BookingConfirmation booking={moved} />;
  if (status === "CANCELLED") return <p role="status" className="rounded-md bg-muted px-4 py-3" data-testid="booking-cancelled">This meeting is cancelled. We sent the cancellation to your calendar.</p>;
  return (
    <div className="flex flex-col gap-5">
      <p className="rounded-md border bg-card px-4 py-3">
        <strong><SlotTime iso={booking.start} timeZone={tz} withDay /></strong>{booking.repName ? ` with ${booking.repName}` : ""}.{" "}
        <a href={booking.icsUrl} className="text-primary underline-offset-4 hover:underline">Add to calendar (.ics)</a>
      </p>
      {booking.canChange ? (
        <>
          <section className="flex flex-col gap-2" aria-labelledby="move-heading">
            <h2 id="move-heading" className="text-base font-semibold">Move it to another time</h2>
            <SlotPicker days={booking.days} timeZone={tz} value={start} onChange={(iso) => { setStart(iso); setError(null); }} />
            <Button size="lg" className="h-12" onClick={move} disabled={busy !== null}>{busy === "move" ? <Loader2 className="animate-spin" aria-hidden /> : null} Move my meeting</Button>
          </section>
          {error ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{error}</p> : null}
          <Button variant="outline" className="h-12 text-destructive" onClick={cancel} disabled={busy !== null}>{busy === "cancel" ? <Loader2 className="animate-spin" aria-hidden /> : null} Cancel the meeting</Button>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">This meeting has taken place or can no longer be changed.</p>
      )}
      {dialog}
    </div>
  );
}
