import type { Metadata } from "next";
import { connection } from "next/server";
import { foundOr404 } from "@/server/http/not-found";
import { AcceptOffer } from "@/components/booking/accept-offer";
import { BookingShell } from "@/components/booking/booking-shell";
import { SlotTime } from "@/components/booking/slot-picker";
import { slotOffer } from "@/server/booking/service";

export const metadata: Metadata = { title: "Book this booth slot", robots: { index: false }, referrer: "no-referrer" };

export default async function SlotOfferPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const offer = await foundOr404(slotOffer(token));
  return (
    <BookingShell event={offer.event} title={`${offer.personName}, meet ${offer.repName ?? "us"} at the booth?`}>
      <p className="rounded-md border bg-card px-4 py-3 text-lg">
        <SlotTime iso={offer.start} timeZone={offer.event.timeZone} withDay />
      </p>
      {offer.free ? (
        <AcceptOffer token={token} />
      ) : (
        <p role="status" className="rounded-md bg-muted px-4 py-3">
          That time has just been taken.{" "}
          {/* A plain link: the booking page is a Pages Router page (a full page load either way). */}
          <a className="font-medium text-primary underline-offset-4 hover:underline" href={`/book/${offer.event.slug}${offer.repSlug ? `/${offer.repSlug}` : ""}`}>
            See the other free times
          </a>
          .
        </p>
      )}
    </BookingShell>
  );
}
