import type { Metadata } from "next";
import { EventsManager } from "@/components/events/events-manager";
import { PageHeader } from "@/components/ui/page-header";
import { listEventsWithCounts } from "@/server/events/service";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage() {
  const actor = await getActor();
  const events = await listEventsWithCounts();
  const isAdmin = actor.role === "ADMIN";
  return (
    <>
      <PageHeader
        title="Events"
        description={isAdmin ? "The shows your team works. Start a new one from a previous event's target list." : "The shows your team works. Admins create and edit events; switch between them in the header."}
      />
      <EventsManager
        isAdmin={isAdmin}
        currentEventId={actor.eventId}
        events={events.map((e) => ({
          id: e.id,
          name: e.name,
          startDate: e.startDate.toISOString().slice(0, 10),
          endDate: e.endDate.toISOString().slice(0, 10),
          venue: e.venue,
          city: e.city,
          timeZone: e.timeZone,
          boothNumber: e.boothNumber,
          description: e.description,
          counts: e.counts,
        }))}
      />
    </>
  );
}
