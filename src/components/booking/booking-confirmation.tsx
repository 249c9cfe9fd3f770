import { CalendarCheck, Download } from "lucide-react";
import { SlotTime } from "./slot-picker";

export type Confirmation = { start: string; timeZone: string; eventName: string; where: string; repName: string | null; manageUrl: string; icsUrl: string; inviteSent: boolean };

export function BookingConfirmation({ booking, email }: { booking: Confirmation; email?: string }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-lg border border-success/40 bg-success/10 p-4" data-testid="booking-confirmed">
      <p className="flex items-center gap-2 text-lg font-semibold"><CalendarCheck className="size-5 text-success" aria-hidden /> You&apos;re booked</p>
      <p>
        <SlotTime iso={booking.start} timeZone={booking.timeZone} withDay /> at {booking.where}{booking.repName ? `, with ${booking.repName}` : ""}.
      </p>
      <p className="text-sm">{booking.inviteSent ? `The calendar invite is on its way${email ? ` to ${email}` : ""}.` : "We could not email the invite — add it to your calendar below."}</p>
      <div className="flex flex-wrap gap-2">
        <a href={booking.icsUrl} className="inline-flex h-11 items-center gap-2 rounded-md border bg-card px-4 text-sm font-medium"><Download className="size-4" aria-hidden /> Add to calendar (.ics)</a>
        <a href={booking.manageUrl} className="inline-flex h-11 items-center rounded-md px-4 text-sm font-medium text-primary underline-offset-4 hover:underline">Reschedule or cancel</a>
      </div>
    </div>
  );
}
