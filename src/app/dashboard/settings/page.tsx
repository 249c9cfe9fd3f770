import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TeamSettings } from "@/components/settings/team-settings";
import { ExportDataCard } from "@/components/exports/export-card";
import { listTeam } from "@/server/team/service";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getActor } from "@/server/access/page-actor";
import { SuppressionSettings } from "@/components/settings/suppression-settings";
import { JobEngineCard } from "@/components/settings/job-engine-card";
import { BoothAvailabilitySettings } from "@/components/settings/booth-availability";
import { listSuppressions } from "@/server/suppressions/service";
import { listTrash } from "@/server/trash/service";
import { TrashCard } from "@/components/trash/trash-card";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await getActor();
  const { event } = actor;
  const [team, suppressions, trash] = await Promise.all([
    listTeam(),
    listSuppressions({ page: 1, pageSize: 25 }),
    actor.event ? listTrash(actor) : null,
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Your team and workspace." />
      <SettingsNav />
      <TeamSettings
        currentUserId={actor.id}
        isAdmin={actor.role === "ADMIN"}
        members={team.members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, title: m.title }))}
        invites={team.invites.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.createdAt.toISOString() }))}
      />
      {event ? <div className="mt-6"><BoothAvailabilitySettings /></div> : null}
      <div className="mt-6">
        <SuppressionSettings
          isAdmin={actor.role === "ADMIN"}
          initial={{
            items: suppressions.items.map((s) => ({ id: s.id, email: s.email, reason: s.reason, note: s.note, createdAt: s.createdAt.toISOString() })),
            total: suppressions.total,
            page: suppressions.page,
            hasMore: suppressions.hasMore,
          }}
        />
      </div>
      {trash && event ? <div className="mt-6"><TrashCard count={trash.items.length} isAdmin={actor.role === "ADMIN"} eventName={event.name} /></div> : null}
      {actor.role === "ADMIN" && event ? <div className="mt-6"><ExportDataCard eventId={event.id} eventName={event.name} /></div> : null}
      {actor.role === "ADMIN" ? <div className="mt-6"><JobEngineCard /></div> : null}
    </>
  );
}
