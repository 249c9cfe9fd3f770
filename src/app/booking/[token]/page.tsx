import type { Metadata } from "next";
import { connection } from "next/server";
import { foundOr404 } from "@/server/http/not-found";
import { BookingConfirmation } from "@/components/booking/booking-confirmation";
import { BookingShell } from "@/components/booking/booking-shell";
import { ManageBooking } from "@/components/booking/manage-booking";
import { managedBooking } from "@/server/booking/service";

export const metadata: Metadata = { title: "Your booth meeting", robots: { index: false }, referrer: "no-referrer" };

/**
 * The prospect's own booking: move or cancel it. Right after booking, the public booking page
 * (public/booking.js) opens it with ?booked=1 (and &invite=0 when the invite could not be emailed):
 * then it shows the confirmation, whose "Reschedule or cancel" link opens this page plainly.
 */
export default async function ManageBookingPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ booked?: string | string[]; invite?: string | string[] }> }) {
  await connection();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const booking = await foundOr404(managedBooking(token));
  const justBooked = query.booked === "1" && booking.status === "SCHEDULED";
  return (
    <BookingShell event={booking.event} title={`Your meeting, ${booking.personName}`}>
      {justBooked ? (
        <BookingConfirmation
          booking={{
            start: booking.start, timeZone: booking.event.timeZone, eventName: booking.event.name, where: booking.where, repName: booking.repName,
            manageUrl: `/booking/${token}`, icsUrl: booking.icsUrl, inviteSent: query.invite !== "0",
          }}
        />
      ) : (
        <ManageBooking token={token} booking={booking} />
      )}
    </BookingShell>
  );
}
