import type { Metadata } from "next";
import { connection } from "next/server";
import { foundOr404 } from "@/server/http/not-found";
import { BookingShell } from "@/components/booking/booking-shell";
import { ManageBooking } from "@/components/booking/manage-booking";
import { managedBooking } from "@/server/booking/service";

export const metadata: Metadata = { title: "Your booth meeting", robots: { index: false }, referrer: "no-referrer" };

export default async function ManageBookingPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const booking = await foundOr404(managedBooking(token));
  return (
    <BookingShell event={booking.event} title={`Your meeting, ${booking.personName}`}>
      <ManageBooking token={token} booking={booking} />
    </BookingShell>
  );
}
