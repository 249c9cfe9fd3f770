import { AppShell } from "@/components/shell/app-shell";
import { DemoModeBanner } from "@/components/shell/demo-mode-banner";
import { isDemoInProduction } from "@/server/env";
import { listEvents } from "@/server/events/service";
import { getActor } from "@/server/access/page-actor";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [actor, events] = await Promise.all([getActor(), listEvents()]);
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, image: actor.image, role: actor.role }}
      events={events.map((e) => ({ id: e.id, name: e.name, city: e.city, startDate: e.startDate.toISOString() }))}
      currentEventId={actor.eventId}
      banner={isDemoInProduction() ? <DemoModeBanner /> : null}
    >
      {children}
    </AppShell>
  );
}
