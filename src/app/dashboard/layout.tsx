import { AppShell } from "@/components/shell/app-shell";
import { DemoModeBanner } from "@/components/shell/demo-mode-banner";
import { isDemoInProduction } from "@/server/env";
import { listEvents } from "@/server/events/service";
import { getWorkspace } from "@/server/users/workspace";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [{ user, event }, events] = await Promise.all([getWorkspace(), listEvents()]);
  return (
    <AppShell
      user={{ name: user.name, email: user.email, image: user.image, role: user.role }}
      events={events.map((e) => ({ id: e.id, name: e.name, city: e.city, startDate: e.startDate.toISOString() }))}
      currentEventId={event?.id ?? null}
      banner={isDemoInProduction() ? <DemoModeBanner /> : null}
    >
      {children}
    </AppShell>
  );
}
