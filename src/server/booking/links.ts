import { appUrl } from "@/server/env";
import { signToken } from "@/server/tracking/tokens";

/** The prospect's own link to a meeting they booked: see it, move it, cancel it, download the .ics. */
export function manageBookingUrl(meetingId: string): string {
  return `${appUrl()}/booking/${signToken({ k: "m", id: meetingId })}`;
}

export function manageBookingIcsUrl(meetingId: string): string {
  return `${appUrl()}/api/booking/manage/${signToken({ k: "m", id: meetingId })}/ics`;
}

/** A one-click offer of one booth slot to one person with one rep (sequence step "Offer booth slots"). */
export function slotOfferUrl(offer: { personId: string; repId: string; eventId: string; start: Date }): string {
  return `${appUrl()}/booking/slot/${signToken({ k: "s", id: offer.personId, r: offer.repId, e: offer.eventId, t: offer.start.toISOString() })}`;
}
