import { connection } from "next/server";
import { foundOr404 } from "@/server/http/not-found";
import { bookingPage } from "@/server/booking/service";
import { BookingForm } from "./booking-form";
import { BookingShell } from "./booking-shell";

/** /book/<event> and /book/<event>/<rep>: the free booth times and the form (server-rendered). */
export async function PublicBookingPage({ slug, repSlug }: { slug: string; repSlug?: string }) {
  await connection();
  const page = await foundOr404(bookingPage(slug, repSlug));
  const title = page.rep?.name ? `Book a meeting with ${page.rep.name} at our booth` : "Book a meeting at our booth";
  return (
    <BookingShell event={page.event} title={title}>
      <p className="text-sm">
        {page.event.slotMinutes} minutes, in person at the booth. Pick a time that suits you — you&apos;ll get a calendar invite, and a link to move or
        cancel it.
      </p>
      <BookingForm slug={page.event.slug} rep={page.rep?.slug ?? null} days={page.days} timeZone={page.event.timeZone} formToken={page.formToken} />
    </BookingShell>
  );
}
