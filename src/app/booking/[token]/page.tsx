import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BookingShell } from "@/components/booking/booking-shell";
import { ManageBooking } from "@/components/booking/manage-booking";
import { managedBooking } from "@/server/booking/service";
import { AppError } from "@/server/http/errors";

export const metadata: Metadata = { title: "Your booth meeting", robots: { index: false }, referrer: "no-referrer" };

export default async function ManageBookingPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const booking = await managedBooking(token).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <BookingShell event={booking.event} title={`Your meeting, ${booking.personName}`}>
      <ManageBooking token={token} booking={booking} />
    </BookingShell>
  );
}
