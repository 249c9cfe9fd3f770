import type { Metadata } from "next";
import { PublicBookingPage } from "@/components/booking/public-booking-page";

export const metadata: Metadata = { title: "Book a booth meeting", robots: { index: false } };

export default async function BookRepPage({ params }: { params: Promise<{ event: string; rep: string }> }) {
  const { event, rep } = await params;
  return <PublicBookingPage slug={event} repSlug={rep} />;
}
